package app.medianest.server.resilience;

/** Where an answer came from; sent to clients as the {@code X-Cache} header. */
public enum CacheState {
    /** Fresh from the cache. */
    HIT,
    /** Fetched from the upstream just now. */
    MISS,
    /** The upstream failed (or its breaker is open): the last good answer, possibly old. */
    STALE
}
