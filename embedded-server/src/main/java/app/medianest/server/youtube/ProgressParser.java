package app.medianest.server.youtube;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads yt-dlp's download output ({@code --newline --progress --print after_move:filepath}): {@code [download]}
 * progress lines and the final path of each finished file. Progress is reported over the whole run: for a
 * playlist of {@code n} videos, each finished file is worth {@code 100/n}. A merged format ({@code 137+140}:
 * video and audio) downloads as one 0-100 % run per part, each announced by a {@code Destination} line; the parts
 * share the video's span equally, so the figure shown keeps rising instead of falling back to 0 for the audio.
 */
final class ProgressParser {
    /** upstreams.md 5.3; the final "100% of ... in ..." summary line deliberately does not match. */
    private static final Pattern PROGRESS = Pattern.compile(
            "^\\[download\\]\\s+(\\d+(?:\\.\\d+)?)% of\\s+~?\\s*([\\d.]+\\w+) at\\s+(\\S+(?: B/s)?) ETA (\\S+)");
    private static final Pattern ITEM = Pattern.compile("^\\[download\\] Downloading item (\\d+) of (\\d+)");
    private static final Pattern FORMATS = Pattern.compile("^\\[info\\] .*: Downloading \\d+ format\\(s\\): (\\S+)");
    private static final Pattern DESTINATION = Pattern.compile("^\\[download\\] Destination: ");

    /** One progress step over the whole download. */
    record Step(int percent, String speed, String eta) {
    }

    private final int items;
    private final List<Path> files = new ArrayList<>();
    private int item = 1;
    /** Parts of the current video's format (2 for video+audio) and how many of them have started. */
    private int parts = 1;
    private int started;
    private int highest;

    /** @param items videos expected (1 for a single video) */
    ProgressParser(int items) {
        this.items = Math.max(1, items);
    }

    /** Feeds one stdout line; returns a step when it was a progress line. */
    Optional<Step> line(String line) {
        Matcher m = PROGRESS.matcher(line);
        if (m.find()) {
            double partPct = Math.min(Double.parseDouble(m.group(1)), 100);
            int part = Math.clamp(started - 1, 0, parts - 1);
            double pct = (part * 100 + partPct) / parts;
            int done = Math.max(item - 1, files.size());
            int overall = (int) Math.floor((done * 100 + Math.min(pct, 100)) / items);
            overall = Math.max(highest, Math.clamp(overall, 0, 100));
            highest = overall;
            String speed = m.group(3).contains("Unknown") ? null : m.group(3);
            String eta = m.group(4).equals("Unknown") || m.group(4).startsWith("--") ? null : m.group(4);
            return Optional.of(new Step(Math.clamp(overall, 0, 100), speed, eta));
        }
        Matcher i = ITEM.matcher(line);
        if (i.find()) {
            item = Integer.parseInt(i.group(1));
            parts = 1;
            started = 0;
            return Optional.empty();
        }
        Matcher f = FORMATS.matcher(line);
        if (f.find()) {
            parts = Math.max(1, f.group(1).split("\\+").length);
            started = 0;
            return Optional.empty();
        }
        if (DESTINATION.matcher(line).find()) {
            started++;
            return Optional.empty();
        }
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("[")) {
            try {
                Path p = Path.of(trimmed);
                if (p.isAbsolute()) {
                    files.add(p);
                }
            } catch (InvalidPathException e) {
                // not a path: some other informational line
            }
        }
        return Optional.empty();
    }

    /** Files yt-dlp reported as finished, in order. */
    List<Path> files() {
        return List.copyOf(files);
    }
}
