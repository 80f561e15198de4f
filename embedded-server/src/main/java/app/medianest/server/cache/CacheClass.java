package app.medianest.server.cache;

/** The strategy's TTL classes; the TTL of each is a setting ({@link CacheConfig}). */
public enum CacheClass {
    /** Data from upstream services (Plex, Overseerr answers) and the dashboard statistics: 120 s. */
    SERVICE_DATA,
    /** Per-user data (sessions, my requests): 300 s, always keyed per user. */
    USER_DATA
}
