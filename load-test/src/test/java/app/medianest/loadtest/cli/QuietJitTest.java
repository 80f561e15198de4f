package app.medianest.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.Main;
import app.medianest.loadtest.testing.FakeMediaNestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuietJitTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    private static Optional<List<String>> command(Duration think, List<String> jvm, Map<String, String> env) {
        return QuietJit.command(Optional.ofNullable(think), jvm, JAVA_HOME, CLASS_PATH, "Main",
                new String[] {"--think", "1s"}, env);
    }

    @Test
    void aRunWithThinkTimeGetsTheQuickCompilerOnlyAndKeepsItsOptionsAndArguments() {
        List<String> cmd = command(Duration.ofSeconds(1), List.of("-Xmx256m"), Map.of()).orElseThrow();
        assertEquals(List.of(JAVA_HOME.resolve("bin").resolve("java").toString(), QuietJit.OPTION, QuietJit.MARK,
                "-Xmx256m", "-cp", CLASS_PATH, "Main", "--think", "1s"), cmd);
    }

    @Test
    void saturationAChosenCompilerTheChildItselfAndAsIsKeepTheJvmAsStarted() {
        assertTrue(command(Duration.ZERO, List.of(), Map.of()).isEmpty(), "no think time");
        assertTrue(command(null, List.of(), Map.of()).isEmpty(), "arguments that do not parse");
        assertTrue(command(Duration.ofSeconds(1), List.of("-XX:TieredStopAtLevel=4"), Map.of()).isEmpty());
        assertTrue(command(Duration.ofSeconds(1), List.of("-XX:-TieredCompilation"), Map.of()).isEmpty());
        assertTrue(command(Duration.ofSeconds(1), List.of("-Xint"), Map.of()).isEmpty());
        assertTrue(command(Duration.ofSeconds(1), List.of(QuietJit.MARK), Map.of()).isEmpty(), "the child");
        assertTrue(command(Duration.ofSeconds(1), List.of(), Map.of(QuietJit.ENV, "as-is")).isEmpty());
    }

    /** The real command line: a run with think time says it runs on the quick compiler; one without does not. */
    @Test
    void theCommandLineRunsThinkTimeRunsInAQuickCompilerJvmAndSaysSo() throws Exception {
        try (FakeMediaNestServer server = FakeMediaNestServer.start()) {
            String withThink = launch(server, "20ms", Map.of());
            assertTrue(withThink.contains("think 20ms") && withThink.contains("JVM " + QuietJit.OPTION), withThink);
            String saturation = launch(server, "0", Map.of());
            assertTrue(saturation.contains("MediaNest load test against"), saturation);
            assertFalse(saturation.contains(QuietJit.OPTION), saturation);
            String asIs = launch(server, "20ms", Map.of(QuietJit.ENV, "as-is"));
            assertTrue(asIs.contains("think 20ms"), asIs);
            assertFalse(asIs.contains(QuietJit.OPTION), asIs);
        }
    }

    /** Killing the command line's JVM outright (SIGKILL) does not leave the run going in the child. */
    @Test
    void theRunEndsWhenTheJvmThatStartedItIsKilled() throws Exception {
        try (FakeMediaNestServer server = FakeMediaNestServer.start()) {
            Process p = new ProcessBuilder(command(server, "20ms", "60s")).redirectErrorStream(true).start();
            try {
                String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                assertTrue(first != null && first.contains(QuietJit.OPTION), String.valueOf(first));
                ProcessHandle child = p.toHandle().children().findFirst().orElseThrow();
                p.destroyForcibly();
                assertTrue(child.onExit().get(15, TimeUnit.SECONDS) != null && !child.isAlive(),
                        "the child stops with its parent");
            } finally {
                p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static List<String> command(FakeMediaNestServer server, String think, String duration) {
        return new ArrayList<>(List.of(JAVA_HOME.resolve("bin").resolve("java").toString(), "-cp",
                CLASS_PATH, Main.class.getName(), "--url", server.baseUrl().toString(), "--users", "1",
                "--duration", duration, "--think", think, "--token", FakeMediaNestServer.STATIC_TOKEN, "--mix",
                "/api/v1/auth/session", "--quiet"));
    }

    private static String launch(FakeMediaNestServer server, String think, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command(server, think, "1s")).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
