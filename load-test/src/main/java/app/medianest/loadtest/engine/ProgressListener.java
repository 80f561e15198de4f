package app.medianest.loadtest.engine;

/**
 * Receives one snapshot per second while a run is in progress, plus a last one for the final partial interval of
 * each phase (warm-up, main run, reference; see {@link ProgressSnapshot#phase()}). Called on the engine's sampling
 * thread: implementations must return quickly (a UI hands the snapshot over to its own thread). An exception thrown
 * here is logged and does not stop the run.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Receives a snapshot.
     *
     * @param snapshot the interval that just ended
     */
    void onProgress(ProgressSnapshot snapshot);

    /**
     * A listener that ignores everything.
     *
     * @return the no-op listener
     */
    static ProgressListener none() {
        return snapshot -> { };
    }
}
