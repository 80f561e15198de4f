package app.medianest.server.testing;

import app.medianest.model.Role;
import app.medianest.server.users.User;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed-in callers for HTTP tests: users are inserted directly and get a session from the server's session
 * service (no password hashing), then every call goes over real HTTP with their bearer token.
 */
public final class Api {
    private final TestServer server;

    public Api(TestServer server) {
        this.server = server;
    }

    /** A signed-in caller. */
    public record Caller(UUID id, String username, String token) {
        public String[] auth(String... more) {
            List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + token));
            h.addAll(Arrays.asList(more));
            return h.toArray(String[]::new);
        }
    }

    public Caller user(String name) {
        return signIn(name, Role.USER);
    }

    public Caller admin(String name) {
        return signIn(name, Role.ADMIN);
    }

    public Caller signIn(String name, Role role) {
        User u = Fixtures.user(server.server().components().database().jdbc(), name, role);
        String token = server.server().components().sessions().issue(u.id(), false, "127.0.0.1", "test").token();
        return new Caller(u.id(), name, token);
    }

    public TestServer server() {
        return server;
    }

    public TestServer.Res get(Caller c, String path, String... headers) {
        return server.get(path, c.auth(headers));
    }

    public TestServer.Res post(Caller c, String path, String body, String... headers) {
        return server.post(path, body, c.auth(headers));
    }

    public TestServer.Res delete(Caller c, String path) {
        return server.send("DELETE", path, null, c.auth());
    }

    /** Creates a request as {@code c} and returns its id (asserting 201). */
    public String request(Caller c, String mediaType, int tmdbId, String title) {
        TestServer.Res r = post(c, "/api/v1/media/requests", "{\"mediaType\":\"" + mediaType + "\",\"tmdbId\":"
                + tmdbId + (title == null ? "" : ",\"title\":\"" + title + "\"") + "}");
        assertEquals(201, r.status(), r.body());
        return r.data().get("id").asText();
    }

    /** Asserts the standard error envelope with {@code status} and {@code code}. */
    public static void assertError(TestServer.Res r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        assertFalse(r.json().get("success").asBoolean(), r.body());
        assertEquals(code, r.errorCode(), r.body());
        assertNotNull(r.json().at("/error/correlationId").asText(null), r.body());
        assertNotNull(r.json().at("/error/message").asText(null), r.body());
    }

    /** Asserts 400 VALIDATION_ERROR naming {@code field} in {@code error.details}. */
    public static void assertInvalid(TestServer.Res r, String field) {
        assertError(r, 400, "VALIDATION_ERROR");
        assertTrue(r.json().at("/error/details").has(field), "details should name " + field + ": " + r.body());
    }
}
