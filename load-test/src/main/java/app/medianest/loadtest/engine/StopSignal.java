package app.medianest.loadtest.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way stop flag that sleeping users can wait on, so {@link LoadTestEngine#stop()} wakes them at once. */
final class StopSignal {

    private final CountDownLatch latch = new CountDownLatch(1);

    void stop() {
        latch.countDown();
    }

    boolean isStopped() {
        return latch.getCount() == 0;
    }

    /**
     * Waits up to the given time.
     *
     * @return true if the stop was signalled
     */
    boolean await(long nanos) throws InterruptedException {
        return nanos <= 0 ? isStopped() : latch.await(nanos, TimeUnit.NANOSECONDS);
    }
}
