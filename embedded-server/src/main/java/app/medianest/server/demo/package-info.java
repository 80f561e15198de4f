/**
 * Demo mode ({@code java -jar medianest-server.jar demo}): simulated Plex, Overseerr, Uptime Kuma, plex.tv and
 * yt-dlp in the same process, MediaNest configured to use them, sample data and a demo admin, so the whole
 * system can be tried without any real service.
 */
package app.medianest.server.demo;
