package app.medianest.fakes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Overseerr's media and request state and its rules (upstreams.md 3.5-3.9); every method is atomic. */
final class OverseerrStore {

    /** What a state change gave. */
    sealed interface Outcome permits Done, Rejected {
    }

    /** The change happened. */
    record Done(OverseerrRequest request) implements Outcome {
    }

    /** The change was refused with this status and message. */
    record Rejected(int status, String message) implements Outcome {
    }

    private final Clock clock;
    private final Map<String, OverseerrMedia> media = new LinkedHashMap<>();
    private final Map<Integer, OverseerrRequest> requests = new LinkedHashMap<>();
    private int nextMediaId = 1;
    private int nextRequestId = 1;

    OverseerrStore(SampleCatalog catalog, Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        for (SampleTitle title : catalog.inLibrary()) {
            media.put(key(title), new OverseerrMedia(nextMediaId++, title, OverseerrMedia.AVAILABLE,
                    OverseerrMedia.UNKNOWN, now, now));
        }
    }

    synchronized Optional<OverseerrMedia> media(SampleTitle title) {
        return Optional.ofNullable(media.get(key(title)));
    }

    synchronized Optional<OverseerrMedia> mediaOf(MediaType type, int tmdbId) {
        return Optional.ofNullable(media.get(type.wireName() + ":" + tmdbId));
    }

    synchronized Optional<OverseerrRequest> request(int id) {
        return Optional.ofNullable(requests.get(id));
    }

    synchronized List<OverseerrRequest> all() {
        return List.copyOf(requests.values());
    }

    synchronized List<OverseerrRequest> requestsFor(SampleTitle title) {
        return requests.values().stream()
                .filter(r -> r.mediaType() == title.mediaType() && r.tmdbId() == title.tmdbId()).toList();
    }

    /** Creates a request; {@code seasons} is null for "all" and ignored for movies. */
    synchronized Outcome create(OverseerrUser caller, OverseerrUser owner, SampleTitle title, List<Integer> seasons,
                                boolean is4k) {
        OverseerrMedia existing = media.get(key(title));
        boolean available = existing != null && existing.status(is4k) == OverseerrMedia.AVAILABLE;
        List<OverseerrRequest> active = requestsFor(title).stream()
                .filter(r -> r.is4k() == is4k && r.active()).toList();
        List<Integer> wanted = List.of();
        if (title.isMovie()) {
            if (available || !active.isEmpty()) {
                return new Rejected(409, "Request for this media already exists.");
            }
        } else {
            Set<Integer> taken = new TreeSet<>();
            active.forEach(r -> taken.addAll(r.seasons()));
            List<Integer> asked = seasons == null ? IntStream.rangeClosed(1, title.seasonCount()).boxed().toList()
                    : seasons;
            wanted = asked.stream().distinct().filter(s -> s >= 1 && s <= title.seasonCount())
                    .filter(s -> !available && !taken.contains(s)).sorted().toList();
            if (wanted.isEmpty()) {
                return new Rejected(202, "No seasons available to request");
            }
        }
        Instant now = clock.instant();
        int status = caller.admin() ? OverseerrRequest.APPROVED : OverseerrRequest.PENDING;
        OverseerrRequest request = new OverseerrRequest(nextRequestId++, status, title.mediaType(), title.tmdbId(),
                is4k, wanted, owner.id(), caller.admin() ? caller.id() : null, now, now);
        requests.put(request.id(), request);
        OverseerrMedia record = existing != null ? existing
                : new OverseerrMedia(nextMediaId++, title, OverseerrMedia.UNKNOWN, OverseerrMedia.UNKNOWN, now, now);
        media.put(key(title), record.withStatus(is4k, mediaStatusFor(status), now));
        return new Done(request);
    }

    /** Moves a request to {@code status} (approve, decline, back to pending) and updates its media. */
    synchronized Outcome changeStatus(int id, int status, Integer userId) {
        OverseerrRequest request = requests.get(id);
        if (request == null) {
            return new Rejected(404, "Request not found.");
        }
        Instant now = clock.instant();
        OverseerrRequest changed = request.withStatus(status, userId, now);
        requests.put(id, changed);
        String mediaKey = request.mediaType().wireName() + ":" + request.tmdbId();
        OverseerrMedia record = media.get(mediaKey);
        if (record != null && record.status(request.is4k()) != OverseerrMedia.AVAILABLE) {
            boolean othersActive = requests.values().stream().anyMatch(r -> r.id() != id && r.active()
                    && r.mediaType() == request.mediaType() && r.tmdbId() == request.tmdbId());
            int mediaStatus = changed.active() || !othersActive ? mediaStatusFor(status) : record.status(request.is4k());
            media.put(mediaKey, record.withStatus(request.is4k(), mediaStatus, now));
        }
        return new Done(changed);
    }

    synchronized boolean delete(int id) {
        return requests.remove(id) != null;
    }

    /** Test control: sets a title's media status (e.g. AVAILABLE once Plex has it). */
    synchronized void setMediaStatus(SampleTitle title, boolean is4k, int status) {
        Instant now = clock.instant();
        OverseerrMedia record = media.get(key(title));
        OverseerrMedia base = record != null ? record
                : new OverseerrMedia(nextMediaId++, title, OverseerrMedia.UNKNOWN, OverseerrMedia.UNKNOWN, now, now);
        media.put(key(title), base.withStatus(is4k, status, now));
    }

    /** Season status for {@code mediaInfo.seasons[]}: available, processing, pending or unknown. */
    synchronized int seasonStatus(SampleTitle title, int season, boolean is4k) {
        OverseerrMedia record = media.get(key(title));
        if (record != null && record.status(is4k) == OverseerrMedia.AVAILABLE) {
            return OverseerrMedia.AVAILABLE;
        }
        List<OverseerrRequest> withSeason = new ArrayList<>(requestsFor(title).stream()
                .filter(r -> r.is4k() == is4k && r.active() && r.seasons().contains(season)).toList());
        if (withSeason.stream().anyMatch(r -> r.status() == OverseerrRequest.APPROVED)) {
            return OverseerrMedia.PROCESSING;
        }
        return withSeason.isEmpty() ? OverseerrMedia.UNKNOWN : OverseerrMedia.PENDING;
    }

    private static int mediaStatusFor(int requestStatus) {
        return switch (requestStatus) {
            case OverseerrRequest.PENDING -> OverseerrMedia.PENDING;
            case OverseerrRequest.APPROVED -> OverseerrMedia.PROCESSING;
            default -> OverseerrMedia.UNKNOWN;
        };
    }

    private static String key(SampleTitle title) {
        return title.mediaType().wireName() + ":" + title.tmdbId();
    }
}
