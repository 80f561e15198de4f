package app.medianest.console.dashboard;

import java.time.Duration;

/** What the dashboard charts show: the live last 15 minutes, or the server's rolled-up history. */
public enum ChartWindow {
    LIVE_15M("15 min (live)", null, Duration.ofMinutes(15)),
    HOUR_1("1 h", "1h", Duration.ofHours(1)),
    HOURS_6("6 h", "6h", Duration.ofHours(6)),
    HOURS_24("24 h", "24h", Duration.ofHours(24));

    private final String label;
    private final String wire;
    private final Duration span;

    ChartWindow(String label, String wire, Duration span) {
        this.label = label;
        this.wire = wire;
        this.span = span;
    }

    /** The {@code window} parameter of {@code /api/v1/performance/history}, null for live. */
    public String wire() {
        return wire;
    }

    public Duration span() {
        return span;
    }

    public boolean live() {
        return wire == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
