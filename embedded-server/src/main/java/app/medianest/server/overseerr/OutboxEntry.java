package app.medianest.server.overseerr;

import app.medianest.model.MediaType;

import java.util.List;
import java.util.UUID;

/**
 * A due outbox row joined with its request.
 *
 * @param id          outbox row id
 * @param requestId   the MediaNest request
 * @param action      what to do upstream
 * @param attempts    failed attempts so far
 * @param mediaType   of the request
 * @param tmdbId      of the request
 * @param seasons     requested seasons (tv), possibly empty
 * @param overseerrId Overseerr's request id once created, else {@code null}
 */
record OutboxEntry(UUID id, UUID requestId, OutboxAction action, int attempts, MediaType mediaType, int tmdbId,
                   List<Integer> seasons, Integer overseerrId) {
}
