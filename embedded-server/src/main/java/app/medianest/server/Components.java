package app.medianest.server;

import app.medianest.server.config.ServerConfig;
import app.medianest.server.db.Database;
import app.medianest.server.health.HealthService;
import app.medianest.server.http.Authenticator;
import app.medianest.server.requests.MediaRequestRepository;
import app.medianest.server.status.ServiceStatusRepository;
import app.medianest.server.users.UserRepository;

import java.time.Clock;

/**
 * The composition root: builds the non-HTTP object graph once, from configuration, with constructor
 * injection only. The headless main, the console and the tests all build the server through this.
 */
public final class Components implements AutoCloseable {
    private final ServerConfig config;
    private final Clock clock;
    private final Database database;
    private final UserRepository users;
    private final MediaRequestRepository requests;
    private final ServiceStatusRepository serviceStatus;
    private final HealthService health;

    private Components(ServerConfig config, Clock clock, Database database) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.users = new UserRepository(database.jdbc());
        this.requests = new MediaRequestRepository(database.jdbc());
        this.serviceStatus = new ServiceStatusRepository(database.jdbc());
        this.health = new HealthService(database);
    }

    /** Opens the database (migrating it) and wires everything. */
    public static Components create(ServerConfig config, Clock clock) {
        Database db = Database.open(config.db(), config.dataDir());
        try {
            return new Components(config, clock, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public ServerConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public UserRepository users() {
        return users;
    }

    public MediaRequestRepository requests() {
        return requests;
    }

    public ServiceStatusRepository serviceStatus() {
        return serviceStatus;
    }

    public HealthService health() {
        return health;
    }

    public Authenticator authenticator() {
        return Authenticator.NOBODY;
    }

    @Override
    public void close() {
        database.close();
    }
}
