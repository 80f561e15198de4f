package app.medianest.console;

import app.medianest.console.concurrent.Tasks;
import app.medianest.console.settings.SettingsStore;
import app.medianest.console.settings.SettingsViewModel;
import app.medianest.server.config.ConfigLoader;
import app.medianest.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings saved by the console are what the server reads at its next start. */
class ConsoleSettingsTest {
    @TempDir
    Path dataDir;

    private ServerConfig serverView(Map<String, String> env) {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("MEDIANEST_DATA_DIR", dataDir.toString());
        return ServerConfig.from(new ConfigLoader(e, "Linux", dataDir.toString()).load());
    }

    @Test
    void savedSettingsAreReadByTheServerAndRestartIt() throws Exception {
        Files.writeString(dataDir.resolve("medianest.yaml"), "log:\n  level: DEBUG\n");
        AtomicInteger restarts = new AtomicInteger();
        SettingsViewModel vm = new SettingsViewModel(() -> dataDir, Map.of(), Tasks.direct(),
                restarts::incrementAndGet);
        vm.refresh();
        assertEquals("4000", vm.port().get());
        vm.port().set("4100");
        vm.host().set("127.0.0.1");
        vm.database().set("postgresql");
        vm.dbUrl().set("jdbc:postgresql://db.lan:5432/medianest");
        vm.dbUser().set("medianest");
        vm.dbPassword().set("s3cret-pass");
        vm.saveAndRestart();

        assertEquals(1, restarts.get());
        assertEquals("", vm.dbPassword().get(), "the password is not kept in the form");
        ServerConfig c = serverView(Map.of());
        assertEquals(4100, c.port());
        assertEquals("127.0.0.1", c.host());
        assertEquals("jdbc:postgresql://db.lan:5432/medianest", c.db().url());
        assertEquals("s3cret-pass", c.db().password());
        assertEquals("DEBUG", new SettingsStore(dataDir).read().get("log.level"), "other keys are kept");
        assertTrue(Files.getPosixFilePermissions(dataDir.resolve("medianest.yaml")).stream()
                .noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")));
        assertEquals(4200, serverView(Map.of("MEDIANEST_PORT", "4200")).port(), "the environment still wins");

        vm.refresh();
        vm.database().set("h2");
        vm.saveAndRestart();
        assertTrue(serverView(Map.of()).db().url().startsWith("jdbc:h2:file:"), "back to the embedded database");
    }

    @Test
    void aBadPortIsRefusedWithoutWriting() {
        SettingsViewModel vm = new SettingsViewModel(() -> dataDir, Map.of(), Tasks.direct(), () -> { });
        vm.port().set("99999");
        vm.saveAndRestart();
        assertEquals("The port must be a number from 0 to 65535", vm.message().get());
        assertTrue(Files.notExists(dataDir.resolve("medianest.yaml")));
    }

    @Test
    void theEnvironmentOverridesAreNamed() {
        SettingsViewModel vm = new SettingsViewModel(() -> dataDir, Map.of("MEDIANEST_PORT", "5000"), Tasks.direct(),
                () -> { });
        vm.refresh();
        assertTrue(vm.overrides().get().contains("MEDIANEST_PORT"), vm.overrides().get());
    }
}
