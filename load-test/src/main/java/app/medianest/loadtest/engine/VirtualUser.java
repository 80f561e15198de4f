package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.WeightedEndpoint;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One closed-loop user: waits for its start time, signs in once, then repeats "pick an endpoint, send, wait for
 * the response, think" until its stop time. Requests in flight at the stop time complete and are counted.
 */
final class VirtualUser implements Runnable {

    private final int index;
    private final long startAtNanos;
    private final long stopAtNanos;
    private final Shared shared;
    private final SplittableRandom random;

    VirtualUser(int index, long startAtNanos, long stopAtNanos, long seed, Shared shared) {
        this.index = index;
        this.startAtNanos = startAtNanos;
        this.stopAtNanos = stopAtNanos;
        this.shared = shared;
        this.random = new SplittableRandom(seed * 1_000_003L + index);
    }

    @Override
    public void run() {
        try {
            if (shared.stop().await(startAtNanos - shared.clock().nanoTime())) {
                return;
            }
            try (HttpTransport.UserClient client = shared.transport().openUser()) {
                Optional<Sessions.Session> session = shared.sessions().sessionFor(index, client);
                if (session.isPresent()) {
                    shared.activeUsers().incrementAndGet();
                    try {
                        loop(client, session.get().bearer());
                    } finally {
                        shared.activeUsers().decrementAndGet();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(HttpTransport.UserClient client, String token) throws InterruptedException {
        Map<String, HttpTransport.PreparedGet> requests = new HashMap<>();
        shared.uris().forEach((path, uri) -> requests.put(path, client.prepareGet(uri, token)));
        NanoClock clock = shared.clock();
        long intended = clock.nanoTime();
        while (intended < stopAtNanos && !shared.stop().isStopped()) {
            WeightedEndpoint endpoint = shared.mix().pick(random);
            long sent = clock.nanoTime();
            Outcome outcome = requests.get(endpoint.path()).send();
            long completed = clock.nanoTime();
            shared.metrics().of(endpoint.path()).record(intended, sent, completed, outcome,
                    shared.metrics().expectedIntervalNanos(shared.thinkNanos()));
            intended = completed + shared.thinkNanos();
            if (intended >= stopAtNanos) {
                break;
            }
            if (shared.thinkNanos() > 0 && shared.stop().await(intended - clock.nanoTime())) {
                break;
            }
        }
    }

    /**
     * What all users of a phase share.
     *
     * @param clock       time source
     * @param transport   where each user gets its HTTP client
     * @param sessions    tokens
     * @param stop        the engine's stop signal
     * @param metrics     the phase's metrics
     * @param mix         the endpoint mix
     * @param uris        absolute URI of each endpoint path
     * @param thinkNanos  think time
     * @param activeUsers users currently in their request loop
     */
    record Shared(NanoClock clock, HttpTransport transport, Sessions sessions, StopSignal stop, RunMetrics metrics,
            EndpointMix mix, Map<String, URI> uris, long thinkNanos, AtomicInteger activeUsers) {
    }
}
