package app.medianest.server.cache;

/** The strategy's TTL classes; the TTL of each is a setting ({@link CacheConfig}). */
public enum CacheClass {
    /** Health checks and service status: 30 s. */
    HEALTH,
    /** Data from upstream services (Plex libraries, Overseerr search): 120 s. */
    SERVICE_DATA,
    /** Per-user data (dashboard stats, my requests): 300 s, always keyed per user. */
    USER_DATA,
    /** Rarely changing data (server info, static lists): 3600 s. */
    STATIC
}
