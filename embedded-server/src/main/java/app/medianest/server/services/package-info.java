/**
 * Configuration of the integrations (Plex, Overseerr, Uptime Kuma, YouTube/yt-dlp): stored in
 * {@code service_config} with API keys encrypted, overridden by {@code MEDIANEST_*} settings for unattended
 * installs, read by the clients on every call so a change applies without a restart; and the admin routes that
 * list, change and test them.
 */
package app.medianest.server.services;
