package app.medianest.benchmarks;

import app.medianest.fakes.FakePlex;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the simulated Plex Media Server of {@code fake-upstreams} for the end-to-end benchmark, so that
 * {@code GET /api/v1/plex/libraries} has a Plex to talk to when the server runs with {@code serve} (on H2 or
 * PostgreSQL). Prints one line, {@code url=<base URL> token=<token>}, then runs until the process is stopped.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar app.medianest.benchmarks.FakePlexLauncher
 * [latency-ms]}; the latency (default 0) is added to every Plex answer.
 */
public final class FakePlexLauncher {

    private FakePlexLauncher() {
    }

    /**
     * Starts the fake and blocks.
     *
     * @param args optional latency in milliseconds
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        FakePlex plex = FakePlex.start();
        if (args.length > 0) {
            plex.latency(Duration.ofMillis(Long.parseLong(args[0])));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(plex::close, "fake-plex-stop"));
        System.out.println("url=" + plex.baseUrl() + " token=" + plex.token());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
