package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.Auth;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The virtual users' tokens: the given bearer token, or one session per user obtained by signing in once and kept
 * across phases. {@link #signInAll} signs every user in before the clock of the first phase starts, a few at a
 * time: password hashing (Argon2id on the server) is deliberately expensive, and a storm of sign-ins at the start
 * of a ramp would otherwise stall the very endpoints being measured. A login answered with 429 is retried after the server's {@code Retry-After} (at most
 * {@value #MAX_ATTEMPTS} attempts, waiting at most {@value #MAX_WAIT_SECONDS} s each time), so a ramp that trips
 * the server's login rate limit slows down instead of failing.
 */
final class Sessions {

    private static final int MAX_ATTEMPTS = 5;
    private static final long MAX_WAIT_SECONDS = 10;

    private final Auth auth;
    private final URI loginUri;
    private final String loginBody;
    private final StopSignal stop;
    private final Map<Integer, Optional<String>> tokens = new ConcurrentHashMap<>();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    Sessions(Auth auth, URI loginUri, StopSignal stop) {
        this.auth = auth;
        this.loginUri = loginUri;
        // Built here, before any user's clock runs, so JSON start-up costs stay out of the measured phases.
        this.loginBody = auth instanceof Auth.Credentials credentials ? LoginAttempt.body(credentials) : null;
        this.stop = stop;
    }

    /**
     * Signs users {@code 0..users-1} in, at most {@code parallelism} at a time, each over its own short-lived
     * connection.
     *
     * @param users       how many users
     * @param transport   where the connections come from
     * @param parallelism sign-ins in flight at once
     */
    void signInAll(int users, HttpTransport transport, int parallelism) throws InterruptedException {
        if (!(auth instanceof Auth.Credentials)) {
            return;
        }
        Semaphore slots = new Semaphore(parallelism);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int user = 0; user < users && !stop.isStopped(); user++) {
                slots.acquire();
                int index = user;
                executor.execute(() -> {
                    try (HttpTransport.UserClient client = transport.openUser()) {
                        sessionFor(index, client);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    /**
     * The session a user sends its requests with, signing it in on first use. A user whose sign-in failed does
     * not try again.
     *
     * @param user   the user's index
     * @param client the user's HTTP client, used to sign in
     * @return the session, or empty when the user could not sign in
     */
    Optional<Session> sessionFor(int user, HttpTransport.UserClient client) throws InterruptedException {
        return switch (auth) {
            case Auth.Anonymous anonymous -> Optional.of(new Session(null));
            case Auth.BearerToken token -> Optional.of(new Session(token.token()));
            case Auth.Credentials credentials -> {
                Optional<String> token = tokens.get(user);
                if (token == null) {
                    token = Optional.ofNullable(signIn(client));
                    tokens.put(user, token);
                }
                yield token.map(Session::new);
            }
        };
    }

    /**
     * What a user's requests carry.
     *
     * @param bearer the bearer token, or {@code null} for anonymous requests
     */
    record Session(String bearer) {
        @Override
        public String toString() {
            return bearer == null ? "Session[anonymous]" : "Session[***]";
        }
    }

    private String signIn(HttpTransport.UserClient client) throws InterruptedException {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !stop.isStopped(); attempt++) {
            attempts.increment();
            LoginAttempt result = client.login(loginUri, loginBody);
            if (result.token() != null) {
                succeeded.increment();
                return result.token();
            }
            failures.computeIfAbsent(result.failure(), k -> new LongAdder()).increment();
            if (!result.rateLimited()) {
                break;
            }
            long waitSeconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, result.retryAfterSeconds().orElse(1)));
            if (stop.await(Duration.ofSeconds(waitSeconds).toNanos())) {
                break;
            }
        }
        failed.increment();
        return null;
    }

    LoginStats stats() {
        Map<String, Long> byReason = new HashMap<>();
        failures.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return new LoginStats(attempts.sum(), succeeded.sum(), failed.sum(), byReason);
    }
}
