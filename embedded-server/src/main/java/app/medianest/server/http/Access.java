package app.medianest.server.http;

/** Who may call a route. Every route declares one; the authorization-matrix test reads them from the table. */
public enum Access {
    /** Anyone, no credentials (health, sign-in). */
    PUBLIC,
    /** Any signed-in user, session or API key. */
    USER,
    /** Admins only (admin sessions or admin API keys). */
    ADMIN,
    /** Authenticated by a shared secret of its own (the Overseerr webhook), not by a user identity. */
    SECRET
}
