package app.medianest.console.settings;

import app.medianest.console.concurrent.Tasks;
import app.medianest.server.config.SettingsCatalog;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Settings: port, bind address and database (H2 or PostgreSQL, with a connection test), saved to the data
 * directory's {@code medianest.yaml}; {@link #saveAndRestart()} restarts the server so they take effect.
 */
public final class SettingsViewModel {
    private final Supplier<Path> dataDir;
    private final Map<String, String> env;
    private final Tasks tasks;
    private final Runnable restart;
    private final StringProperty port = new SimpleStringProperty("4000");
    private final StringProperty host = new SimpleStringProperty("0.0.0.0");
    private final StringProperty database = new SimpleStringProperty("h2");
    private final StringProperty dbUrl = new SimpleStringProperty("");
    private final StringProperty dbUser = new SimpleStringProperty("");
    private final StringProperty dbPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper overrides = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper file = new ReadOnlyStringWrapper("");

    /**
     * @param dataDir the server's data directory (where medianest.yaml lives)
     * @param env     the process environment (its MEDIANEST_* variables override the file)
     * @param restart restarts the server
     */
    public SettingsViewModel(Supplier<Path> dataDir, Map<String, String> env, Tasks tasks, Runnable restart) {
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
        this.tasks = tasks;
        this.restart = restart;
    }

    /** Loads the file's values. */
    public void refresh() {
        tasks.run(() -> {
            SettingsStore store = new SettingsStore(dataDir.get());
            return new Object[] {store.file().toString(), store.read()};
        }, r -> {
            @SuppressWarnings("unchecked") Map<String, String> v = (Map<String, String>) r[1];
            file.set((String) r[0]);
            port.set(v.getOrDefault(SettingsCatalog.PORT.key(), SettingsCatalog.PORT.defaultValue()));
            host.set(v.getOrDefault(SettingsCatalog.HOST.key(), SettingsCatalog.HOST.defaultValue()));
            dbUrl.set(v.getOrDefault(SettingsCatalog.DB_URL.key(), ""));
            dbUser.set(v.getOrDefault(SettingsCatalog.DB_USER.key(), ""));
            dbPassword.set("");
            database.set(dbUrl.get().startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
            List<String> over = new ArrayList<>();
            for (var s : List.of(SettingsCatalog.PORT, SettingsCatalog.HOST, SettingsCatalog.DB_URL,
                    SettingsCatalog.DB_USER, SettingsCatalog.DB_PASSWORD)) {
                if (env.containsKey(s.env())) {
                    over.add(s.env());
                }
            }
            overrides.set(over.isEmpty() ? "" : "Set in the environment, which wins over this file: "
                    + String.join(", ", over));
        }, e -> message.set("Cannot read the settings: " + e.getMessage()));
    }

    /** Tries the PostgreSQL connection (H2 is embedded: nothing to reach). */
    public void testConnection() {
        if (!"postgresql".equals(database.get())) {
            message.set("H2 is embedded in MediaNest: nothing to connect to");
            return;
        }
        String url = dbUrl.get();
        String user = dbUser.get();
        String pw = dbPassword.get();
        message.set("Connecting...");
        tasks.run(() -> probe(url, user, pw), message::set, e -> message.set("Connection failed: " + e.getMessage()));
    }

    static String probe(String url, String user, String password) throws SQLException {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new SQLException("the URL must start with jdbc:postgresql://");
        }
        DriverManager.setLoginTimeout(5);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            var md = c.getMetaData();
            return "Connected to " + md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + " in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms";
        }
    }

    /** Validates and writes the file, then restarts the server. */
    public void saveAndRestart() {
        Map<String, String> changes = new LinkedHashMap<>();
        try {
            int p = Integer.parseInt(port.get().strip());
            if (p < 0 || p > 65_535) {
                throw new NumberFormatException();
            }
            changes.put(SettingsCatalog.PORT.key(), Integer.toString(p));
        } catch (NumberFormatException e) {
            message.set("The port must be a number from 0 to 65535");
            return;
        }
        changes.put(SettingsCatalog.HOST.key(), host.get().strip());
        boolean pg = "postgresql".equals(database.get());
        changes.put(SettingsCatalog.DB_URL.key(), pg ? dbUrl.get().strip() : null);
        changes.put(SettingsCatalog.DB_USER.key(), pg && !dbUser.get().isBlank() ? dbUser.get().strip() : null);
        if (!pg) {
            changes.put(SettingsCatalog.DB_PASSWORD.key(), null);
        } else if (!dbPassword.get().isEmpty()) {
            changes.put(SettingsCatalog.DB_PASSWORD.key(), dbPassword.get());
        }
        tasks.run(() -> {
            new SettingsStore(dataDir.get()).write(changes);
            return true;
        }, ok -> {
            dbPassword.set("");
            message.set("Saved; restarting the server...");
            restart.run();
        }, e -> message.set("Cannot save: " + e.getMessage()));
    }

    public StringProperty port() {
        return port;
    }

    public StringProperty host() {
        return host;
    }

    /** {@code h2} or {@code postgresql}. */
    public StringProperty database() {
        return database;
    }

    public StringProperty dbUrl() {
        return dbUrl;
    }

    public StringProperty dbUser() {
        return dbUser;
    }

    /** A new database password; empty keeps the stored one. Never filled from the file. */
    public StringProperty dbPassword() {
        return dbPassword;
    }

    public ReadOnlyStringProperty overrides() {
        return overrides.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty file() {
        return file.getReadOnlyProperty();
    }
}
