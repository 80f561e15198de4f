package app.medianest.server.metrics;

import java.util.regex.Pattern;

/**
 * The shape of a SQL statement, fit for a metric tag and a log line: whitespace collapsed, string and number
 * literals replaced by {@code ?} (statements carry {@code ?} placeholders only, but a shape never shows a
 * value even if one slipped in), {@code IN (?, ?, ...)} lists folded, and long texts shortened.
 */
final class SqlShape {
    static final int MAX_LENGTH = 240;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final Pattern IN_LIST = Pattern.compile("(?i)\\bIN\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");

    private SqlShape() {
    }

    static String of(String sql) {
        String s = SPACE.matcher(sql).replaceAll(" ").strip();
        s = STRING.matcher(s).replaceAll("?");
        s = NUMBER.matcher(s).replaceAll("?");
        s = IN_LIST.matcher(s).replaceAll("IN (?, ...)");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH - 1) + "…";
        }
        return s;
    }
}
