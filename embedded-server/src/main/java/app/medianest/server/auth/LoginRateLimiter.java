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
 * Sign-in throttling as OWASP's authentication guidance describes it: failures are counted per client address
 * and per address + user name, never per user name alone, so nobody can lock an account's owner out from
 * somewhere else. A correct password from an address without failures is never refused.
 *
 * <p>Once a key reaches its limit within the window, the next attempt must wait {@code baseDelay} after the
 * latest failure; every further failure doubles the wait, up to the window (a 429 with {@code Retry-After}).
 * Attempts refused with 429 are not counted and cost no hashing. Everything is in memory and bounded.
 */
public final class LoginRateLimiter {
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration baseDelay;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> failures;

    /** {@code maxFailures} per address + user; an address alone may fail four times as often (many users). */
    public LoginRateLimiter(int maxFailures, Duration window, Clock clock) {
        this(maxFailures, maxFailures * 4, window, Duration.ofSeconds(30), clock);
    }

    public LoginRateLimiter(int maxPerUser, int maxPerAddress, Duration window, Duration baseDelay, Clock clock) {
        if (maxPerUser < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1 (were " + maxPerUser + ", "
                    + maxPerAddress + ")");
        }
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.baseDelay = baseDelay.compareTo(window) > 0 ? window : baseDelay;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(window).build();
    }

    /** Seconds until this address may try this user name again, or empty when allowed now. */
    public OptionalLong retryAfter(String address, String username) {
        Instant now = clock.instant();
        long a = wait(addressKey(address), maxPerAddress, now);
        long u = username == null ? 0 : wait(userKey(address, username), maxPerUser, now);
        long max = Math.max(a, u);
        return max > 0 ? OptionalLong.of(max) : OptionalLong.empty();
    }

    public void recordFailure(String address, String username) {
        Instant now = clock.instant();
        add(addressKey(address), maxPerAddress, now);
        if (username != null) {
            add(userKey(address, username), maxPerUser, now);
        }
    }

    /** A successful sign-in clears this address's failures for the user name (not the address's own count). */
    public void recordSuccess(String address, String username) {
        failures.invalidate(userKey(address, username));
    }

    /** Failures of this address within the window (for tests and diagnostics). */
    public int addressFailures(String address) {
        Deque<Instant> q = failures.getIfPresent(addressKey(address));
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            prune(q, clock.instant());
            return q.size();
        }
    }

    private void add(String key, int limit, Instant now) {
        Deque<Instant> q = failures.get(key, k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q, now);
            q.addLast(now);
            // Enough history for the doubling, still bounded.
            while (q.size() > limit + 16) {
                q.removeFirst();
            }
        }
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> q = failures.getIfPresent(key);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            prune(q, now);
            if (q.size() < limit) {
                return 0;
            }
            int over = Math.min(q.size() - limit, 30);
            Duration delay = baseDelay.multipliedBy(1L << over);
            if (delay.compareTo(window) > 0) {
                delay = window;
            }
            Instant until = q.peekLast().plus(delay);
            if (!now.isBefore(until)) {
                return 0;
            }
            return Math.max(1, Duration.between(now, until).toSeconds() + 1);
        }
    }

    private void prune(Deque<Instant> q, Instant now) {
        Instant cutoff = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.removeFirst();
        }
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    private static String userKey(String address, String username) {
        return "u:" + (address == null ? "" : address) + "|" + username.toLowerCase(Locale.ROOT);
    }
}
