package app.medianest.fakes;

/**
 * An Overseerr user. With only the API key, calls act as user 1; {@code X-API-User: {id}} selects another.
 * Admins' requests are auto-approved; other users' requests stay pending.
 *
 * @param id       Overseerr user id
 * @param username display name
 * @param email    e-mail address
 * @param admin    whether the user has ADMIN (and so MANAGE_REQUESTS) permission
 */
public record OverseerrUser(int id, String username, String email, boolean admin) {

    /** Validates. */
    public OverseerrUser {
        if (id <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + id);
        }
    }

    /** Overseerr's permission bit mask: ADMIN (2) or REQUEST (32). */
    public int permissions() {
        return admin ? 2 : 32;
    }
}
