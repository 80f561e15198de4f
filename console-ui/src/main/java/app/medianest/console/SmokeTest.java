package app.medianest.console;

import app.medianest.console.api.ApiClient;
import app.medianest.console.server.ServerController;
import app.medianest.console.server.ServerEventListener;
import app.medianest.server.EmbeddedServer;
import app.medianest.server.config.ConfigException;
import app.medianest.server.logging.LogSetup;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code --smoke-test}: starts the embedded server from the normal configuration without touching the FX
 * toolkit (works without a display), checks {@code GET /health}, stops it and returns the exit code: 0 when
 * healthy, 1 otherwise, 2 on a configuration error.
 */
final class SmokeTest {
    private SmokeTest() {
    }

    static int run(PrintStream out, PrintStream err) {
        LogSetup.configure("WARNING", null);
        try (ServerController controller = new ServerController(Launcher::loadConfig, Clock.systemUTC(),
                ServerEventListener.NONE)) {
            EmbeddedServer server = controller.start();
            ApiClient api = new ApiClient(Duration.ofSeconds(10));
            api.baseUrl(server.baseUrl());
            int status = api.status("/health");
            if (status != 200) {
                err.println("medianest-console: smoke test failed: /health answered " + status);
                return 1;
            }
            out.println("medianest-console: smoke test passed: " + server.baseUrl() + "/health is UP");
            return 0;
        } catch (ConfigException e) {
            err.println("medianest-console: configuration error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("medianest-console: smoke test failed: " + e.getMessage());
            return 1;
        }
    }
}
