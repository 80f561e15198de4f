package app.medianest.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * At most {@code limit} calls per client address in a sliding window, in memory: for anonymous routes that each
 * cost a call to an upstream (plex.tv), so nobody can turn MediaNest into a free proxy or spend its quota.
 * Per address only: a flood from one address never slows anybody else down.
 */
public final class AddressRateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> calls;

    public AddressRateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.calls = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
    }

    /** Counts a call from {@code address}; empty when allowed, else the seconds until the next one is. */
    public OptionalLong acquire(String address) {
        Instant now = clock.instant();
        Deque<Instant> q = calls.get(address == null ? "" : address, k -> new ArrayDeque<>());
        synchronized (q) {
            Instant cutoff = now.minus(window);
            while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
                q.removeFirst();
            }
            if (q.size() >= limit) {
                return OptionalLong.of(Math.max(1, Duration.between(now, q.peekFirst().plus(window)).toSeconds() + 1));
            }
            q.addLast(now);
            return OptionalLong.empty();
        }
    }
}
