package app.medianest.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Failed sign-ins per client address and per user name, in a sliding window (default: 5 in 15 minutes).
 * Checked before any password hashing, in memory, so a flood of bad logins costs almost nothing and never
 * slows anyone else down.
 */
public final class LoginRateLimiter {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> failures;

    public LoginRateLimiter(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1 (was " + maxFailures + ")");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
    }

    /** Seconds until the address or user may try again, or empty when allowed now. */
    public OptionalLong retryAfter(String address, String username) {
        Instant now = clock.instant();
        long a = wait(key("a:", address), now);
        long u = username == null ? 0 : wait(key("u:", username), now);
        long max = Math.max(a, u);
        return max > 0 ? OptionalLong.of(max) : OptionalLong.empty();
    }

    public void recordFailure(String address, String username) {
        Instant now = clock.instant();
        add(key("a:", address), now);
        if (username != null) {
            add(key("u:", username), now);
        }
    }

    /** A successful sign-in clears the user name's failures (not the address's). */
    public void recordSuccess(String username) {
        failures.invalidate(key("u:", username));
    }

    private void add(String key, Instant now) {
        Deque<Instant> q = failures.get(key, k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q, now);
            q.addLast(now);
            while (q.size() > maxFailures) {
                q.removeFirst();
            }
        }
    }

    private long wait(String key, Instant now) {
        Deque<Instant> q = failures.getIfPresent(key);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            prune(q, now);
            if (q.size() < maxFailures) {
                return 0;
            }
            return Math.max(1, Duration.between(now, q.peekFirst().plus(window)).toSeconds() + 1);
        }
    }

    private void prune(Deque<Instant> q, Instant now) {
        Instant cutoff = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.removeFirst();
        }
    }

    private static String key(String kind, String value) {
        return kind + (value == null ? "" : value.toLowerCase(Locale.ROOT));
    }
}
