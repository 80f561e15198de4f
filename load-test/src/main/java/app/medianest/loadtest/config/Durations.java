package app.medianest.loadtest.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats the short duration notation used on the command line: {@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1h}, and combinations such as {@code 1m30s}. A bare {@code 0} means zero.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a duration such as {@code 30s}, {@code 2m}, {@code 500ms} or {@code 1m30s}.
     *
     * @param text the text to parse
     * @return the duration, never negative
     * @throws IllegalArgumentException naming the text when it is not a duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a duration like 30s, 2m or 500ms, got '" + text + "'");
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int position = 0;
        while (matcher.find() && matcher.start() == position) {
            total = total.plus(part(Long.parseLong(matcher.group(1)), matcher.group(2), text));
            position = matcher.end();
        }
        if (position == 0 || position != trimmed.length()) {
            throw new IllegalArgumentException("expected a duration like 30s, 2m or 500ms, got '" + text + "'");
        }
        return total;
    }

    private static Duration part(long amount, String unit, String text) {
        if (amount > 1_000_000_000L) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /**
     * Formats a duration in the same notation, e.g. {@code 2m}, {@code 1m30s}, {@code 500ms} or {@code 0s}.
     *
     * @param duration a non-negative duration
     * @return the short text
     */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        appendPart(text, duration.toHours(), "h");
        appendPart(text, duration.toMinutesPart(), "m");
        appendPart(text, duration.toSecondsPart(), "s");
        appendPart(text, duration.toMillisPart(), "ms");
        return text.isEmpty() ? duration.toNanos() + "ns" : text.toString();
    }

    private static void appendPart(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
