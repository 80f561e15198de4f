package app.medianest.console.dashboard;

import app.medianest.model.perf.BreakerState;

/** How the console names server states to a person, in one place for every view. */
public final class DashboardLabels {
    private DashboardLabels() {
    }

    /** A breaker state: {@code closed}, {@code half open}, {@code not configured}, ... */
    public static String breaker(BreakerState state) {
        return state == null ? "unknown" : state.wire().replace('_', ' ');
    }
}
