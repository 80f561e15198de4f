package app.medianest.console.tools;

import app.medianest.console.ConsoleApp;
import app.medianest.console.ConsoleContext;
import app.medianest.console.perf.Rss;
import app.medianest.console.perf.StallProbe;
import app.medianest.console.shell.MainWindow;
import app.medianest.fakes.FakePlexLauncher;
import app.medianest.loadtest.config.EndpointMix;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The console's smoothness and memory under load: the real console window (dashboard polling and drawing every
 * second, the views switched every 5 s as an admin would) over the embedded server, while the load-test engine
 * drives {@code users} closed-loop users at it from a separate JVM. After a warm-up it samples, for {@code seconds}: the FX-thread
 * stall probe (a {@code Platform.runLater} every 20 ms, delay until it runs), the longest gap between pulses
 * (AnimationTimer), and VmRSS every second. Prints max and p99 and exits 0 when the FX thread never stalled
 * longer than 100 ms and RSS stayed under 400 MB, else 1.
 * {@code xvfb-run -a java [jvm options] -cp console-ui/target/medianest-console.jar app.medianest.console.tools.Measure
 * [users] [seconds] [mix] [switchViews] [thinkTime]}; the default load is the performance strategy's (20 users,
 * 1 s think time); {@code 0s} think time turns it into a stress test.
 */
public final class Measure {
    private static final double STALL_LIMIT_MS = 100;
    private static final double RSS_LIMIT_MB = 400;
    private static final String LOAD_USER = "load-test-user";

    private Measure() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmup = 20;
        String mix = args.length > 2 && !args[2].isBlank() ? args[2] : EndpointMix.STRATEGY_SPEC;
        boolean switchViews = args.length <= 3 || Boolean.parseBoolean(args[3]);
        // The performance strategy's load (the load-test module's "strategy" preset): 1 s think time per user.
        String think = args.length > 4 ? args[4] : "1s";
        Platform.setImplicitExit(false);
        Platform.startup(() -> { });
        // GET /api/v1/plex/libraries (in the strategy's mix) answers from a simulated Plex in a JVM of its own.
        String[] plex = startPlex();
        ConsoleContext c = DemoConsole.create(60, 5_000, true, false,
                java.util.Map.of("plex.url", plex[0], "plex.token", plex[1]), System.out);
        c.start().join();
        MainWindow[] window = new MainWindow[1];
        long[] maxPulseGap = new long[1];
        boolean[] recordPulses = new boolean[1];
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            window[0] = ConsoleApp.buildWindow(c);
            Stage stage = new Stage();
            Scene scene = new Scene(window[0].root(), 1360, 860);
            scene.getStylesheets().add(ConsoleApp.stylesheet());
            stage.setScene(scene);
            stage.show();
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && recordPulses[0]) {
                        maxPulseGap[0] = Math.max(maxPulseGap[0], now - last);
                    }
                    last = now;
                }
            }.start();
            shown.complete(null);
        });
        shown.join();
        StallProbe probe = new StallProbe(Platform::runLater, 20, 200_000);
        // The control: the same probe on an idle platform thread. Whatever it sees is the machine (CPU
        // contention, GC pauses), not the FX thread's own work.
        java.util.concurrent.ExecutorService idle = java.util.concurrent.Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("medianest-control-probe").daemon().factory());
        StallProbe control = new StallProbe(idle, 20, 200_000);
        double loadBefore = loadAverage();
        c.api().post("/api/v1/admin/users", app.medianest.console.api.ApiClient.fields("username", LOAD_USER,
                "password", DemoConsole.PASSWORD, "role", "user"));
        Process load = startLoad(c.api().baseUrl(), users, warmup + seconds + 5, mix, think);
        System.out.printf(Locale.ROOT, "Load: %d users (a separate JVM), think time %s, on %s; warm-up %d s, then "
                + "measuring %d s%n", users, think, mix, warmup, seconds);
        cycleViews(window[0], warmup, switchViews);
        probe.recording(true);
        control.recording(true);
        Platform.runLater(() -> recordPulses[0] = true);
        java.util.List<long[]> switches = new java.util.ArrayList<>();
        double rssMax = 0;
        double rssSum = 0;
        for (int i = 0; i < seconds; i++) {
            if (switchViews && i % 5 == 0) {
                int page = i / 5;
                long at = System.nanoTime();
                switches.add(new long[] {at, page % window[0].pages().size()});
                Platform.runLater(() -> window[0].show(window[0].pages().get(page % window[0].pages().size())));
            }
            Thread.sleep(1_000);
            double rss = Rss.megabytes();
            rssMax = Math.max(rssMax, rss);
            rssSum += rss;
        }
        probe.recording(false);
        Platform.runLater(() -> recordPulses[0] = false);
        control.recording(false);
        StallProbe.Summary measured = probe.summary();
        StallProbe.Summary baseline = control.summary();
        double loadAfter = loadAverage();
        String loadOutput = new String(load.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        load.waitFor();
        StallProbe.Summary s = measured;
        probe.close();
        control.close();
        loadOutput.lines().filter(l -> l.contains("ALL") || l.startsWith("/api") || l.contains("throughput")
                || l.contains("PASS") || l.contains("FAIL")).limit(12).forEach(l -> System.out.println("  load: " + l.strip()));
        System.out.printf(Locale.ROOT, "FX thread stall (runLater probe every 20 ms, %d samples): max %.1f ms, "
                + "p99 %.1f ms, p50 %.2f ms (limit %.0f ms)%n", s.samples(), s.maxMs(), s.p99Ms(), s.p50Ms(),
                STALL_LIMIT_MS);
        for (long[] stall : probe.longStalls()) {
            String where = "";
            for (long[] sw : switches) {
                if (sw[0] <= stall[0]) {
                    where = String.format(Locale.ROOT, "%.1f s after showing %s", (stall[0] - sw[0]) / 1e9,
                            window[0].pages().get((int) sw[1]).title());
                }
            }
            System.out.printf(Locale.ROOT, "  FX stall of %.0f ms %s%n", stall[1] / 1e6, where);
        }
        System.out.printf(Locale.ROOT, "Control (same probe on an idle non-FX thread): max %.1f ms, p99 %.1f ms%n",
                baseline.maxMs(), baseline.p99Ms());
        System.out.printf(Locale.ROOT, "Machine: %d cores, load average %.1f before / %.1f after; GC: %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName).toList()));
        System.out.printf(Locale.ROOT, "FX pulses (AnimationTimer): longest gap between frames %.1f ms%n",
                maxPulseGap[0] / 1e6);
        System.out.printf(Locale.ROOT, "Resident memory (VmRSS, console + embedded server): mean %.0f MB, max %.0f MB"
                + " (limit %.0f MB); heap max %d MB%n", rssSum / seconds, rssMax, RSS_LIMIT_MB,
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
        if (Boolean.getBoolean("medianest.nmt")) {
            System.out.println(nativeMemory());
        }
        boolean ok = s.maxMs() <= STALL_LIMIT_MS && rssMax > 0 && rssMax <= RSS_LIMIT_MB;
        System.out.println(ok ? "PASS" : "FAIL");
        c.close();
        Platform.exit();
        System.exit(ok ? 0 : 1);
    }

    /**
     * The load generator runs in its own JVM, so this process holds only what is measured: the console and
     * its embedded server. It signs in as the demo admin (password through the environment, not the command
     * line) and runs until destroyed.
     */
    private static Process startLoad(String baseUrl, int users, int seconds, String mix, String think)
            throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "app.medianest.loadtest.Main", "--url", baseUrl, "--users", Integer.toString(users), "--ramp", "10s", "--duration",
                seconds + "s", "--think", think, "--mix", mix, "--username", LOAD_USER, "--timeout", "10s");
        pb.environment().put("MEDIANEST_LOADTEST_PASSWORD", DemoConsole.PASSWORD);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return p;
    }

    /** Starts the simulated Plex ({@link FakePlexLauncher}) in its own JVM, stopped with this one; URL and token. */
    private static String[] startPlex() throws java.io.IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                FakePlexLauncher.class.getName()).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("url=")) {
            throw new IllegalStateException("the simulated Plex did not start: " + line);
        }
        return new String[] {line.substring(4, line.indexOf(' ')), line.substring(line.indexOf("token=") + 6)};
    }

    /** The JVM's native memory summary (run with -XX:NativeMemoryTracking=summary -Dmedianest.nmt=true). */
    private static String nativeMemory() {
        try {
            return (String) java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        } catch (javax.management.JMException e) {
            return "no native memory summary: " + e.getMessage();
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void cycleViews(MainWindow w, int seconds, boolean switchViews) throws InterruptedException {
        for (int i = 0; i < seconds; i++) {
            int page = i;
            if (switchViews) {
                Platform.runLater(() -> w.show(w.pages().get(page % w.pages().size())));
            }
            Thread.sleep(1_000);
        }
        Platform.runLater(() -> w.show(w.pages().getFirst()));
    }
}
