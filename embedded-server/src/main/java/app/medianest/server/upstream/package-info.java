/**
 * Shared plumbing of the upstream clients: the HTTP helper with timeouts and failure classification, the
 * upstream exception, the plex.tv client, and the {@link app.medianest.server.upstream.ServiceEvents} seam through
 * which breaker transitions and service status changes leave the integrations.
 */
package app.medianest.server.upstream;
