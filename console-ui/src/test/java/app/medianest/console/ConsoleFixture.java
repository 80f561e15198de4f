package app.medianest.console;

import app.medianest.console.api.ApiClient;
import app.medianest.console.concurrent.FxExecutor;
import app.medianest.console.concurrent.Tasks;
import app.medianest.console.logs.RingBufferHandler;
import app.medianest.server.EmbeddedServer;
import app.medianest.server.config.ServerConfig;
import app.medianest.server.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A console context over a real embedded server on a free port, with a temporary data directory and an
 * in-memory H2 database (or the default H2 file in the data directory); and a separate HTTP client for checking
 * what the console did through the API.
 */
public final class ConsoleFixture implements AutoCloseable {
    public static final String ADMIN = "console-admin";
    public static final String PASSWORD = "correct horse battery";

    private final Path dataDir;
    private final ConsoleContext context;
    private final ApiClient checker = new ApiClient(Duration.ofSeconds(10));

    private ConsoleFixture(Map<String, String> settings, boolean withAdmin, boolean fileDatabase, Tasks tasks)
            throws IOException {
        dataDir = Files.createTempDirectory("medianest-console-test");
        Map<String, String> s = new HashMap<>();
        s.put("server.host", "127.0.0.1");
        s.put("server.port", "0");
        s.put("server.shutdown-grace", "1s");
        s.put("data.dir", dataDir.toString());
        if (!fileDatabase) {
            s.put("db.url", "jdbc:h2:mem:console-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        if (withAdmin) {
            s.put("admin.username", ADMIN);
            s.put("admin.password", PASSWORD);
        }
        s.putAll(settings);
        context = new ConsoleContext(() -> ServerConfig.from(Settings.of(s)), Clock.systemUTC(), tasks,
                new RingBufferHandler(2_000));
    }

    /** A started console (server running, signed in as the admin unless {@code withAdmin} is false). */
    public static ConsoleFixture start(boolean withAdmin, Map<String, String> settings) throws IOException {
        return start(withAdmin, false, settings);
    }

    /**
     * A started console; with {@code fileDatabase} the server keeps its database in the H2 file of the data
     * directory (its default), as an installation does, instead of in memory.
     */
    public static ConsoleFixture start(boolean withAdmin, boolean fileDatabase, Map<String, String> settings)
            throws IOException {
        ConsoleFixture f = new ConsoleFixture(settings, withAdmin, fileDatabase,
                new Tasks(Executors.newVirtualThreadPerTaskExecutor(), FxExecutor.INSTANCE));
        EmbeddedServer server = f.context.start().join();
        f.checker.baseUrl(server.baseUrl());
        return f;
    }

    /** A started console whose view models run synchronously on the calling thread (no toolkit). */
    public static ConsoleFixture startDirect(Map<String, String> settings) throws IOException {
        ConsoleFixture f = new ConsoleFixture(settings, true, false, Tasks.direct());
        EmbeddedServer server = f.context.controller().start();
        f.checker.baseUrl(server.baseUrl());
        return f;
    }

    public ConsoleContext context() {
        return context;
    }

    public EmbeddedServer server() {
        return context.controller().running();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A client signed in as the admin through {@code POST /api/v1/auth/login}, independent of the console. */
    public ApiClient adminApi() {
        if (!checker.signedIn()) {
            checker.token(checker.post("/api/v1/auth/login", ApiClient.fields("username", ADMIN, "password",
                    PASSWORD)).path("token").asText());
        }
        return checker;
    }

    /** A client without a session. */
    public ApiClient anonymousApi() {
        ApiClient c = new ApiClient(Duration.ofSeconds(10));
        c.baseUrl(server().baseUrl());
        return c;
    }

    /** True when the running server has a route for {@code GET path} (tests assert it: a route that disappears fails them). */
    public boolean serves(String path) {
        try {
            adminApi().get(path);
            return true;
        } catch (app.medianest.console.api.ApiException e) {
            return !e.notServed();
        }
    }

    /** A client signed in as a new user with role {@code user}. */
    public ApiClient newUser(String username) {
        adminApi().post("/api/v1/admin/users", ApiClient.fields("username", username, "password", PASSWORD,
                "role", "user"));
        ApiClient c = anonymousApi();
        c.token(c.post("/api/v1/auth/login", ApiClient.fields("username", username, "password", PASSWORD))
                .path("token").asText());
        return c;
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes; fails with {@code what}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The condition, read from the test thread while the FX thread may be changing what it reads: a list caught
     * in the middle of a change counts as "not yet" and is read again at the next poll.
     */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (java.util.ConcurrentModificationException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
