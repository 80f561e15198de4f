package app.medianest.server.health;

import app.medianest.model.Health;
import app.medianest.server.db.Database;
import app.medianest.server.http.Access;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.Json;
import app.medianest.server.http.RouteTable;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} (liveness, constant and allocation-free) and {@code /health/ready} (database and migrations). */
public final class HealthService {
    private static final byte[] UP = Json.write(Map.of("status", "UP"));

    private final Database database;

    public HealthService(Database database) {
        this.database = database;
    }

    public void routes(RouteTable routes) {
        routes.get("/health", Access.PUBLIC, ex -> ex.sendJson(200, UP))
                .get("/health/ready", Access.PUBLIC, this::ready);
    }

    private void ready(Exchange ex) {
        Map<String, Health.Check> checks = new LinkedHashMap<>();
        boolean migrated = database.isMigrated();
        checks.put("migrations", new Health.Check(migrated ? "UP" : "DOWN",
                migrated ? "applied" : "not applied"));
        boolean db = database.isReady(2);
        checks.put("database", new Health.Check(db ? "UP" : "DOWN", db ? "reachable" : "not reachable"));
        boolean up = migrated && db;
        ex.send(up ? 200 : 503, new Health(up ? "UP" : "DOWN", checks));
    }
}
