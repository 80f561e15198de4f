package app.medianest.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart rendered as inline SVG, with a left axis and an optional right axis. No scripts, no fonts
 * or styles from outside: the markup stands alone inside the HTML report.
 */
final class SvgLineChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 64;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;
    private static final int TICKS = 5;

    /**
     * One line.
     *
     * @param name      legend text
     * @param color     CSS colour
     * @param xs        x values (seconds)
     * @param ys        y values
     * @param rightAxis whether it is scaled on the right axis
     * @param dashed    whether the line is dashed
     */
    record Series(String name, String color, double[] xs, double[] ys, boolean rightAxis, boolean dashed) {
    }

    private final String title;
    private final String leftLabel;
    private final String rightLabel;
    private final List<Series> series = new ArrayList<>();

    SvgLineChart(String title, String leftLabel, String rightLabel) {
        this.title = title;
        this.leftLabel = leftLabel;
        this.rightLabel = rightLabel;
    }

    SvgLineChart add(Series line) {
        series.add(line);
        return this;
    }

    String render() {
        double maxX = niceCeiling(max(false, true));
        double leftMax = niceCeiling(max(false, false));
        double rightMax = niceCeiling(max(true, false));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"20\" class=\"ct\">").append(Html.escape(title))
                .append("</text>\n");
        axes(svg, maxX, leftMax, rightMax);
        for (Series line : series) {
            polyline(svg, line, maxX, line.rightAxis() ? rightMax : leftMax);
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private double max(boolean rightAxis, boolean xAxis) {
        double max = 0;
        for (Series line : series) {
            if (xAxis || line.rightAxis() == rightAxis) {
                for (double value : xAxis ? line.xs() : line.ys()) {
                    max = Math.max(max, value);
                }
            }
        }
        return max;
    }

    /** The smallest of 1, 2 or 5 times a power of ten at or above the value (1 for an empty chart). */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value * (1 - 1e-9)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private void axes(StringBuilder svg, double maxX, double leftMax, double rightMax) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        boolean hasRight = series.stream().anyMatch(Series::rightAxis);
        for (int tick = 0; tick <= TICKS; tick++) {
            double y = TOP + plotHeight - plotHeight * tick / (double) TICKS;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"yl\">%s</text>%n", LEFT - 6, y + 4,
                    number(leftMax * tick / TICKS)));
            if (hasRight) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"yr\">%s</text>%n",
                        WIDTH - RIGHT + 6, y + 4, number(rightMax * tick / TICKS)));
            }
            double x = LEFT + plotWidth * tick / (double) TICKS;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"xl\">%ss</text>%n", x,
                    HEIGHT - BOTTOM + 16, number(maxX * tick / TICKS)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"al\">%s</text>%n", 8, TOP - 8,
                Html.escape(leftLabel)));
        if (hasRight) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"al ar\">%s</text>%n", WIDTH - 8,
                    TOP - 8, Html.escape(rightLabel)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"al\">elapsed</text>%n",
                LEFT + plotWidth / 2 - 20, HEIGHT - 8));
    }

    private static void polyline(StringBuilder svg, Series line, double maxX, double maxY) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < line.xs().length; i++) {
            double x = LEFT + plotWidth * line.xs()[i] / maxX;
            double y = TOP + plotHeight - plotHeight * Math.min(line.ys()[i], maxY) / maxY;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(line.color()).append('"')
                .append(line.dashed() ? " stroke-dasharray=\"6 4\"" : "")
                .append(" points=\"").append(points.toString().trim()).append("\"/>\n");
    }

    private void legend(StringBuilder svg) {
        int x = LEFT + 260;
        for (Series line : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"12\" width=\"14\" height=\"4\" fill=\"%s\"/>", x,
                    line.color()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" class=\"lg\">%s</text>%n", x + 18,
                    Html.escape(line.name())));
            x += 30 + 7 * line.name().length();
        }
    }

    private static String number(double value) {
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value < 1 ? "%.3f" : "%.1f", value);
    }
}
