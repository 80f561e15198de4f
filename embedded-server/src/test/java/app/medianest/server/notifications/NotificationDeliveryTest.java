package app.medianest.server.notifications;

import app.medianest.fakes.FakeNotifyReceiver;
import app.medianest.fakes.RecordedRequest;
import app.medianest.server.notifications.channels.ChannelKind;
import app.medianest.server.notifications.channels.HttpSenders;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.IntegrationServer;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.medianest.server.testing.Api.assertError;
import static app.medianest.server.testing.Api.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbound notifications against real protocol servers over real sockets: GreenMail (SMTP with
 * authentication), and the fake webhook, ntfy and Discord receivers. On PostgreSQL when it is configured, else H2.
 * The outage test keeps every channel down for {@code medianest.test.outage-seconds} (default 5; the documented
 * full run uses 60) while requests are made, then brings them back.
 */
class NotificationDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK_SECRET = "hook-signing-secret";
    private static final String NTFY_TOKEN = "tk_ntfy_access_token";
    private static final String SMTP_PASSWORD = "mail-secret-7";

    private static TestDatabase db;
    private static TestServer server;
    private static FakeNotifyReceiver webhook;
    private static FakeNotifyReceiver ntfy;
    private static FakeNotifyReceiver discord;
    private static int smtpPort;
    private static GreenMail mail;
    private static final List<GreenMail> MAIL_SERVERS = new ArrayList<>();

    private Api api;
    private Caller admin;
    private Caller alice;
    private Caller bob;

    @BeforeAll
    static void start() throws IOException {
        db = TestDatabase.create(System.getenv(TestDatabase.PG_URL_ENV) == null ? DbKind.H2 : DbKind.POSTGRESQL);
        server = TestServer.start(db, Clock.systemUTC(), Map.of("notifications.delivery-interval", "100ms",
                "notifications.retry-initial", "200ms", "notifications.retry-max", "1s",
                "notifications.breaker-open", "1s", "notifications.timeout", "2s"));
        webhook = FakeNotifyReceiver.webhook();
        ntfy = FakeNotifyReceiver.ntfy(NTFY_TOKEN);
        discord = FakeNotifyReceiver.discord();
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        startMail();
    }

    private static void startMail() {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("mailer@example.home", "mailer", SMTP_PASSWORD);
        mail.start();
        MAIL_SERVERS.add(mail);
    }

    @AfterAll
    static void stop() {
        MAIL_SERVERS.forEach(GreenMail::stop);
        for (AutoCloseable c : new AutoCloseable[] {webhook, ntfy, discord, server, db}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        db.truncateAll();
        for (GreenMail m : MAIL_SERVERS) {
            m.purgeEmailFromAllMailboxes();
        }
        webhook.clearAccepted();
        ntfy.clearAccepted();
        discord.clearAccepted();
        api = new Api(server);
        admin = api.admin("root");
        alice = api.user("alice");
        bob = api.user("bob");
        configureChannels();
        // The admin wants nothing here, so only the requesters' messages are counted.
        assertEquals(200, put(admin, "/api/v1/me/notification-settings", "{\"channels\":{\"email\":[]}}").status());
    }

    private TestServer.Res put(Caller c, String path, String body) {
        return server.send("PUT", path, body, c.auth());
    }

    private void configureChannels() {
        TestServer.Res r = put(admin, "/api/v1/admin/notification-channels/email", "{\"enabled\":true,\"settings\":"
                + "{\"host\":\"127.0.0.1\",\"port\":\"" + smtpPort + "\",\"security\":\"none\",\"username\":\"mailer\","
                + "\"from\":\"medianest@example.home\"},\"secret\":\"" + SMTP_PASSWORD + "\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(200, put(admin, "/api/v1/admin/notification-channels/webhook", "{\"enabled\":true,"
                + "\"usersAllowed\":true,\"settings\":{\"url\":\"" + webhook.targetUrl() + "\"},\"secret\":\""
                + HOOK_SECRET + "\"}").status());
        assertEquals(200, put(admin, "/api/v1/admin/notification-channels/ntfy", "{\"enabled\":true,"
                + "\"usersAllowed\":true,\"settings\":{\"server\":\"" + ntfy.targetUrl() + "\",\"topic\":"
                + "\"medianest-home\"},\"secret\":\"" + NTFY_TOKEN + "\"}").status());
        assertEquals(200, put(admin, "/api/v1/admin/notification-channels/discord", "{\"enabled\":true,"
                + "\"usersAllowed\":true,\"secret\":\"" + discord.targetUrl() + "\"}").status());
    }

    private void subscribe(Caller c, String events) {
        TestServer.Res r = put(c, "/api/v1/me/notification-settings", "{\"channels\":{\"email\":" + events
                + ",\"webhook\":" + events + ",\"ntfy\":" + events + ",\"discord\":" + events + "}}");
        assertEquals(200, r.status(), r.body());
    }

    private String request(Caller c, String title, int tmdbId) {
        return api.request(c, "movie", tmdbId, title);
    }

    private TestServer.Res approve(String id) {
        return api.post(admin, "/api/v1/admin/requests/" + id + "/approve", "{}");
    }

    private long waiting() {
        var outbox = server.server().components().outbound().outbox();
        return Arrays.stream(ChannelKind.values()).mapToLong(outbox::waiting).sum();
    }

    private static List<String> mailTexts(String to) {
        List<String> out = new ArrayList<>();
        try {
            for (GreenMail m : MAIL_SERVERS) {
                for (MimeMessage msg : m.getReceivedMessages()) {
                    if (msg.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                        out.add(msg.getSubject() + "\n" + msg.getContent());
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void emailReachesTheRecipientWithTheRightSubjectAndSecretsAreNeverReturned() throws Exception {
        String id = request(alice, "The Matrix", 603);
        assertEquals(200, approve(id).status());
        IntegrationServer.await("the approval email", Duration.ofSeconds(10), () -> !mailTexts("alice@example.home")
                .isEmpty());
        MimeMessage m = Arrays.stream(mail.getReceivedMessages()).filter(x -> {
            try {
                return x.getRecipients(Message.RecipientType.TO)[0].toString().equals("alice@example.home");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertEquals("MediaNest: Request approved", m.getSubject());
        assertEquals("medianest@example.home", m.getFrom()[0].toString());
        assertTrue(m.getContent().toString().contains("The Matrix was approved"), m.getContent().toString());

        TestServer.Res list = api.get(admin, "/api/v1/admin/notification-channels");
        assertFalse(list.body().contains(SMTP_PASSWORD), list.body());
        assertFalse(list.body().contains(HOOK_SECRET), list.body());
        assertFalse(list.body().contains(NTFY_TOKEN), list.body());
        assertFalse(list.body().contains(discord.targetUrl().substring(discord.baseUrl().length())), list.body());
        assertTrue(list.data().get(0).get("secretSet").asBoolean());
        String stored = db.open().jdbc().queryOne("SELECT secret_enc FROM notification_channels WHERE name = 'email'",
                r -> r.string("secret_enc")).orElseThrow();
        assertFalse(stored.contains(SMTP_PASSWORD), "stored encrypted");

        TestServer.Res test = api.post(admin, "/api/v1/admin/notification-channels/email/test",
                "{\"to\":\"owner@example.home\"}");
        assertEquals(200, test.status(), test.body());
        assertTrue(test.data().get("delivered").asBoolean(), test.body());
        assertEquals(1, mailTexts("owner@example.home").size());
        assertTrue(mailTexts("owner@example.home").getFirst().startsWith("MediaNest: Test notification"));
    }

    @Test
    void webhookNtfyAndDiscordGetTheDocumentedBodiesAndTheHmacVerifies() throws Exception {
        subscribe(alice, "[\"request.approved\"]");
        String id = request(alice, "Arrival", 329865);
        assertEquals(200, approve(id).status());
        IntegrationServer.await("all three receivers", Duration.ofSeconds(10), () -> webhook.accepted().size() == 1
                && ntfy.accepted().size() == 1 && discord.accepted().size() == 1);

        RecordedRequest hook = webhook.accepted().getFirst();
        String expected = "sha256=" + HttpSenders.hmacHex(HOOK_SECRET, hook.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, hook.header(HttpSenders.SIGNATURE_HEADER).orElseThrow(), "HMAC over the raw body");
        assertEquals("request.approved", hook.header("X-MediaNest-Event").orElseThrow());
        JsonNode h = JSON.readTree(hook.body());
        assertEquals("request.approved", h.get("event").asText());
        assertEquals("Request approved", h.get("title").asText());
        assertEquals("Arrival was approved and is on its way", h.get("message").asText());
        assertEquals("alice", h.at("/user/username").asText());
        assertEquals(id, h.at("/data/requestId").asText());
        assertEquals(hook.header("X-MediaNest-Delivery").orElseThrow(), h.get("id").asText());

        JsonNode n = JSON.readTree(ntfy.accepted().getFirst().body());
        assertEquals("medianest-home", n.get("topic").asText());
        assertEquals("Request approved", n.get("title").asText());
        assertEquals("Arrival was approved and is on its way", n.get("message").asText());
        assertEquals("white_check_mark", n.get("tags").get(0).asText());
        assertEquals(3, n.get("priority").asInt());

        JsonNode d = JSON.readTree(discord.accepted().getFirst().body());
        assertEquals("MediaNest", d.get("username").asText());
        assertEquals("Request approved", d.at("/embeds/0/title").asText());
        assertEquals("Arrival was approved and is on its way", d.at("/embeds/0/description").asText());
        assertEquals("for alice", d.at("/embeds/0/footer/text").asText());

        assertTrue(api.post(admin, "/api/v1/admin/notification-channels/discord/test", null).data()
                .get("delivered").asBoolean());
        assertEquals(2, discord.accepted().size());
    }

    @Test
    void aUserWhoOptedOutOfDeclinedGetsNothingForADecline() throws Exception {
        subscribe(alice, "[\"request.approved\"]");
        String declined = request(alice, "Declined Film", 11);
        String approved = request(alice, "Approved Film", 12);
        assertEquals(200, api.post(admin, "/api/v1/admin/requests/" + declined + "/decline",
                "{\"reason\":\"not in this house\"}").status());
        assertEquals(200, approve(approved).status());
        IntegrationServer.await("the approval everywhere", Duration.ofSeconds(10), () -> waiting() == 0
                && webhook.accepted().size() >= 1 && mailTexts("alice@example.home").size() >= 1);
        assertEquals(1, mailTexts("alice@example.home").size(), mailTexts("alice@example.home").toString());
        assertTrue(mailTexts("alice@example.home").getFirst().contains("Approved Film"));
        for (FakeNotifyReceiver r : List.of(webhook, ntfy, discord)) {
            assertEquals(1, r.accepted().size(), r.kind() + " got only the approval");
            assertFalse(r.accepted().getFirst().body().contains("Declined Film"));
        }
    }

    @Test
    void aBulkApproveOfTwentyRequestsSendsTheUserOneNotification() throws Exception {
        subscribe(alice, "[\"request.approved\"]");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(request(alice, "Bulk " + i, 1000 + i));
        }
        TestServer.Res r = api.post(admin, "/api/v1/admin/requests/bulk", "{\"action\":\"approve\",\"ids\":"
                + JSON.writeValueAsString(ids) + "}");
        assertEquals(200, r.status(), r.body());
        IntegrationServer.await("the bulk notification", Duration.ofSeconds(10), () -> waiting() == 0
                && webhook.accepted().size() >= 1 && !mailTexts("alice@example.home").isEmpty());
        assertEquals(1, mailTexts("alice@example.home").size());
        assertTrue(mailTexts("alice@example.home").getFirst().startsWith("MediaNest: 20 requests approved"));
        for (FakeNotifyReceiver x : List.of(webhook, ntfy, discord)) {
            assertEquals(1, x.accepted().size(), x.kind().toString());
        }
        JsonNode inApp = api.get(alice, "/api/v1/dashboard/notifications").data();
        assertEquals(1, inApp.size(), "one in-app notification too: " + inApp);
    }

    @Test
    void deliveredMessagesArePurgedAfterTheirRetentionAndWaitingOnesStay() {
        subscribe(alice, "[\"request.approved\"]");
        assertEquals(200, approve(request(alice, "First", 21)).status());
        IntegrationServer.await("the first message everywhere", Duration.ofSeconds(10), () -> waiting() == 0);
        webhook.refuseConnections();
        try {
            assertEquals(200, approve(request(alice, "Second", 22)).status());
            IntegrationServer.await("the second message on the channels that are up", Duration.ofSeconds(10),
                    () -> ntfy.accepted().size() == 2 && discord.accepted().size() == 2
                            && mailTexts("alice@example.home").size() == 2
                            && waiting() == 1);
            var outbox = server.server().components().outbound().outbox();
            assertEquals(7, outbox.purge(java.time.Instant.now().plus(Duration.ofDays(1))), "the 7 sent rows");
            assertEquals(1, waiting(), "the message waiting for the webhook stays");
        } finally {
            webhook.heal();
        }
        IntegrationServer.await("the webhook catches up", Duration.ofSeconds(10), () -> webhook.accepted().size() == 2);
    }

    @Test
    void settingsAreValidatedAndUsersOnlyGetChannelsTheAdminOpened() {
        assertInvalid(put(admin, "/api/v1/admin/notification-channels/webhook", "{\"settings\":{\"url\":\"ftp://x\"}}"),
                "settings.url");
        assertInvalid(put(admin, "/api/v1/admin/notification-channels/email", "{\"settings\":{\"security\":\"ssl3\"}}"),
                "settings.security");
        assertInvalid(put(admin, "/api/v1/admin/notification-channels/ntfy", "{\"settings\":{\"colour\":\"red\"}}"),
                "settings.colour");
        assertError(put(admin, "/api/v1/admin/notification-channels/pigeon", "{}"), 404, "CHANNEL_NOT_FOUND");
        assertError(put(alice, "/api/v1/admin/notification-channels/email", "{}"), 403, "FORBIDDEN");
        assertEquals(200, put(admin, "/api/v1/admin/notification-channels/discord", "{\"usersAllowed\":false}")
                .status());
        assertInvalid(put(alice, "/api/v1/me/notification-settings", "{\"channels\":{\"discord\":[\"request.approved\"]}}"),
                "channels.discord");
        assertInvalid(put(alice, "/api/v1/me/notification-settings", "{\"channels\":{\"email\":[\"credential\"]}}"),
                "channels.email[0]");
        assertInvalid(put(alice, "/api/v1/me/notification-settings", "{\"email\":\"not-an-address\"}"), "email");
        JsonNode mine = put(alice, "/api/v1/me/notification-settings", "{\"email\":\"alice@new.home\",\"channels\":"
                + "{\"email\":[\"request.available\"]}}").data();
        assertEquals("alice@new.home", mine.get("email").asText());
        assertEquals("[\"request.available\"]", mine.at("/channels/0/events").toString());
        assertFalse(mine.at("/channels/3/available").asBoolean(), "discord is closed to users");
        assertEquals(6, mine.get("events").size(), "users choose among their six events");
        assertEquals(10, api.get(admin, "/api/v1/me/notification-settings").data().get("events").size());
    }

    @Test
    void everyChannelDownThenBackDeliversEverythingOnceInOrderWithoutSlowingRequests() throws Exception {
        long outageSeconds = Long.getLong("medianest.test.outage-seconds", 5);
        subscribe(alice, "[\"request.approved\",\"request.declined\"]");
        subscribe(bob, "[\"request.approved\",\"request.declined\"]");

        double upP99 = requestRoutesP99("up", 25, 0);
        IntegrationServer.await("the up phase delivered", Duration.ofSeconds(20), () -> waiting() == 0);
        webhook.clearAccepted();
        ntfy.clearAccepted();
        discord.clearAccepted();
        for (GreenMail m : MAIL_SERVERS) {
            m.purgeEmailFromAllMailboxes();
        }

        webhook.refuseConnections();
        ntfy.failWith(503);
        discord.failWith(500);
        mail.stop();
        long until = System.nanoTime() + Duration.ofSeconds(outageSeconds).toNanos();
        double downP99 = requestRoutesP99("down", 25, 10_000);
        int made = 50;
        while (System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertTrue(waiting() > 0, "messages wait while the channels are down");
        assertTrue(webhook.accepted().isEmpty() && ntfy.accepted().isEmpty() && discord.accepted().isEmpty());

        webhook.heal();
        ntfy.heal();
        discord.heal();
        startMail();
        IntegrationServer.await("everything delivered after the outage", Duration.ofSeconds(60),
                () -> waiting() == 0);
        System.out.printf(java.util.Locale.ROOT, "notification outage %d s: request routes p99 %.2f ms with channels "
                + "up, %.2f ms with every channel down (ratio %.2f)%n", outageSeconds, upP99, downP99,
                downP99 / upP99);

        for (FakeNotifyReceiver r : List.of(webhook, ntfy, discord)) {
            List<String> texts = r.acceptedJson().stream().map(j -> r.kind() == FakeNotifyReceiver.Kind.DISCORD
                    ? j.at("/embeds/0/description").asText() : j.get("message").asText()).toList();
            checkOnceInOrder(r.kind().toString(), texts, made);
        }
        List<String> mails = new ArrayList<>(mailTexts("alice@example.home"));
        mails.addAll(mailTexts("bob@example.home"));
        checkOnceInOrder("email", mails, made);
        assertTrue(downP99 <= Math.max(3 * upP99, upP99 + 25), "p99 with channels down " + downP99
                + " ms vs " + upP99 + " ms up");
    }

    private static final Pattern NUMBERED = Pattern.compile("(alice|bob)-(\\d+)-(\\d+)");

    /** Each of the {@code made} titles exactly once; per user in the order they were made. */
    private static void checkOnceInOrder(String channel, List<String> texts, int made) {
        Map<String, List<Integer>> perUser = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (String t : texts) {
            Matcher m = NUMBERED.matcher(t);
            assertTrue(m.find(), channel + ": " + t);
            seen.add(m.group());
            perUser.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(3)));
        }
        assertEquals(made, seen.size(), channel + " delivered " + seen.size() + " of " + made + ": " + seen);
        assertEquals(made, seen.stream().distinct().count(), channel + " delivered a message twice: " + seen);
        perUser.forEach((user, order) -> {
            List<Integer> sorted = new ArrayList<>(order);
            Collections.sort(sorted);
            assertEquals(sorted, order, channel + ": " + user + "'s messages out of order");
        });
    }

    /**
     * Makes {@code n} requests for each of alice and bob (alternating) and decides each (approve, or decline every
     * third), timing every create and decide call; returns the p99 of those request-route calls in ms.
     */
    private double requestRoutesP99(String phase, int n, int tmdbBase) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (Caller c : List.of(alice, bob)) {
                String title = c.username() + "-" + phase.length() + "-" + (tmdbBase + i);
                long t0 = System.nanoTime();
                String id = request(c, title, 5000 + tmdbBase + i + (c == bob ? 100_000 : 0));
                long t1 = System.nanoTime();
                TestServer.Res r = i % 3 == 2 ? api.post(admin, "/api/v1/admin/requests/" + id + "/decline", "{}")
                        : approve(id);
                long t2 = System.nanoTime();
                assertEquals(200, r.status(), r.body());
                nanos.add(t1 - t0);
                nanos.add(t2 - t1);
            }
        }
        Collections.sort(nanos);
        assertNotNull(nanos);
        return nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6;
    }

}
