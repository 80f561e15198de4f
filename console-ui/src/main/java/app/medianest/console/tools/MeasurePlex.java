package app.medianest.console.tools;

import app.medianest.fakes.FakePlex;

import java.util.concurrent.CountDownLatch;

/**
 * The simulated Plex Media Server for {@link Measure}, in a JVM of its own (so it is not counted in the console's
 * memory): prints {@code url=<base URL> token=<token>} and runs until stopped.
 */
public final class MeasurePlex {
    private MeasurePlex() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakePlex plex = FakePlex.start();
        Runtime.getRuntime().addShutdownHook(new Thread(plex::close, "fake-plex-stop"));
        System.out.println("url=" + plex.baseUrl() + " token=" + plex.token());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
