package app.medianest.server.upstream;

import app.medianest.model.ServiceStatusView;

/**
 * A home service's status (as polled from Uptime Kuma) changed, e.g. from {@code up} to {@code down}.
 *
 * @param previous the status stored before this poll
 * @param current  the status just stored
 */
public record ServiceStatusChange(ServiceStatusView previous, ServiceStatusView current) {
}
