package app.medianest.server.resilience;

/** Where an answer came from; sent to clients as the {@code X-Cache} header. */
public enum CacheState {
    /** Fresh from the cache. */
    HIT,
    /** Fetched from the upstream just now. */
    MISS,
    /** Caching is switched off (feature flag {@code data-cache}): fetched from the upstream just now. */
    BYPASS,
    /** The upstream failed (or its breaker is open): the last good answer, possibly old. */
    STALE
}
