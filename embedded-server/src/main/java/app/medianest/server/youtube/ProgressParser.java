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
 * playlist of {@code n} videos, each finished file is worth {@code 100/n}. MediaNest always asks for a merged
 * format (video + audio), which yt-dlp downloads as two 0-100 % runs, each closed by a {@code 100% of ... in ...}
 * summary line ({@code --print} makes yt-dlp quiet, so no {@code Destination} lines tell the parts apart). The two
 * runs share each video's span equally, so the figure shown keeps rising instead of falling back to 0 for the
 * audio; a video that comes as a single file (the {@code /b} fallback) stops at half its span until it is done.
 */
final class ProgressParser {
    /** upstreams.md 5.3; the final "100% of ... in ..." summary line deliberately does not match. */
    private static final Pattern PROGRESS = Pattern.compile(
            "^\\[download\\]\\s+(\\d+(?:\\.\\d+)?)% of\\s+~?\\s*([\\d.]+\\w+) at\\s+(\\S+(?: B/s)?) ETA (\\S+)");
    private static final Pattern ITEM = Pattern.compile("^\\[download\\] Downloading item (\\d+) of (\\d+)");
    private static final Pattern PART_DONE = Pattern.compile("^\\[download\\]\\s+100(?:\\.0)?% of .* in ");
    /** Runs per video of the formats MediaNest asks for: the video and the audio, downloaded separately. */
    static final int MERGED = 2;

    /** One progress step over the whole download. */
    record Step(int percent, String speed, String eta) {
    }

    private final int items;
    private final List<Path> files = new ArrayList<>();
    private int item = 1;
    /** Runs of the current video finished so far, and the highest figure reported (it never goes down). */
    private int partsDone;
    private int highest;

    private final int parts;

    /** @param items videos expected (1 for a single video), each downloaded in one run */
    ProgressParser(int items) {
        this(items, 1);
    }

    /**
     * @param items videos expected (1 for a single video)
     * @param parts progress runs per video ({@link #MERGED} for video + audio)
     */
    ProgressParser(int items, int parts) {
        this.items = Math.max(1, items);
        this.parts = Math.max(1, parts);
    }

    /** Feeds one stdout line; returns a step when it was a progress line. */
    Optional<Step> line(String line) {
        Matcher m = PROGRESS.matcher(line);
        if (m.find()) {
            double partPct = Math.min(Double.parseDouble(m.group(1)), 100);
            int part = Math.min(partsDone, parts - 1);
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
            partsDone = 0;
            return Optional.empty();
        }
        if (PART_DONE.matcher(line).find()) {
            partsDone++;
            return Optional.empty();
        }
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("[")) {
            try {
                Path p = Path.of(trimmed);
                if (p.isAbsolute()) {
                    files.add(p);
                    partsDone = 0;
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
