package app.medianest.server.testing;

import app.medianest.model.Role;
import app.medianest.server.Components;
import app.medianest.server.users.User;

import java.util.UUID;

/** Sign-in helpers for tests: the first admin through the real setup route, users and sessions. */
public final class Accounts {
    public static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    /** Creates the first admin with the one-time setup token over HTTP; returns its session token. */
    public static String setupAdmin(TestServer server, String username) {
        String setup = server.server().components().accounts().setupToken().orElseThrow();
        var r = server.post("/api/v1/auth/setup", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"setupToken\":\"" + setup + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("setup failed: " + r.status() + " " + r.body());
        }
        return r.data().get("token").asText();
    }

    /** Creates a local user directly (no HTTP) and returns it. */
    public static User user(TestServer server, String username, Role role) {
        return server.server().components().accounts().createUser(username, PASSWORD, null, role, "");
    }

    /** A session token for {@code userId} without a password round trip. */
    public static String session(TestServer server, UUID userId) {
        return server.server().components().sessions().issue(userId, false, "127.0.0.1", "test").token();
    }

    /** Signs in over HTTP and returns the token. */
    public static String login(TestServer server, String username) {
        var r = server.post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return r.data().get("token").asText();
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** Components of a running test server. */
    public static Components components(TestServer server) {
        return server.server().components();
    }
}
