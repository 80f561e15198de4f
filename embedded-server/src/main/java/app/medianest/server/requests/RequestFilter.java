package app.medianest.server.requests;

import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of a request list; every field is optional ({@code null} = no filter).
 *
 * @param userId    only this owner's requests
 * @param status    only this status
 * @param mediaType only movies or only shows
 * @param search    title contains this text, case-insensitive
 * @param from      created at or after
 * @param to        created before
 */
public record RequestFilter(UUID userId, RequestStatus status, MediaType mediaType, String search, Instant from,
                            Instant to) {
    public static final RequestFilter NONE = new RequestFilter(null, null, null, null, null, null);

    public RequestFilter withUser(UUID user) {
        return new RequestFilter(user, status, mediaType, search, from, to);
    }
}
