package app.medianest.server.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Hostile values and the small encoders the fuzz cases are built from. */
final class Hostile {
    /** Strings a careless server would mishandle; all are valid Unicode without control characters. */
    static final List<String> TEXT = List.of(
            "' OR '1'='1", "'; DROP TABLE media_requests; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)",
            "' UNION SELECT password_hash FROM users --", "%' AND 1=1 AND '%'='", "\\'; --", "%", "_", "\\",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "&lt;&#x3C;",
            "{{7*7}}", "${jndi:ldap://x/a}", "../../etc/passwd", "\u202Eevil\u202C", "\uFEFFbom", "e\u0301",
            "Z\u0337\u0322\u0353a\u0335l\u0338g\u0336o", "\uD83C\uDFAC\uD83C\uDF7F", "\u0130stanbul", "\uFFFF",
            "null", "undefined", "NaN", "-0", "1e309", "9223372036854775808", "\u00e9t\u00e9 \u6771\u4eac", " ", "");

    /** Strings that are never acceptable in a text field: control characters and unpaired surrogates. */
    static final List<String> BROKEN_TEXT = List.of("a\u0000b", "\u0007bell", "line\nbreak", "\r\n", "\uD800",
            "x\uDC00y", "\u001b[31mred");

    private Hostile() {
    }

    static <T> T pick(SplittableRandom rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** A random hostile string, sometimes very long. */
    static String text(SplittableRandom rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> "x".repeat(1 + rnd.nextInt(3000));
            case 1 -> "\uD83C\uDFAC".repeat(1 + rnd.nextInt(400));
            case 2 -> "\u0130".repeat(1 + rnd.nextInt(600));
            case 3 -> pick(rnd, BROKEN_TEXT);
            default -> pick(rnd, TEXT);
        };
    }

    /** A JSON string literal; surrogates and control characters are always written as escapes. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A JSON value of the wrong kind for most fields. */
    static String wrongJson(SplittableRandom rnd) {
        return pick(rnd, List.of("null", "true", "false", "0", "-1", "1.5", "1e400", "99999999999999999999999",
                "[]", "[1,2]", "{}", "{\"a\":1}", "\"\"", json(text(rnd)), "[" .repeat(70) + "]".repeat(70)));
    }

    /** Percent-encodes a query or path value (spaces as %20). */
    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Breaks a JSON text for sure: a proper prefix, a leading or trailing non-space, or a swapped colon. */
    static String breakJson(SplittableRandom rnd, String json) {
        return switch (rnd.nextInt(4)) {
            case 0 -> json.substring(0, rnd.nextInt(Math.max(1, json.length() - 1)));
            case 1 -> pick(rnd, List.of("x", "]", "'", "\u00ff")) + json;
            case 2 -> json + pick(rnd, List.of("x", "}", ",{}", "{}", "]"));
            default -> json.contains(":") ? json.replaceFirst(":", "=") : json + "x";
        };
    }
}
