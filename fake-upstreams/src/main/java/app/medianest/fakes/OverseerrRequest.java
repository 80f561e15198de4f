package app.medianest.fakes;

import java.time.Instant;
import java.util.List;

/**
 * A media request held by the fake Overseerr.
 *
 * @param id            request id
 * @param status        {@link #PENDING}, {@link #APPROVED}, {@link #DECLINED} or {@link #FAILED}
 * @param mediaType     movie or tv
 * @param tmdbId        TMDB id of the media
 * @param is4k          whether it is a 4K request
 * @param seasons       requested season numbers (tv only)
 * @param requestedBy   id of the requesting user
 * @param modifiedBy    id of the last user who changed the status, or {@code null}
 * @param createdAt     creation time
 * @param updatedAt     last change
 */
public record OverseerrRequest(int id, int status, MediaType mediaType, int tmdbId, boolean is4k,
                               List<Integer> seasons, int requestedBy, Integer modifiedBy, Instant createdAt,
                               Instant updatedAt) {

    /** Awaiting approval. */
    public static final int PENDING = 1;
    /** Approved. */
    public static final int APPROVED = 2;
    /** Declined. */
    public static final int DECLINED = 3;
    /** Failed in Radarr/Sonarr. */
    public static final int FAILED = 4;

    /** Copies the season list. */
    public OverseerrRequest {
        seasons = List.copyOf(seasons);
    }

    /** The same request with a new status set by {@code userId}. */
    public OverseerrRequest withStatus(int newStatus, Integer userId, Instant now) {
        return new OverseerrRequest(id, newStatus, mediaType, tmdbId, is4k, seasons, requestedBy, userId, createdAt,
                now);
    }

    /** True while the request still counts against re-requesting (not declined or failed). */
    public boolean active() {
        return status == PENDING || status == APPROVED;
    }
}
