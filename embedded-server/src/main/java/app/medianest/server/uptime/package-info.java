/**
 * Uptime Kuma: the client (public status-page JSON, or Prometheus {@code /metrics} when an API key is set) and
 * the scheduled {@link app.medianest.server.uptime.StatusPoller} that writes every service's status in one bulk
 * upsert and reports changes.
 */
package app.medianest.server.uptime;
