package app.medianest.server.uptime;

import app.medianest.model.ServiceState;

/**
 * One monitor as Uptime Kuma last saw it.
 *
 * @param name           monitor name as shown in Uptime Kuma
 * @param state          up, down, degraded (pending or maintenance) or unknown (no beats)
 * @param responseTimeMs last ping, or {@code null}
 * @param uptime24h      0..1 over the last day, or {@code null}
 * @param uptime30d      0..1 over 30 days, or {@code null} (only {@code /metrics} of Uptime Kuma 2.1+ has it)
 * @param message        e.g. "maintenance", or {@code null}
 */
record MonitorReading(String name, ServiceState state, Integer responseTimeMs, Double uptime24h, Double uptime30d,
                      String message) {

    /** Uptime Kuma's heartbeat status codes: 0 down, 1 up, 2 pending, 3 maintenance. */
    static ServiceState state(int code) {
        return switch (code) {
            case 0 -> ServiceState.DOWN;
            case 1 -> ServiceState.UP;
            case 2, 3 -> ServiceState.DEGRADED;
            default -> ServiceState.UNKNOWN;
        };
    }

    static String message(int code) {
        return switch (code) {
            case 2 -> "pending: failing checks are being retried";
            case 3 -> "maintenance";
            default -> null;
        };
    }
}
