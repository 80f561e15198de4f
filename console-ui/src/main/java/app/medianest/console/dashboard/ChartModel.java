package app.medianest.console.dashboard;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.function.Function;

/**
 * The data behind one dashboard chart: named series (live, sampled every second, and the rolled-up history
 * of the chosen longer window), the thresholds of the rule that watches it and the severity of its current
 * value. It holds no scene-graph class; the view redraws when {@link #version()} changes, once per tick.
 */
public final class ChartModel {
    /** One line of the chart. */
    public record Line(String name, SeriesBuffer live, SeriesBuffer history) {
    }

    private final String title;
    private final String unit;
    private final List<Line> lines;
    private final int severityLine;
    private final ReadOnlyObjectWrapper<Thresholds> thresholds = new ReadOnlyObjectWrapper<>(Thresholds.NONE);
    private final ReadOnlyObjectWrapper<Severity> severity = new ReadOnlyObjectWrapper<>(Severity.NONE);
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();

    /**
     * @param title         chart title
     * @param unit          unit of every line
     * @param names         line names
     * @param severityLine  index of the line whose current value is judged against the thresholds
     * @param liveCapacity  points kept live (900 = 15 minutes at one per second)
     */
    public ChartModel(String title, String unit, List<String> names, int severityLine, int liveCapacity) {
        this.title = title;
        this.unit = unit;
        this.lines = names.stream().map(n -> new Line(n, new SeriesBuffer(liveCapacity), new SeriesBuffer(300)))
                .toList();
        this.severityLine = severityLine;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    public List<Line> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<Thresholds> thresholdsProperty() {
        return thresholds.getReadOnlyProperty();
    }

    public Thresholds thresholds() {
        return thresholds.get();
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    /** Increments once per applied tick; the view redraws on change. */
    public ReadOnlyLongProperty version() {
        return version.getReadOnlyProperty();
    }

    /** The newest live value of the judged line. */
    public double current() {
        return lines.get(severityLine).live().last();
    }

    public void thresholds(Thresholds t) {
        thresholds.set(t);
        severity.set(t.classify(current()));
    }

    /** Appends one point per line ({@code values} in line order, null for no data). */
    public void addLive(long at, List<Double> values) {
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).live().add(at, values.get(i));
        }
        severity.set(thresholds.get().classify(current()));
    }

    /** Replaces the history lines with points from {@code extract} applied to each history step. */
    public <P> void history(List<P> points, Function<P, Long> at, List<Function<P, Double>> extract) {
        for (int i = 0; i < lines.size(); i++) {
            SeriesBuffer b = lines.get(i).history();
            b.clear();
            for (P p : points) {
                b.add(at.apply(p), extract.get(i).apply(p));
            }
        }
    }

    public void changed() {
        version.set(version.get() + 1);
    }
}
