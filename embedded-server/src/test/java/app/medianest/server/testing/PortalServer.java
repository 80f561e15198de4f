package app.medianest.server.testing;

import app.medianest.fakes.DemoUpstreams;
import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.FakeUptimeKuma;
import app.medianest.fakes.SampleTitle;
import app.medianest.model.MediaType;
import app.medianest.model.Role;
import app.medianest.server.Components;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.seed.SeedPlan;
import app.medianest.server.seed.Seeder;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A real MediaNest server for the portal's browser tests, wired like the demo: simulated plex.tv, Plex, Overseerr,
 * Uptime Kuma and yt-dlp over real sockets, an H2 database, an admin and a member with known passwords, and
 * (optionally) the demo's sample users, requests and downloads.
 */
public final class PortalServer implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    /** Password of {@link #ADMIN} and {@link #MEMBER}. */
    public static final String PASSWORD = Accounts.PASSWORD;
    public static final String WEBHOOK_SECRET = "portal-webhook-secret";

    private final DemoUpstreams upstreams;
    private final TestDatabase db;
    private final TestServer server;

    private PortalServer(DemoUpstreams upstreams, TestDatabase db, TestServer server) {
        this.upstreams = upstreams;
        this.db = db;
        this.server = server;
    }

    /**
     * Starts the fakes and the server.
     *
     * @param seeded also add the demo's sample data (24 users, 120 requests, 12 downloads)
     * @param extra  more settings (keys as in application.yaml)
     */
    public static PortalServer start(boolean seeded, Map<String, String> extra) {
        DemoUpstreams upstreams = DemoUpstreams.start();
        TestDatabase db = null;
        try {
            db = TestDatabase.create(DbKind.H2);
            Map<String, String> m = new HashMap<>();
            m.put(SettingsCatalog.PLEXTV_URL.key(), upstreams.plexTv().baseUrl());
            m.put(SettingsCatalog.PLEX_URL.key(), upstreams.plex().baseUrl());
            m.put(SettingsCatalog.PLEX_TOKEN.key(), DemoUpstreams.DEMO_TOKEN);
            m.put(SettingsCatalog.OVERSEERR_URL.key(), upstreams.overseerr().apiBaseUrl());
            m.put(SettingsCatalog.OVERSEERR_API_KEY.key(), FakeOverseerr.DEFAULT_API_KEY);
            m.put(SettingsCatalog.OVERSEERR_REQUEST_USER.key(), "2");
            m.put(SettingsCatalog.OVERSEERR_WEBHOOK_SECRET.key(), WEBHOOK_SECRET);
            m.put(SettingsCatalog.UPTIME_KUMA_URL.key(), upstreams.uptimeKuma().baseUrl());
            m.put(SettingsCatalog.UPTIME_KUMA_SLUG.key(), FakeUptimeKuma.SLUG);
            m.put(SettingsCatalog.UPTIME_KUMA_API_KEY.key(), FakeUptimeKuma.DEFAULT_API_KEY);
            m.put(SettingsCatalog.YTDLP_PATH.key(), slowYtDlp(upstreams.ytDlp()).toString());
            m.put(SettingsCatalog.EVENTS_HEARTBEAT.key(), "1s");
            m.putAll(extra);
            TestServer server = TestServer.start(db, Clock.systemUTC(), m);
            PortalServer s = new PortalServer(upstreams, db, server);
            Components c = s.components();
            c.accounts().createUser(ADMIN, PASSWORD, null, Role.ADMIN, "");
            c.accounts().createUser(MEMBER, PASSWORD, null, Role.USER, "");
            if (seeded) {
                new Seeder(c.database().jdbc(), Clock.systemUTC()).seed(new SeedPlan(24, 120, 12, true, null, 42));
            }
            c.integrations().statusPoller().pollOnce();
            return s;
        } catch (RuntimeException e) {
            upstreams.close();
            if (db != null) {
                db.close();
            }
            throw e;
        }
    }

    /** The fake yt-dlp taking about 4 s per video in 10 progress steps, so progress can be watched. */
    private static java.nio.file.Path slowYtDlp(java.nio.file.Path fake) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("medianest-portal-ytdlp");
            java.nio.file.Path script = dir.resolve("yt-dlp");
            java.nio.file.Files.writeString(script, "#!/bin/sh\nexport " + app.medianest.fakes.FakeYtDlp.ENV_DELAY_MS
                    + "='400'\nexport " + app.medianest.fakes.FakeYtDlp.ENV_STEPS + "='10'\nexec '" + fake
                    + "' \"$@\"\n");
            java.nio.file.Files.setPosixFilePermissions(script,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return server.server().baseUrl();
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    public TestServer http() {
        return server;
    }

    public Components components() {
        return server.server().components();
    }

    public DemoUpstreams upstreams() {
        return upstreams;
    }

    /** A series of the simulated catalogue with {@code seasons} seasons, not in the library and not requested. */
    public SampleTitle requestableShow(int seasons) {
        return upstreams.overseerr().catalog().shows().stream()
                .filter(t -> t.seasonCount() == seasons && !t.inLibrary())
                .filter(t -> components().requestService().active(MediaType.TV, t.tmdbId()).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no free " + seasons + "-season show in the catalogue"));
    }

    /** A movie of the simulated catalogue that is not in the library and not requested. */
    public SampleTitle requestableMovie() {
        return upstreams.overseerr().catalog().movies().stream()
                .filter(t -> !t.inLibrary())
                .filter(t -> components().requestService().active(MediaType.MOVIE, t.tmdbId()).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no free movie in the catalogue"));
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            db.close();
            upstreams.close();
        }
    }
}
