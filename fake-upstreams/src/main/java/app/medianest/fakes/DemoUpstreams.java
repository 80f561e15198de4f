package app.medianest.fakes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * All fake upstreams started together with consistent sample data, for demo mode and end-to-end tests:
 * <ul>
 *   <li>plex.tv knows the {@link #DEMO_USER} account (token {@link #DEMO_TOKEN}), lists the fake Plex as its owned
 *       server, and approves every PIN {@link #PIN_APPROVAL_DELAY} after creation;</li>
 *   <li>the fake Plex holds the catalogue's in-library titles and accepts {@link #DEMO_TOKEN};</li>
 *   <li>Overseerr serves the same catalogue (library titles AVAILABLE) with three seeded requests;</li>
 *   <li>Uptime Kuma monitors {@code plex}, {@code overseerr}, {@code plex-tv} and {@code uptime-kuma}, pointing
 *       at the fakes' real URLs, all UP;</li>
 *   <li>{@link #ytDlp()} installs the fake yt-dlp on first use.</li>
 * </ul>
 */
public final class DemoUpstreams implements AutoCloseable {

    /** The demo plex.tv user. */
    public static final String DEMO_USER = "demo";
    /** The demo account's plex.tv token, also accepted by the fake Plex (the account owns it). */
    public static final String DEMO_TOKEN = "demo-plex-token";
    /** How long after creation demo PINs count as approved. */
    public static final Duration PIN_APPROVAL_DELAY = Duration.ofSeconds(3);

    /**
     * Ports to bind; 0 picks a free one.
     *
     * @param plexTv     fake plex.tv port
     * @param plex       fake Plex Media Server port
     * @param overseerr  fake Overseerr port
     * @param uptimeKuma fake Uptime Kuma port
     */
    public record Ports(int plexTv, int plex, int overseerr, int uptimeKuma) {
        /** Free ports everywhere. */
        public static final Ports ANY = new Ports(0, 0, 0, 0);
    }

    private final FakePlexTv plexTv;
    private final FakePlex plex;
    private final FakeOverseerr overseerr;
    private final FakeUptimeKuma uptimeKuma;
    private Path ytDlp;

    private DemoUpstreams(Ports ports) {
        Clock clock = Clock.systemUTC();
        SampleCatalog catalog = SampleCatalog.standard();
        List<FakeServer> started = new ArrayList<>();
        try {
            plex = started(started, FakePlex.start(ports.plex(), DEMO_TOKEN, catalog, clock));
            plexTv = started(started, FakePlexTv.start(ports.plexTv(), clock));
            plexTv.autoAuthorize(PlexAccount.of(DEMO_USER, DEMO_TOKEN), PIN_APPROVAL_DELAY);
            plexTv.addServer(PlexServerResource.ownedBy(plex));
            overseerr = started(started,
                    FakeOverseerr.start(ports.overseerr(), FakeOverseerr.DEFAULT_API_KEY, catalog, clock));
            overseerr.createRequest(2, MediaType.MOVIE, 693_134);
            overseerr.createRequest(3, MediaType.TV, 95_396);
            overseerr.createRequest(1, MediaType.MOVIE, 872_585);
            Map<String, String> monitors = new LinkedHashMap<>();
            monitors.put("plex", plex.baseUrl() + "/identity");
            monitors.put("overseerr", overseerr.apiBaseUrl() + "/status");
            monitors.put("plex-tv", plexTv.baseUrl() + "/api/v2/ping");
            uptimeKuma = started(started,
                    FakeUptimeKuma.start(ports.uptimeKuma(), clock, monitors, FakeUptimeKuma.DEFAULT_API_KEY));
            uptimeKuma.addMonitor("uptime-kuma", "http", uptimeKuma.baseUrl());
        } catch (RuntimeException e) {
            started.forEach(FakeServer::close);
            throw e;
        }
    }

    private static <T extends FakeServer> T started(List<FakeServer> started, T server) {
        started.add(server);
        return server;
    }

    /** Starts all four fakes on free ports. */
    public static DemoUpstreams start() {
        return start(Ports.ANY);
    }

    /** Starts all four fakes on the given ports; on failure the ones already started are closed. */
    public static DemoUpstreams start(Ports ports) {
        return new DemoUpstreams(ports);
    }

    /** The fake plex.tv. */
    public FakePlexTv plexTv() {
        return plexTv;
    }

    /** The fake Plex Media Server. */
    public FakePlex plex() {
        return plex;
    }

    /** The fake Overseerr. */
    public FakeOverseerr overseerr() {
        return overseerr;
    }

    /** The fake Uptime Kuma. */
    public FakeUptimeKuma uptimeKuma() {
        return uptimeKuma;
    }

    /** The fake yt-dlp executable, installed into a temporary directory on first call. */
    public synchronized Path ytDlp() {
        if (ytDlp == null) {
            ytDlp = FakeYtDlp.installTemp();
        }
        return ytDlp;
    }

    /** Closes every fake. */
    @Override
    public void close() {
        uptimeKuma.close();
        overseerr.close();
        plexTv.close();
        plex.close();
    }

    /**
     * Runs the demo upstreams until the process is stopped, printing their URLs and credentials.
     * Optional arguments: the four ports (plex.tv, Plex, Overseerr, Uptime Kuma).
     */
    public static void main(String[] args) throws InterruptedException {
        Ports ports = args.length == 4 ? new Ports(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3])) : Ports.ANY;
        DemoUpstreams demo = start(ports);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-upstreams-shutdown"));
        System.out.println("plex.tv      " + demo.plexTv().baseUrl() + "  (PINs auto-approve for '" + DEMO_USER + "')");
        System.out.println("Plex         " + demo.plex().baseUrl() + "  token " + DEMO_TOKEN);
        System.out.println("Overseerr    " + demo.overseerr().apiBaseUrl() + "  X-Api-Key " + demo.overseerr().apiKey());
        System.out.println("Uptime Kuma  " + demo.uptimeKuma().baseUrl() + "  status page '" + FakeUptimeKuma.SLUG
                + "', metrics key " + demo.uptimeKuma().metricsApiKey());
        System.out.println("yt-dlp       " + demo.ytDlp());
        new CountDownLatch(1).await();
    }
}
