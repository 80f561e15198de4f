package app.medianest.server.requests;

import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.server.db.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Quota arithmetic over a rolling window, as Overseerr counts it: a user's requests of one media type created in
 * the last {@code days} days, declined ones not counting; a movie request counts 1, a tv request its number of
 * seasons (a request for "all seasons" counts 1, as MediaNest does not know the season count).
 */
final class Quotas {
    private Quotas() {
    }

    /** One media type's quota for one user at one moment; {@code limit} 0 means unlimited. */
    record Usage(MediaType type, int limit, int days, int used, Instant oldestFreesAt, List<Counted> counted) {
        int remaining() {
            return limit == 0 ? Integer.MAX_VALUE : Math.max(0, limit - used);
        }

        boolean allows(int amount) {
            return limit == 0 || used + amount <= limit;
        }

        /** When enough of the counted requests have left the window for {@code amount} more; null if never. */
        Instant freesEnoughAt(int amount) {
            if (limit == 0 || amount > limit) {
                return null;
            }
            int freed = 0;
            for (Counted c : counted) {
                freed += c.amount();
                if (used - freed + amount <= limit) {
                    return c.createdAt().plus(Duration.ofDays(days));
                }
            }
            return null;
        }
    }

    record Counted(Instant createdAt, int amount) {
    }

    static int amount(MediaType type, List<Integer> seasons) {
        return type == MediaType.TV ? Math.max(1, seasons == null ? 0 : seasons.size()) : 1;
    }

    static Usage usage(Handle h, UUID userId, MediaType type, int limit, int days, Instant now) {
        Instant from = now.minus(Duration.ofDays(days));
        List<Counted> counted = h.query("SELECT created_at, seasons FROM media_requests WHERE user_id = ? "
                + "AND media_type = ? AND status <> ? AND created_at > ? ORDER BY created_at, id",
                r -> new Counted(r.instant("created_at"), amount(type, MediaRequestRepository.parseSeasons(
                        r.string("seasons")))), userId, type, RequestStatus.DECLINED, from);
        int used = counted.stream().mapToInt(Counted::amount).sum();
        Instant oldest = counted.isEmpty() ? null : counted.getFirst().createdAt().plus(Duration.ofDays(days));
        return new Usage(type, limit, days, used, oldest, counted);
    }
}
