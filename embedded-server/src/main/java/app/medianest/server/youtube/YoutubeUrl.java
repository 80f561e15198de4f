package app.medianest.server.youtube;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated youtube.com / youtu.be URL, reduced to its video or playlist id. yt-dlp is only ever given the
 * canonical URL rebuilt from that id ({@link #canonical()}), never the submitted text.
 *
 * @param videoId    the video, or {@code null} for a playlist
 * @param playlistId the playlist, or {@code null}
 */
public record YoutubeUrl(String videoId, String playlistId) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** True when the URL names a playlist (and no single video). */
    public boolean playlist() {
        return videoId == null;
    }

    /** {@code https://www.youtube.com/watch?v=...} or {@code https://www.youtube.com/playlist?list=...}. */
    public String canonical() {
        return playlist() ? "https://www.youtube.com/playlist?list=" + playlistId
                : "https://www.youtube.com/watch?v=" + videoId;
    }

    /** What makes two submissions "the same download". */
    public String key() {
        return playlist() ? "list:" + playlistId : videoId;
    }

    /**
     * Parses a video URL ({@code /watch?v=}, {@code /shorts/}, {@code /embed/}, {@code /live/}, {@code youtu.be/})
     * or a playlist URL ({@code /playlist?list=}, or {@code list=} without a video).
     *
     * @throws IllegalArgumentException with a message for the client
     */
    public static YoutubeUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http(s) YouTube URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String video = null;
        if (host.equals("youtu.be") || host.equals("www.youtu.be")) {
            video = segment(path, 0);
        } else if (host.equals("youtube.com") || host.endsWith(".youtube.com")) {
            video = switch (path.split("/").length > 1 ? path.split("/")[1] : "") {
                case "watch" -> param(uri, "v");
                case "shorts", "embed", "live", "v" -> segment(path, 1);
                default -> null;
            };
        } else {
            throw new IllegalArgumentException("must be a youtube.com or youtu.be URL");
        }
        String list = param(uri, "list");
        if (video == null && list == null) {
            throw new IllegalArgumentException("does not name a YouTube video or playlist");
        }
        if (video != null && !ID.matcher(video).matches() || list != null && !ID.matcher(list).matches()) {
            throw new IllegalArgumentException("has a malformed video or playlist id");
        }
        return new YoutubeUrl(video, list);
    }

    private static String segment(String path, int index) {
        String[] parts = path.replaceAll("^/+", "").split("/");
        return parts.length > index && !parts[index].isEmpty() ? parts[index] : null;
    }

    private static String param(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=") && pair.length() > name.length() + 1) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
