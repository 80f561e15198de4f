package app.medianest.model.youtube;

/**
 * {@code POST /api/v1/youtube/downloads}.
 *
 * @param url     a youtube.com or youtu.be video or playlist URL
 * @param quality {@code best} (default), {@code 2160p}, {@code 1440p}, {@code 1080p}, {@code 720p}, {@code 480p}
 *                or {@code 360p}
 * @param format  {@code mp4} (default), {@code webm} or {@code mkv}
 */
public record DownloadRequest(String url, String quality, String format) {
}
