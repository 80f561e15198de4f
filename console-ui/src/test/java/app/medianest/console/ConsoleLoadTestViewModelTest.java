package app.medianest.console;

import app.medianest.console.loadtest.LoadTestViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load-test view model runs the step-6 engine against the embedded server, without the toolkit. */
class ConsoleLoadTestViewModelTest {
    private ConsoleFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aShortRunFillsTheChartsAndWritesTheReport() throws Exception {
        fixture = ConsoleFixture.startDirect(Map.of());
        var api = fixture.context().api();
        api.baseUrl(fixture.server().baseUrl());
        api.token(fixture.adminApi().token());
        LoadTestViewModel vm = new LoadTestViewModel(api, app.medianest.console.concurrent.Tasks.direct(),
                () -> fixture.dataDir().resolve("reports"));
        vm.users().set("4");
        vm.rampUp().set("0");
        vm.seconds().set("2");
        vm.mix().set("/api/v1/auth/session=3,/health=1");
        vm.start();

        assertFalse(vm.running().get());
        assertTrue(vm.throughput().lines().getFirst().live().size() >= 1, "one point per second of the run");
        assertTrue(vm.report().get().contains("/api/v1/auth/session"), vm.report().get());
        assertTrue(vm.report().get().contains("HTML report: "), vm.report().get());
        try (var files = Files.list(fixture.dataDir().resolve("reports"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".html")));
        }
    }
}
