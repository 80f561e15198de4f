package app.medianest.fakes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The runtime fault state shared by every request of one fake; all switches are safe to flip from any thread. */
final class FaultSwitches {

    private volatile Duration latency = Duration.ZERO;
    private volatile int failStatus;
    private volatile CountDownLatch hangGate;

    void latency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + value);
        }
        latency = value;
    }

    void failWith(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        failStatus = status;
    }

    synchronized void hang() {
        if (hangGate == null) {
            hangGate = new CountDownLatch(1);
        }
    }

    /** Clears every switch and lets hung requests go on. */
    synchronized void heal() {
        latency = Duration.ZERO;
        failStatus = 0;
        releaseHung();
    }

    synchronized void releaseHung() {
        CountDownLatch gate = hangGate;
        hangGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Blocks while hanging, then for the configured latency. */
    void await() throws InterruptedException {
        CountDownLatch gate = hangGate;
        if (gate != null) {
            gate.await();
        }
        Duration delay = latency;
        if (delay.isPositive()) {
            Thread.sleep(delay);
        }
    }

    /** The forced error status, or 0 when requests are answered normally. */
    int failStatus() {
        return failStatus;
    }
}
