/** Integrations (Plex, Overseerr, Uptime Kuma, yt-dlp): configuration, connection test, circuit breakers. */
package app.medianest.console.services;
