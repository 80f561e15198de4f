package app.medianest.server.testing;

import app.medianest.server.Integrations;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A {@link TestServer} for the integration tests with a signed-in admin and helpers for users and waiting. Every
 * upstream it talks to is a fake from the fake-upstreams module, over real HTTP.
 */
public final class IntegrationServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private final TestServer server;
    private final String adminToken;

    private IntegrationServer(TestServer server) {
        this.server = server;
        this.adminToken = setupAdmin();
    }

    public static IntegrationServer start(TestDatabase db, Clock clock, Map<String, String> settings) {
        return new IntegrationServer(TestServer.start(db, clock, settings));
    }

    public TestServer http() {
        return server;
    }

    public Integrations integrations() {
        return server.server().components().integrations();
    }

    public String adminToken() {
        return adminToken;
    }

    private String setupAdmin() {
        var token = server.server().components().accounts().setupToken();
        if (token.isEmpty()) {
            return login("admin", ADMIN_PASSWORD);
        }
        var r = server.post("/api/v1/auth/setup", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD
                + "\",\"setupToken\":\"" + token.get() + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("setup failed: " + r.status() + " " + r.body());
        }
        return r.data().get("token").asText();
    }

    /** Creates a user (role user) and returns a session token for it. */
    public String newUser(String username) {
        var r = server.post("/api/v1/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + username
                + "-password-1\",\"role\":\"user\"}", "Authorization", "Bearer " + adminToken);
        if (r.status() != 201) {
            throw new AssertionError("user creation failed: " + r.status() + " " + r.body());
        }
        return login(username, username + "-password-1");
    }

    public String login(String username, String password) {
        var r = server.post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return r.data().get("token").asText();
    }

    public TestServer.Res get(String path, String token) {
        return server.get(path, "Authorization", "Bearer " + token);
    }

    public TestServer.Res post(String path, String body, String token) {
        return server.send("POST", path, body, "Authorization", "Bearer " + token);
    }

    public TestServer.Res put(String path, String body, String token) {
        return server.send("PUT", path, body, "Authorization", "Bearer " + token);
    }

    public TestServer.Res delete(String path, String token) {
        return server.send("DELETE", path, null, "Authorization", "Bearer " + token);
    }

    /** Polls {@code condition} every 20 ms until it holds, failing after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
