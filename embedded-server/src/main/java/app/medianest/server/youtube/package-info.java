/**
 * YouTube downloads: URL validation, the persisted queue ({@code youtube_downloads}) with its per-user hourly
 * limit, the worker pool that runs yt-dlp as a subprocess and parses its progress, cancellation that stops the
 * process tree, the Plex scan afterwards, and the {@link app.medianest.server.youtube.DownloadEvents} seam for
 * live progress.
 */
package app.medianest.server.youtube;
