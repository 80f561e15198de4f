package app.medianest.server.testing;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * One database and one running server per database kind for a parameterized HTTP test class: started on
 * first use, stopped by the class's static {@code @AfterAll}.
 */
public final class ServerPerKind implements AutoCloseable {
    private final Map<String, String> settings;
    private final Map<DbKind, TestDatabase> databases = new EnumMap<>(DbKind.class);
    private final Map<DbKind, TestServer> servers = new EnumMap<>(DbKind.class);

    public ServerPerKind() {
        this(Map.of());
    }

    /** @param settings extra settings for every server (keys as in application.yaml) */
    public ServerPerKind(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    public synchronized TestServer get(DbKind kind) {
        return servers.computeIfAbsent(kind, k -> TestServer.start(db(k), Clock.systemUTC(), settings));
    }

    public synchronized TestDatabase db(DbKind kind) {
        return databases.computeIfAbsent(kind, TestDatabase::create);
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(TestServer::close);
        servers.clear();
        databases.values().forEach(TestDatabase::close);
        databases.clear();
    }
}
