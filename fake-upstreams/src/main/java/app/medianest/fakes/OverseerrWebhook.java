package app.medianest.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A webhook payload in Overseerr's default template shape (upstreams.md 3.10): every substituted value is a
 * string, {@code issue}/{@code comment} are null, tv requests carry "Requested Seasons" in {@code extra}.
 *
 * @param type        the notification type
 * @param title       the requested title
 * @param requestId   Overseerr request id
 * @param requestedBy the requesting user
 * @param is4k        whether it is a 4K request
 * @param seasons     requested seasons (tv only)
 */
public record OverseerrWebhook(Type type, SampleTitle title, int requestId, OverseerrUser requestedBy, boolean is4k,
                               List<Integer> seasons) {

    private static final String IMAGE_BASE = "https://image.tmdb.org/t/p/w600_and_h900_bestv2";

    /** Media notification types with their {@code event} text and resulting media status name. */
    public enum Type {
        /** A request awaits approval. */
        MEDIA_PENDING("New %s Request", "PENDING"),
        /** A request was approved automatically. */
        MEDIA_AUTO_APPROVED("%s Request Automatically Approved", "PROCESSING"),
        /** A request was approved. */
        MEDIA_APPROVED("%s Request Approved", "PROCESSING"),
        /** A request was declined. */
        MEDIA_DECLINED("%s Request Declined", "UNKNOWN"),
        /** The media became available. */
        MEDIA_AVAILABLE("%s Request Now Available", "AVAILABLE"),
        /** Sending the request to Radarr/Sonarr failed. */
        MEDIA_FAILED("%s Request Failed", "PROCESSING");

        private final String eventPattern;
        private final String mediaStatus;

        Type(String eventPattern, String mediaStatus) {
            this.eventPattern = eventPattern;
            this.mediaStatus = mediaStatus;
        }
    }

    /** Validates and copies. */
    public OverseerrWebhook {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(requestedBy, "requestedBy");
        seasons = List.copyOf(seasons);
    }

    /** A non-4K payload; tv titles default to all their seasons. */
    public static OverseerrWebhook of(Type type, SampleTitle title, int requestId, OverseerrUser requestedBy) {
        List<Integer> seasons = title.isMovie() ? List.of()
                : IntStream.rangeClosed(1, title.seasonCount()).boxed().toList();
        return new OverseerrWebhook(type, title, requestId, requestedBy, false, seasons);
    }

    /** The same payload for other seasons. */
    public OverseerrWebhook withSeasons(List<Integer> requested) {
        return new OverseerrWebhook(type, title, requestId, requestedBy, is4k, requested);
    }

    /** The same payload as a 4K request. */
    public OverseerrWebhook as4k() {
        return new OverseerrWebhook(type, title, requestId, requestedBy, true, seasons);
    }

    /** The {@code event} text, e.g. {@code Movie Request Approved} or {@code New 4K Series Request}. */
    public String event() {
        String kind = (is4k ? "4K " : "") + (title.isMovie() ? "Movie" : "Series");
        return String.format(type.eventPattern, kind);
    }

    /** The JSON body Overseerr would POST. */
    public String toJson() {
        String overview = title.overview() == null ? "" : title.overview();
        ObjectNode body = Json.object()
                .put("notification_type", type.name()).put("event", event())
                .put("subject", title.titleWithYear())
                .put("message", overview.length() > 500 ? overview.substring(0, 500) : overview)
                .put("image", IMAGE_BASE + title.posterPath());
        body.putObject("media")
                .put("media_type", title.mediaType().wireName()).put("tmdbId", String.valueOf(title.tmdbId()))
                .put("tvdbId", title.tvdbId() == null ? "" : String.valueOf(title.tvdbId()))
                .put("status", is4k ? "UNKNOWN" : type.mediaStatus)
                .put("status4k", is4k ? type.mediaStatus : "UNKNOWN");
        body.putObject("request")
                .put("request_id", String.valueOf(requestId)).put("requestedBy_email", requestedBy.email())
                .put("requestedBy_username", requestedBy.username()).put("requestedBy_avatar", "/os_logo_square.png")
                .put("requestedBy_settings_discordId", "").put("requestedBy_settings_telegramChatId", "");
        body.putNull("issue").putNull("comment");
        ArrayNode extra = body.putArray("extra");
        if (!title.isMovie()) {
            extra.addObject().put("name", "Requested Seasons")
                    .put("value", seasons.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return Json.string(body);
    }

    /** The body of Overseerr's "Test Notification". */
    public static String testNotification() {
        ObjectNode body = Json.object()
                .put("notification_type", "TEST_NOTIFICATION").put("event", "").put("subject", "Test Notification")
                .put("message", "Check check, 1, 2, 3. Are we coming in clear?").put("image", "");
        body.putNull("media").putNull("request").putNull("issue").putNull("comment");
        body.putArray("extra");
        return Json.string(body);
    }

    /**
     * POSTs a payload as Overseerr does (JSON, {@code Authorization} only when given) and returns the status.
     *
     * @param url           the receiving endpoint, e.g. MediaNest's {@code /api/v1/webhooks/overseerr}
     * @param authorization the exact header value, or {@code null} to send none
     * @param json          the body, e.g. {@link #toJson()}
     */
    public static int post(URI url, String authorization, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
