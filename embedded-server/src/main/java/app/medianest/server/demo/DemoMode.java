package app.medianest.server.demo;

import app.medianest.fakes.DemoUpstreams;
import app.medianest.fakes.FakeOverseerr;
import app.medianest.fakes.FakeUptimeKuma;
import app.medianest.server.Components;
import app.medianest.server.auth.PasswordHasher;
import app.medianest.server.auth.Secrets;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.seed.SeedPlan;
import app.medianest.server.seed.Seeder;
import app.medianest.server.users.User;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the simulated upstreams and derives the demo's settings from the normal ones: its own H2 database in
 * {@code <data dir>/demo} (never the real one), every integration pointed at the simulations, and a
 * {@value #ADMIN} account whose password is generated and shown once, at the first demo start.
 */
public final class DemoMode implements AutoCloseable {
    /** The demo admin's user name. */
    public static final String ADMIN = "demo-admin";
    /** The Overseerr user (non-admin) forwarded requests are created as, so they wait for approval there. */
    static final String OVERSEERR_REQUEST_USER = "2";

    private final DemoUpstreams upstreams;
    private final Settings settings;
    private final String adminPassword;

    private DemoMode(DemoUpstreams upstreams, Settings settings, String adminPassword) {
        this.upstreams = upstreams;
        this.settings = settings;
        this.adminPassword = adminPassword;
    }

    /** Starts the simulations and computes the demo settings from {@code base}. */
    public static DemoMode start(Settings base) {
        Path dataDir = base.path(SettingsCatalog.DATA_DIR).resolve("demo");
        DemoUpstreams upstreams = DemoUpstreams.start();
        try {
            String password = Secrets.newToken("demo-").substring(0, 21);
            Map<String, String> m = new LinkedHashMap<>(base.asMap());
            for (String key : new String[] {SettingsCatalog.DB_URL.key(), SettingsCatalog.DB_USER.key(),
                SettingsCatalog.DB_PASSWORD.key()}) {
                m.remove(key);
            }
            m.put(SettingsCatalog.DATA_DIR.key(), dataDir.toString());
            m.put(SettingsCatalog.ADMIN_USERNAME.key(), ADMIN);
            m.put(SettingsCatalog.ADMIN_PASSWORD.key(), password);
            m.put(SettingsCatalog.PLEXTV_URL.key(), upstreams.plexTv().baseUrl());
            m.put(SettingsCatalog.PLEX_URL.key(), upstreams.plex().baseUrl());
            m.put(SettingsCatalog.PLEX_TOKEN.key(), DemoUpstreams.DEMO_TOKEN);
            m.put(SettingsCatalog.OVERSEERR_URL.key(), upstreams.overseerr().apiBaseUrl());
            m.put(SettingsCatalog.OVERSEERR_API_KEY.key(), FakeOverseerr.DEFAULT_API_KEY);
            m.put(SettingsCatalog.OVERSEERR_REQUEST_USER.key(), OVERSEERR_REQUEST_USER);
            m.put(SettingsCatalog.UPTIME_KUMA_URL.key(), upstreams.uptimeKuma().baseUrl());
            m.put(SettingsCatalog.UPTIME_KUMA_SLUG.key(), FakeUptimeKuma.SLUG);
            m.put(SettingsCatalog.UPTIME_KUMA_API_KEY.key(), FakeUptimeKuma.DEFAULT_API_KEY);
            m.put(SettingsCatalog.YTDLP_PATH.key(), upstreams.ytDlp().toString());
            m.putIfAbsent(SettingsCatalog.UPTIME_KUMA_POLL.key(), "15s");
            m.putIfAbsent(SettingsCatalog.OUTBOX_POLL.key(), "2s");
            return new DemoMode(upstreams, Settings.of(m), password);
        } catch (RuntimeException e) {
            upstreams.close();
            throw e;
        }
    }

    /** The settings the demo server runs with. */
    public Settings settings() {
        return settings;
    }

    /** Fills an empty demo database with sample users, requests and downloads, then says how to sign in. */
    public void populate(Components c, String baseUrl, PrintStream out) {
        if (c.requests().total() == 0) {
            Seeder.Result r = new Seeder(c.database().jdbc(), Clock.systemUTC())
                    .seed(new SeedPlan(24, 120, 12, true, null, 42));
            out.printf("Seeded %d users and %d requests.%n", r.users(), r.requests());
        }
        c.integrations().statusPoller().pollOnce();
        boolean fresh = c.users().findByUsername(ADMIN).map(User::passwordHash)
                .filter(hash -> new PasswordHasher().verify(adminPassword, hash)).isPresent();
        out.println();
        out.println("MediaNest demo is running at " + baseUrl + " with simulated Plex, Overseerr, Uptime Kuma,");
        out.println("plex.tv and yt-dlp (" + upstreams.plex().baseUrl() + ", " + upstreams.overseerr().baseUrl()
                + ", " + upstreams.uptimeKuma().baseUrl() + ").");
        out.println("Demo data: " + settings.path(SettingsCatalog.DATA_DIR) + " (delete it to start over).");
        if (fresh) {
            out.println("Sign in as " + ADMIN + " with password " + adminPassword + " (shown only this once).");
        } else {
            out.println("Sign in as " + ADMIN + " with the password shown at the first demo start.");
        }
        out.println("Try: curl -X POST " + baseUrl + "/api/v1/auth/login -H 'Content-Type: application/json' -d '"
                + "{\"username\":\"" + ADMIN + "\",\"password\":\"...\"}', then GET " + baseUrl
                + "/api/v1/plex/libraries with 'Authorization: Bearer <token>'.");
        out.flush();
    }

    /** Stops the simulations. */
    @Override
    public void close() {
        upstreams.close();
    }
}
