package app.medianest.console.controls;

import app.medianest.console.dashboard.ChartModel;
import app.medianest.console.dashboard.ChartWindow;
import app.medianest.console.dashboard.SeriesBuffer;
import app.medianest.console.dashboard.Severity;
import app.medianest.console.dashboard.Thresholds;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.Locale;

/**
 * A small line chart on one {@link Canvas}: the lines of a {@link ChartModel}, its warning and critical
 * threshold lines, and the current value coloured by severity. One canvas per chart and no node per point,
 * so redrawing 900 points a second costs a few hundred microseconds and allocates next to nothing.
 *
 * <p>The scale keeps the thresholds readable: when the data rise above {@value #CLIP} times the critical line
 * (one start-up spike of 3 s against a 500 ms line), the axis stops at {@value #CLIP} times critical, points
 * above it are drawn on the top edge with a red mark, and the chart says how high the clipped peak went.
 */
public final class ThresholdChart extends Region {
    private static final Color[] PALETTE = {Color.web("#4e9af1"), Color.web("#b07cf7"), Color.web("#f0a04b"),
        Color.web("#3cc4a3")};
    private static final Color WARNING = Color.web("#e6a700");
    private static final Color CRITICAL = Color.web("#e5484d");
    private static final Color OK = Color.web("#30a46c");
    private static final Font SMALL = Font.font(10);
    private static final Font TITLE = Font.font(null, javafx.scene.text.FontWeight.BOLD, 12);
    private static final Font VALUE = Font.font(null, javafx.scene.text.FontWeight.BOLD, 14);

    /** The axis never goes above this multiple of the critical line (for rules whose bad side is above it). */
    public static final double CLIP = 2;

    private final Canvas canvas = new Canvas();
    private double scaleMax = 1;
    private double clippedPeak = Double.NaN;
    private final ChartModel model;
    private final ObservableValue<ChartWindow> window;
    private long draws;
    private final boolean fitToData;
    private final double titleWidth;
    private final double[] lineNameWidths;
    private boolean stale;

    public ThresholdChart(ChartModel model, ObservableValue<ChartWindow> window) {
        this(model, window, false);
    }

    /**
     * @param fitToData when true the time axis spans the data (a load-test run), not the whole window
     */
    public ThresholdChart(ChartModel model, ObservableValue<ChartWindow> window, boolean fitToData) {
        this.model = model;
        this.window = window;
        this.fitToData = fitToData;
        this.titleWidth = textWidth(model.title() + " (" + model.unit() + ")", TITLE);
        this.lineNameWidths = model.lines().stream().mapToDouble(l -> textWidth(l.name(), SMALL)).toArray();
        getChildren().add(canvas);
        getStyleClass().add("threshold-chart");
        setMinSize(220, 140);
        setPrefSize(360, 180);
        model.version().addListener((o, a, b) -> draw());
        window.addListener((o, a, b) -> draw());
        model.thresholdsProperty().addListener((o, a, b) -> draw());
    }

    public ChartModel model() {
        return model;
    }

    /** How often this chart was drawn (tests, and the smoothness measurement). */
    public long draws() {
        return draws;
    }

    /** Draws if a tick arrived while the chart was hidden. */
    public void redraw() {
        if (stale) {
            draw();
        }
    }

    private boolean showing() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return getScene() != null;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** Draws now if showing, else on the next {@link #redraw()} (hidden charts cost nothing per tick). */
    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 10 || h < 10 || !showing()) {
            stale = true;
            return;
        }
        stale = false;
        draws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#1d2127"));
        g.fillRect(0, 0, w, h);
        ChartWindow win = window.getValue();
        boolean live = win == null || win.live();
        double left = 44;
        double right = w - 8;
        double top = 26;
        double bottom = h - 16;
        long to = latest(live);
        long from = to - (win == null ? ChartWindow.LIVE_15M : win).span().toMillis();
        if (fitToData) {
            from = Math.max(from, Math.min(earliest(live), to - 10_000));
        }
        Thresholds t = model.thresholds();
        double peak = dataMax(live, from);
        double max = scale(peak, t);
        if ("%".equals(model.unit())) {
            max = Math.min(max, 100);
        }
        scaleMax = max;
        clippedPeak = peak > max ? peak : Double.NaN;
        g.setStroke(Color.web("#2c323a"));
        g.setLineWidth(1);
        g.setFont(SMALL);
        g.setFill(Color.web("#8b949e"));
        for (int i = 0; i <= 4; i++) {
            double y = bottom - (bottom - top) * i / 4;
            g.strokeLine(left, y, right, y);
            g.fillText(format(max * i / 4), 4, y + 3);
        }
        threshold(g, t.warning(), WARNING, max, left, right, top, bottom);
        threshold(g, t.critical(), CRITICAL, max, left, right, top, bottom);
        for (int i = 0; i < model.lines().size(); i++) {
            ChartModel.Line line = model.lines().get(i);
            plot(g, live ? line.live() : line.history(), PALETTE[i % PALETTE.length], from, to, max, left, right,
                    top, bottom);
        }
        if (!Double.isNaN(clippedPeak)) {
            for (ChartModel.Line line : model.lines()) {
                markClipped(g, live ? line.live() : line.history(), from, to, max, left, right, top);
            }
            g.setFont(SMALL);
            g.setFill(CRITICAL);
            g.fillText("peak " + format(clippedPeak) + " " + model.unit() + " (off scale)", left + 4, top + 10);
        }
        legend(g, w, live);
    }

    /**
     * The axis maximum for data peaking at {@code peak}: room for the data and both threshold lines, but never
     * above {@link #CLIP} times the critical line of an "above" rule, so one spike cannot flatten the thresholds.
     */
    static double scale(double peak, Thresholds t) {
        double lines = Math.max(orZero(t.warning()), orZero(t.critical()));
        double max = niceMax(Math.max(peak, lines));
        if (t.critical() != null && t.critical() > 0 && !t.below()) {
            max = Math.min(max, Math.max(CLIP * t.critical(), niceMax(lines)));
        }
        return max;
    }

    /** The axis maximum of the last drawing. */
    public double scaleMax() {
        return scaleMax;
    }

    /** The highest value of the last drawing when it was above the axis (clipped), else NaN. */
    public double clippedPeak() {
        return clippedPeak;
    }

    /** A red tick on the top edge over every point above the axis. */
    private static void markClipped(GraphicsContext g, SeriesBuffer s, long from, long to, double max, double left,
                                    double right, double top) {
        double span = Math.max(1, to - from);
        g.setFill(CRITICAL);
        for (int i = 0; i < s.size(); i++) {
            long t = s.time(i);
            double v = s.value(i);
            if (t >= from && v > max) {
                double x = left + (right - left) * (t - from) / span;
                g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {top - 6, top - 6, top}, 3);
            }
        }
    }

    private void legend(GraphicsContext g, double w, boolean live) {
        g.setFont(TITLE);
        g.setFill(Color.web("#e6edf3"));
        g.fillText(model.title() + " (" + model.unit() + ")", 6, 15);
        double x = 6 + titleWidth + 14;
        g.setFont(SMALL);
        for (int i = 0; i < model.lines().size() && model.lines().size() > 1; i++) {
            g.setFill(PALETTE[i % PALETTE.length]);
            g.fillRect(x, 7, 8, 8);
            g.fillText(model.lines().get(i).name(), x + 11, 15);
            x += 20 + lineNameWidths[i];
        }
        double v = live ? model.current() : Double.NaN;
        Severity s = model.severityProperty().get();
        g.setFont(VALUE);
        g.setFill(switch (s) {
            case CRITICAL -> CRITICAL;
            case WARNING -> WARNING;
            case OK -> OK;
            case NONE -> Color.web("#e6edf3");
        });
        String text = Double.isNaN(v) ? (live ? "-" : "") : format(v) + " " + model.unit();
        g.fillText(text, w - 8 - textWidth(text, VALUE), 17);
    }

    private static void threshold(GraphicsContext g, Double value, Color c, double max, double left, double right,
                                  double top, double bottom) {
        if (value == null) {
            return;
        }
        double y = bottom - (bottom - top) * Math.min(value / max, 1);
        g.setStroke(c);
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.strokeLine(left, y, right, y);
        g.setLineDashes((double[]) null);
    }

    private static void plot(GraphicsContext g, SeriesBuffer s, Color c, long from, long to, double max, double left,
                             double right, double top, double bottom) {
        g.setStroke(c);
        g.setLineWidth(1.6);
        double span = Math.max(1, to - from);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < s.size(); i++) {
            long t = s.time(i);
            double v = s.value(i);
            if (t < from || Double.isNaN(v)) {
                drawing = false;
                continue;
            }
            double x = left + (right - left) * (t - from) / span;
            double y = bottom - (bottom - top) * Math.min(v / max, 1);
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }

    /** Width of {@code s} in {@code font} (a reused Text node: no allocation per call beyond the string). */
    private static double textWidth(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    private long earliest(boolean live) {
        long earliest = Long.MAX_VALUE;
        for (ChartModel.Line l : model.lines()) {
            SeriesBuffer b = live ? l.live() : l.history();
            if (b.size() > 0) {
                earliest = Math.min(earliest, b.time(0));
            }
        }
        return earliest;
    }

    private long latest(boolean live) {
        long latest = 0;
        for (ChartModel.Line l : model.lines()) {
            SeriesBuffer b = live ? l.live() : l.history();
            if (b.size() > 0) {
                latest = Math.max(latest, b.time(b.size() - 1));
            }
        }
        return latest == 0 ? System.currentTimeMillis() : latest;
    }

    private double dataMax(boolean live, long from) {
        double m = 0;
        for (ChartModel.Line l : model.lines()) {
            double v = (live ? l.live() : l.history()).max(from);
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least 10 % above {@code v}. */
    static double niceMax(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double target = v * 1.1;
        double p = Math.pow(10, Math.floor(Math.log10(target)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= target) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String format(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
