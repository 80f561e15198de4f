package app.medianest.loadtest.engine;

/**
 * A monotonic nanosecond time source, injected so that schedule arithmetic can be tested without sleeping.
 */
@FunctionalInterface
public interface NanoClock {

    /**
     * The current monotonic time.
     *
     * @return nanoseconds since an arbitrary origin
     */
    long nanoTime();

    /**
     * The JVM's {@link System#nanoTime()}.
     *
     * @return the system clock
     */
    static NanoClock system() {
        return System::nanoTime;
    }
}
