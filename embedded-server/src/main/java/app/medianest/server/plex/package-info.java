/**
 * The Plex Media Server integration: the JSON client ({@link app.medianest.server.plex.PlexClient}), the cached
 * library service with its stale fallback ({@link app.medianest.server.plex.PlexService}, which also feeds the
 * dashboard's recently-added list) and the {@code /api/v1/plex} routes.
 */
package app.medianest.server.plex;
