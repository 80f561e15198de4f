package app.medianest.model.youtube;

/**
 * {@code GET /api/v1/youtube/metadata?url=}. For a playlist URL {@code videoId}, {@code duration} and
 * {@code uploadDate} are {@code null} and {@code entryCount} says how many videos it holds.
 *
 * @param videoId    YouTube video id
 * @param playlistId playlist id, or {@code null}
 * @param title      video or playlist title
 * @param channel    channel name, or {@code null}
 * @param duration   seconds, or {@code null}
 * @param thumbnail  thumbnail URL, or {@code null}
 * @param uploadDate {@code YYYY-MM-DD}, or {@code null}
 * @param entryCount videos in the playlist, or {@code null} for a single video
 */
public record VideoMetadata(String videoId, String playlistId, String title, String channel, Integer duration,
                            String thumbnail, String uploadDate, Integer entryCount) {
}
