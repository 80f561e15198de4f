package app.medianest.server.testing;

import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link TestDatabase} per kind for a parameterized test class: created on first use, closed by the
 * class's static {@code @AfterAll}. (The class parameter is injected per instance, so it cannot be read
 * in a static {@code @BeforeAll}.)
 */
public final class DatabasePerKind implements AutoCloseable {
    private final Map<DbKind, TestDatabase> databases = new EnumMap<>(DbKind.class);

    public synchronized TestDatabase get(DbKind kind) {
        return databases.computeIfAbsent(kind, TestDatabase::create);
    }

    @Override
    public synchronized void close() {
        databases.values().forEach(TestDatabase::close);
        databases.clear();
    }
}
