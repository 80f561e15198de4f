package app.medianest.server.users;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.server.db.Jdbc;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The admin user search finds users whose name or e-mail address starts with the term, ignoring case (V62: an
 * index range instead of reading every user); a term inside a word finds nothing, and LIKE's wildcards are
 * plain characters.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class UserSearchTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();

    @Parameter
    DbKind kind;

    private UserRepository users;

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    @BeforeEach
    void clean() {
        TestDatabase db = DATABASES.get(kind);
        Jdbc jdbc = db.open().jdbc();
        db.truncateAll();
        users = new UserRepository(jdbc);
        add(jdbc, "Alice.Smith", "alice@example.home");
        add(jdbc, "bob", "Robert.Jones@Mail.example");
        add(jdbc, "car_ol", "carol@example.home");
        add(jdbc, "carxol", "carxol@example.home");
    }

    @Test
    void matchesTheStartOfANameOrAnAddressIgnoringCase() {
        assertEquals(List.of("Alice.Smith"), names("ALI"));
        assertEquals(List.of("Alice.Smith"), names("alice.sm"));
        assertEquals(List.of("bob"), names("robert.j"), "the start of the address");
        assertEquals(List.of(), names("smith"), "not inside a name");
        assertEquals(List.of(), names("example"), "not inside an address");
        assertEquals(List.of("car_ol"), names("car_"), "an underscore is a plain character");
        assertEquals(List.of(), names("%ol"), "a percent sign is a plain character");
        assertEquals(List.of("car_ol", "carxol"), names(" car "), "the term is trimmed");
    }

    private List<String> names(String search) {
        return users.list(search, null, "username", false, null, 50).items().stream().map(UserSummary::username)
                .toList();
    }

    private static void add(Jdbc jdbc, String name, String email) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        User u = new User(UUID.randomUUID(), name, email, Role.USER, UserStatus.ACTIVE, null, null, null, now, now, null);
        jdbc.inTransaction(h -> new UserRepository(jdbc).insert(h, u, null));
    }
}
