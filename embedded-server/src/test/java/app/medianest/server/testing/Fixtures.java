package app.medianest.server.testing;

import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.server.db.Jdbc;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.requests.NewMediaRequest;
import app.medianest.server.users.User;
import app.medianest.server.users.UserRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small builders for rows used across tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static User user(Jdbc jdbc, String name, Role role) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        User u = new User(UUID.randomUUID(), name, name + "@example.home", role, UserStatus.ACTIVE, null, null, null,
                now, now, null);
        return jdbc.inTransaction(h -> new UserRepository(jdbc).insert(h, u, null));
    }

    public static NewMediaRequest request(UUID user, int tmdbId, String title, RequestStatus status, Instant at) {
        return new NewMediaRequest(UUID.randomUUID(), user, MediaType.MOVIE, tmdbId, title, status, List.of(), null,
                at);
    }

    public static void insert(Jdbc jdbc, List<NewMediaRequest> rows) {
        jdbc.inTransaction(h -> new MediaRequestRepository(jdbc).insertBatch(h, rows));
    }
}
