package app.medianest.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dataDir;

    private ServerConfig load(Map<String, String> env) {
        return ServerConfig.from(new ConfigLoader(env, "Linux", "/home/test").load());
    }

    @Test
    void builtInDefaultsMatchTheStrategy() {
        ServerConfig c = load(Map.of("MEDIANEST_DATA_DIR", dataDir.toString()));
        assertEquals("0.0.0.0", c.host());
        assertEquals(4000, c.port());
        assertEquals(20, c.db().poolMax());
        assertEquals(Duration.ofSeconds(10), c.db().acquireTimeout());
        assertEquals(Duration.ofSeconds(30), c.db().statementTimeout());
        assertEquals(Duration.ofSeconds(15), c.db().queryTimeout());
        assertTrue(c.db().url().startsWith("jdbc:h2:file:" + dataDir.resolve("medianest")), c.db().url());
        assertFalse(c.db().url().contains("WRITE_DELAY=0"),
                "H2's background writer (which also compacts the file) stays on; CrashCheckTest shows durability");
    }

    @Test
    void dataDirFileOverridesApplicationYamlAndEnvironmentOverridesBoth() throws Exception {
        Files.writeString(dataDir.resolve(ConfigLoader.DATA_DIR_FILE), """
                server:
                  port: 5000
                  host: 127.0.0.1
                db:
                  pool:
                    max: 7
                """);
        ServerConfig fromFile = load(Map.of("MEDIANEST_DATA_DIR", dataDir.toString()));
        assertEquals(5000, fromFile.port());
        assertEquals("127.0.0.1", fromFile.host());
        assertEquals(7, fromFile.db().poolMax());
        ServerConfig fromEnv = load(Map.of("MEDIANEST_DATA_DIR", dataDir.toString(), "MEDIANEST_PORT", "6000"));
        assertEquals(6000, fromEnv.port());
        assertEquals(7, fromEnv.db().poolMax());
    }

    @Test
    void platformDataDirectoryFollowsXdgOnLinux() {
        ConfigLoader linux = new ConfigLoader(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/u");
        assertEquals(Path.of("/xdg/medianest").toString(), linux.defaultDataDir());
        assertEquals(Path.of("/home/u/.local/share/medianest").toString(),
                new ConfigLoader(Map.of(), "Linux", "/home/u").defaultDataDir());
        assertEquals(Path.of("/home/u/Library/Application Support/MediaNest").toString(),
                new ConfigLoader(Map.of(), "Mac OS X", "/home/u").defaultDataDir());
    }

    @Test
    void eachBadValueNamesItsSetting() {
        Map<String, String> base = Map.of("MEDIANEST_DATA_DIR", dataDir.toString());
        record Case(String env, String value) {
        }
        for (Case c : new Case[] {new Case("MEDIANEST_PORT", "-1"), new Case("MEDIANEST_PORT", "65536"),
            new Case("MEDIANEST_PORT", "eighty"), new Case("MEDIANEST_DB_POOL_MAX", "0"),
            new Case("MEDIANEST_DB_QUERY_TIMEOUT", "15 parsecs"), new Case("MEDIANEST_HOST", "bad host!"),
            new Case("MEDIANEST_DB_URL", "jdbc:mysql://x"), new Case("MEDIANEST_DB_URL", "jdbc:h2:tcp://x/db")}) {
            var env = new java.util.HashMap<>(base);
            env.put(c.env(), c.value());
            ConfigException e = assertThrows(ConfigException.class, () -> load(env), c.toString());
            assertTrue(e.getMessage().startsWith(c.env() + " ("), e.getMessage());
            assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
        }
    }

    @Test
    void passwordsInUrlsAreMaskedWhenShown() {
        ServerConfig c = load(Map.of("MEDIANEST_DATA_DIR", dataDir.toString(), "MEDIANEST_DB_URL",
                "jdbc:postgresql://db/medianest?user=mn&password=hunter2", "MEDIANEST_DB_PASSWORD", "pw"));
        assertTrue(c.db().safeUrl().contains("password=***"));
        assertTrue(!c.db().toString().contains("hunter2") && !c.db().toString().contains("pw,"));
    }

    /** Values stay the text the admin wrote; lists and nesting become dotted keys; a broken file names itself. */
    @Test
    void theDataDirFileIsReadAsPlainTextValuesAndABrokenOneIsRefused() throws Exception {
        Path file = dataDir.resolve(ConfigLoader.DATA_DIR_FILE);
        Files.writeString(file, """
                cache:
                  ttl:
                    service: 45s
                http:
                  cors-origins: [ "http://tv.local", "http://phone.local" ]
                youtube:
                  concurrency: 010
                  download-dir:
                """);
        Settings s = new ConfigLoader(Map.of("MEDIANEST_DATA_DIR", dataDir.toString()), "Linux", "/home/x").load();
        assertEquals(Duration.ofSeconds(45), s.duration(SettingsCatalog.CACHE_TTL_SERVICE, Duration.ZERO,
                Duration.ofHours(1)));
        assertEquals("http://tv.local", s.asMap().get("http.cors-origins.0"));
        assertEquals("http://phone.local", s.asMap().get("http.cors-origins.1"));
        assertEquals("010", s.asMap().get("youtube.concurrency"));
        assertTrue(!s.asMap().containsKey("youtube.download-dir"), "an empty value is no value");

        Files.writeString(file, "server:\n  port: [unclosed\n");
        ConfigException bad = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("MEDIANEST_DATA_DIR", dataDir.toString()), "Linux", "/home/x").load());
        assertTrue(bad.getMessage().contains(file.toString()), bad.getMessage());
        Files.writeString(file, "just a sentence\n");
        assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("MEDIANEST_DATA_DIR", dataDir.toString()), "Linux", "/home/x").load());
        Files.writeString(file, "server:\n  port: 1\nserver:\n  port: 2\n");
        assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("MEDIANEST_DATA_DIR", dataDir.toString()), "Linux", "/home/x").load(),
                "a key given twice is refused, not silently resolved");
    }
}
