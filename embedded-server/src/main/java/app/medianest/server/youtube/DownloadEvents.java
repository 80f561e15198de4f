package app.medianest.server.youtube;

/**
 * Where download progress and status changes go (the SSE event bus connects here; the default discards them).
 * Called from the download worker threads; implementations must be quick and must not throw.
 */
public interface DownloadEvents {
    /** Discards every event. */
    DownloadEvents NONE = new DownloadEvents() {
    };

    /** Progress of a running download (at most a few per second per download). */
    default void progress(DownloadProgress progress) {
    }

    /** A download changed status. */
    default void statusChanged(DownloadChange change) {
    }

    /** Passes every event to each of {@code listeners} (a live, thread-safe collection), in order. */
    static DownloadEvents broadcast(java.util.Collection<? extends DownloadEvents> listeners) {
        return new DownloadEvents() {
            @Override
            public void progress(DownloadProgress progress) {
                listeners.forEach(l -> l.progress(progress));
            }

            @Override
            public void statusChanged(DownloadChange change) {
                listeners.forEach(l -> l.statusChanged(change));
            }
        };
    }
}
