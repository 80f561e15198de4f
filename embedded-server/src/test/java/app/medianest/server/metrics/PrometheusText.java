package app.medianest.server.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: every line must be a HELP,
 * TYPE, comment or sample line; names, label names and escaped label values must be valid; a family is
 * declared once, before its samples, which are contiguous; no series repeats; histogram buckets carry
 * {@code le}, are cumulative and end with {@code +Inf} equal to {@code _count}. Throws
 * {@link IllegalArgumentException} naming the line on the first violation.
 */
final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern VALUE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|[+-]Inf");

    /** One sample. */
    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.get(key);
        }
    }

    /** The parsed exposition: families by name with their type, and every sample in order. */
    record Exposition(Map<String, String> types, List<Sample> samples) {
        List<Sample> named(String name) {
            return samples.stream().filter(s -> s.name().equals(name)).toList();
        }

        boolean has(String name, Map<String, String> labels) {
            return samples.stream().anyMatch(s -> s.name().equals(name) && s.labels().entrySet()
                    .containsAll(labels.entrySet()));
        }
    }

    private PrometheusText() {
    }

    static Exposition parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        Set<String> closed = new HashSet<>();
        Set<String> series = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        Map<String, List<Sample>> buckets = new HashMap<>();
        String current = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                require(helped.add(m.group(1)), n, "second HELP for " + m.group(1));
            } else if ((m = TYPE.matcher(line)).matches()) {
                String family = m.group(1);
                require(!types.containsKey(family), n, "second TYPE for " + family);
                if (current != null) {
                    closed.add(current);
                }
                types.put(family, m.group(2));
                current = family;
            } else if (line.startsWith("#")) {
                continue;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                String name = m.group(1);
                String family = familyOf(name, types);
                require(family != null, n, "sample before its TYPE: " + name);
                require(family.equals(current), n, "samples of " + family + " are not contiguous");
                require(!closed.contains(family), n, "family " + family + " reopened");
                Map<String, String> labels = labels(m.group(3), n);
                require(VALUE.matcher(m.group(4)).matches(), n, "bad value '" + m.group(4) + "'");
                require(series.add(name + labels), n, "duplicate series " + name + labels);
                Sample s = new Sample(name, labels, parseValue(m.group(4)));
                checkSuffix(types.get(family), family, s, n);
                samples.add(s);
                if (name.endsWith("_bucket")) {
                    Map<String, String> key = new LinkedHashMap<>(labels);
                    key.remove("le");
                    buckets.computeIfAbsent(family + key, k -> new ArrayList<>()).add(s);
                }
            } else {
                throw new IllegalArgumentException("line " + n + " is not valid exposition text: " + line);
            }
        }
        checkHistograms(buckets, samples);
        return new Exposition(types, samples);
    }

    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : new String[] {"_bucket", "_sum", "_count", "_total", "_created"}) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return null;
    }

    private static void checkSuffix(String type, String family, Sample s, int n) {
        String suffix = s.name().substring(family.length());
        switch (type) {
            case "histogram" -> {
                require(List.of("_bucket", "_sum", "_count", "_created").contains(suffix), n,
                        "histogram sample " + s.name());
                require(!suffix.equals("_bucket") || s.labels().containsKey("le"), n, "bucket without le");
            }
            case "summary" -> require(List.of("", "_sum", "_count", "_created").contains(suffix), n,
                    "summary sample " + s.name());
            case "counter" -> require(List.of("", "_total", "_created").contains(suffix), n, "counter " + s.name());
            default -> require(suffix.isEmpty(), n, type + " sample " + s.name());
        }
    }

    private static void checkHistograms(Map<String, List<Sample>> buckets, List<Sample> samples) {
        for (Map.Entry<String, List<Sample>> e : buckets.entrySet()) {
            double lastLe = Double.NEGATIVE_INFINITY;
            double lastCount = 0;
            for (Sample b : e.getValue()) {
                double le = parseValue(b.label("le"));
                require(le > lastLe, 0, "buckets out of order in " + e.getKey());
                require(b.value() >= lastCount, 0, "bucket counts decrease in " + e.getKey());
                lastLe = le;
                lastCount = b.value();
            }
            require(lastLe == Double.POSITIVE_INFINITY, 0, "no +Inf bucket in " + e.getKey());
            Sample last = e.getValue().getLast();
            String countName = last.name().replaceFirst("_bucket$", "_count");
            Map<String, String> labels = new LinkedHashMap<>(last.labels());
            labels.remove("le");
            double count = samples.stream().filter(s -> s.name().equals(countName) && s.labels().equals(labels))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no _count for " + e.getKey())).value();
            require(count == last.value(), 0, "+Inf bucket differs from _count in " + e.getKey());
        }
    }

    private static Map<String, String> labels(String body, int n) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(body);
        int at = 0;
        while (at < body.length()) {
            require(m.find(at) && m.start() == at, n, "bad label at '" + body.substring(at) + "'");
            require(labels.put(m.group(1), unescape(m.group(2))) == null, n, "repeated label " + m.group(1));
            at = m.end();
            if (at < body.length()) {
                require(body.charAt(at) == ',', n, "labels must be separated by commas");
                at++;
            }
        }
        return labels;
    }

    private static String unescape(String v) {
        return v.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private static void require(boolean ok, int line, String problem) {
        if (!ok) {
            throw new IllegalArgumentException((line > 0 ? "line " + line + ": " : "") + problem);
        }
    }
}
