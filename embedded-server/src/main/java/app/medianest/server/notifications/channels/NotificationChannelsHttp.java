package app.medianest.server.notifications.channels;

import app.medianest.model.Role;
import app.medianest.server.http.Principal;
import app.medianest.server.db.Jdbc;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Notification channels over HTTP. Admin: {@code GET /api/v1/admin/notification-channels},
 * {@code PUT /api/v1/admin/notification-channels/{name}} and {@code POST .../{name}/test}. Everyone:
 * {@code GET/PUT /api/v1/me/notification-settings} (email address and, per channel, the events wanted).
 * Secrets are write-only: answers say only whether one is set.
 */
public final class NotificationChannelsHttp {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final Map<ChannelKind, Set<String>> SETTINGS = Map.of(
            ChannelKind.EMAIL, Set.of("host", "port", "security", "username", "from"),
            ChannelKind.WEBHOOK, Set.of("url"),
            ChannelKind.NTFY, Set.of("server", "topic"),
            ChannelKind.DISCORD, Set.of());

    /** {@code PUT} body of a channel. {@code secret}: absent keeps, "" removes, else replaces. */
    public record ChannelBody(Boolean enabled, Boolean usersAllowed, Map<String, String> settings, String secret) {
    }

    /** {@code POST .../test} body (optional): the address a test email goes to. */
    public record TestBody(String to) {
    }

    /** {@code PUT /api/v1/me/notification-settings} body. */
    public record SettingsBody(String email, Map<String, List<String>> channels) {
    }

    private final ChannelStore channels;
    private final PreferenceStore preferences;
    private final Map<ChannelKind, ChannelSender> senders;
    private final DeliveryRepository outbox;
    private final DeliveryWorker worker;
    private final Jdbc jdbc;
    private final Clock clock;
    private final java.util.function.Consumer<UUID> userChanged;

    public NotificationChannelsHttp(ChannelStore channels, PreferenceStore preferences,
                                    Map<ChannelKind, ChannelSender> senders, DeliveryRepository outbox,
                                    DeliveryWorker worker, Jdbc jdbc, Clock clock,
                                    java.util.function.Consumer<UUID> userChanged) {
        this.channels = channels;
        this.preferences = preferences;
        this.senders = senders;
        this.outbox = outbox;
        this.worker = worker;
        this.jdbc = jdbc;
        this.clock = clock;
        this.userChanged = userChanged;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/notification-channels", Access.ADMIN, ex -> ex.ok(channels.all().stream()
                        .map(this::view).toList()))
                .put("/api/v1/admin/notification-channels/{name}", Access.ADMIN, this::put)
                .post("/api/v1/admin/notification-channels/{name}/test", Access.ADMIN, this::test)
                .get("/api/v1/me/notification-settings", Access.USER, this::mySettings)
                .put("/api/v1/me/notification-settings", Access.USER, this::putMySettings);
    }

    private static ChannelKind kind(Exchange ex) {
        try {
            return ChannelKind.parse(ex.pathParam("name"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("CHANNEL_NOT_FOUND", "No such channel (email, webhook, ntfy, discord)");
        }
    }

    private Map<String, Object> view(ChannelConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.kind().wire());
        m.put("enabled", c.enabled());
        m.put("usersAllowed", c.openToUsers());
        m.put("settings", new java.util.TreeMap<>(c.settings()));
        m.put("secretSet", c.secret() != null);
        m.put("problem", senders.get(c.kind()).incomplete(c));
        m.put("breaker", worker.breakerState(c.kind()));
        m.put("waiting", outbox.waiting(c.kind()));
        m.put("updatedAt", c.updatedAt());
        return m;
    }

    private void put(Exchange ex) {
        ChannelKind kind = kind(ex);
        ChannelBody b = ex.body(ChannelBody.class);
        ChannelConfig cur = channels.get(kind);
        Validator v = new Validator();
        Map<String, String> settings = new LinkedHashMap<>(b.settings() == null ? cur.settings() : Map.of());
        if (b.settings() != null) {
            b.settings().forEach((k, val) -> {
                if (!SETTINGS.get(kind).contains(k)) {
                    v.fail("settings." + k, "is not a setting of " + kind.wire() + " (" + SETTINGS.get(kind) + ")");
                } else if (val != null && !val.isBlank()) {
                    String t = v.text("settings." + k, val.strip(), 2048);
                    if (t != null) {
                        settings.put(k, t);
                    }
                }
            });
        }
        checkSettings(v, kind, settings);
        String secret = b.secret() == null ? null : v.text("secret", b.secret(), 2048);
        if (kind == ChannelKind.DISCORD && secret != null && !secret.isBlank()) {
            checkUrl(v, "secret", secret.strip());
        }
        v.check();
        boolean enabled = b.enabled() != null ? b.enabled() : cur.enabled();
        boolean usersAllowed = b.usersAllowed() != null ? b.usersAllowed() : cur.usersAllowed();
        String effectiveSecret = secret == null ? cur.secret() : (secret.isBlank() ? null : secret);
        String problem = senders.get(kind).incomplete(new ChannelConfig(kind, enabled, usersAllowed, settings,
                effectiveSecret, null));
        if (enabled && problem != null) {
            throw ApiException.validation("enabled", "cannot enable " + kind.wire() + ": " + problem);
        }
        ex.ok(view(channels.save(kind, enabled, usersAllowed, settings, secret == null ? null : secret.strip())));
    }

    private static void checkSettings(Validator v, ChannelKind kind, Map<String, String> s) {
        switch (kind) {
            case EMAIL -> {
                String port = s.get("port");
                if (port != null) {
                    try {
                        int p = Integer.parseInt(port);
                        if (p < 1 || p > 65535) {
                            v.fail("settings.port", "must be from 1 to 65535");
                        }
                    } catch (NumberFormatException e) {
                        v.fail("settings.port", "must be a number from 1 to 65535");
                    }
                }
                String sec = s.get("security");
                if (sec != null && !Set.of("starttls", "tls", "none").contains(sec)) {
                    v.fail("settings.security", "must be starttls, tls or none");
                }
                String from = s.get("from");
                if (from != null && !EMAIL.matcher(from).matches()) {
                    v.fail("settings.from", "must be an email address");
                }
            }
            case WEBHOOK -> {
                if (s.get("url") != null) {
                    checkUrl(v, "settings.url", s.get("url"));
                }
            }
            case NTFY -> {
                if (s.get("server") != null) {
                    checkUrl(v, "settings.server", s.get("server"));
                }
                String topic = s.get("topic");
                if (topic != null && !topic.matches("[A-Za-z0-9_-]{1,64}")) {
                    v.fail("settings.topic", "must be 1 to 64 letters, digits, '-' or '_'");
                }
            }
            case DISCORD -> { }
        }
    }

    private static void checkUrl(Validator v, String field, String url) {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                v.fail(field, "must be an http:// or https:// URL");
            }
        } catch (java.net.URISyntaxException e) {
            v.fail(field, "must be an http:// or https:// URL");
        }
    }

    /** Sends a test message now, directly (not through the outbox), and says what happened. */
    private void test(Exchange ex) {
        ChannelKind kind = kind(ex);
        TestBody b = ex.bodyOrDefault(TestBody.class, new TestBody(null));
        ChannelConfig c = channels.get(kind);
        ChannelSender sender = senders.get(kind);
        String problem = sender.incomplete(c);
        if (problem != null) {
            throw ApiException.badRequest("CHANNEL_INCOMPLETE", problem);
        }
        Principal p = ex.principal();
        String to = null;
        if (kind == ChannelKind.EMAIL) {
            to = b.to() != null && !b.to().isBlank() ? b.to().strip() : p.email();
            if (to == null || !EMAIL.matcher(to).matches() || to.length() > 320) {
                throw ApiException.validation("to", "give an email address (yours has none)");
            }
        }
        Outgoing m = new Outgoing(0, kind, "test", p.userId(), p.username(), to, "Test notification",
                "If you can read this, MediaNest can reach you through " + kind.wire() + ".", Map.of(), "info",
                clock.instant());
        long start = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            sender.send(c, m);
            result.put("delivered", true);
            result.put("message", "Sent" + (to == null ? "" : " to " + to));
        } catch (DeliveryException e) {
            result.put("delivered", false);
            result.put("message", e.getMessage());
        }
        result.put("elapsedMs", (System.nanoTime() - start) / 1_000_000);
        ex.ok(result);
    }

    private void mySettings(Exchange ex) {
        UUID me = requireUser(ex.principal());
        ex.ok(settingsView(me, ex.principal().role() == Role.ADMIN));
    }

    private Map<String, Object> settingsView(UUID me, boolean admin) {
        Map<ChannelKind, Set<NotificationEvent>> prefs = preferences.get(me, admin);
        String email = jdbc.query("SELECT email FROM users WHERE id = ?", r -> java.util.Optional.ofNullable(
                r.string("email")), me).stream().findFirst().flatMap(o -> o).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", email);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChannelKind k : ChannelKind.values()) {
            ChannelConfig c = channels.get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.wire());
            m.put("available", c.enabled() && (admin || c.openToUsers()));
            m.put("events", prefs.get(k).stream().map(NotificationEvent::wire).toList());
            list.add(m);
        }
        out.put("channels", list);
        out.put("events", NotificationEvent.choosable(admin).stream().map(e -> Map.of("name", e.wire(),
                "description", e.description())).toList());
        return out;
    }

    private void putMySettings(Exchange ex) {
        UUID me = requireUser(ex.principal());
        boolean admin = ex.principal().role() == Role.ADMIN;
        SettingsBody b = ex.body(SettingsBody.class);
        Validator v = new Validator();
        String email = b.email() == null ? null : b.email().strip();
        if (email != null && !email.isEmpty() && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            v.fail("email", "must be an email address");
        }
        Map<ChannelKind, Set<NotificationEvent>> next = new EnumMap<>(preferences.get(me, admin));
        if (b.channels() != null) {
            b.channels().forEach((name, events) -> {
                ChannelKind k;
                try {
                    k = ChannelKind.parse(name);
                } catch (IllegalArgumentException e) {
                    v.fail("channels." + name, "is not a channel (email, webhook, ntfy, discord)");
                    return;
                }
                if (!admin && !channels.get(k).openToUsers()) {
                    v.fail("channels." + name, "is not open to users; ask an admin");
                    return;
                }
                Set<NotificationEvent> set = EnumSet.noneOf(NotificationEvent.class);
                List<String> given = events == null ? List.of() : events;
                for (int i = 0; i < given.size(); i++) {
                    String e = given.get(i);
                    NotificationEvent ev = NotificationEvent.parse(e).orElse(null);
                    if (ev == null || (ev.adminOnly() && !admin)) {
                        v.fail("channels." + name + "[" + i + "]", "is not an event you can choose ("
                                + NotificationEvent.choosable(admin).stream().map(NotificationEvent::wire).toList()
                                + ")");
                    } else {
                        set.add(ev);
                    }
                }
                next.put(k, set);
            });
        }
        v.check();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.inTransaction(h -> {
            if (email != null) {
                h.update("UPDATE users SET email = ?, updated_at = ? WHERE id = ?", email.isEmpty() ? null : email,
                        now, me);
            }
            preferences.save(h, me, next);
            return null;
        });
        if (email != null) {
            userChanged.accept(me);
        }
        ex.ok(settingsView(me, admin));
    }

    private static UUID requireUser(Principal p) {
        if (p.userId() == null) {
            throw ApiException.forbidden("This API key is not tied to a user");
        }
        return p.userId();
    }
}
