package app.medianest.fakes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the simulated Plex Media Server in a JVM of its own, so that {@code GET /api/v1/plex/libraries} has a
 * Plex to talk to without the simulation counting against the measured process: for the end-to-end benchmark
 * ({@code bench/e2e.sh}, the server running with {@code serve} on H2 or PostgreSQL) and the console's
 * measurement tool. Prints one line, {@code url=<base URL> token=<token>}, then runs until the process is stopped.
 *
 * <p>Usage: {@code java -cp <a class path with fake-upstreams> app.medianest.fakes.FakePlexLauncher
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
