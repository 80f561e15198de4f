package app.medianest.server.notifications;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ServerPerKind;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static app.medianest.server.testing.Api.assertError;
import static app.medianest.server.testing.Api.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** My notifications: cursor paging, unread count, mark read (only mine), on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class NotificationsHttpTest {
    private static final ServerPerKind SERVERS = new ServerPerKind();
    private static final String LIST = "/api/v1/dashboard/notifications";

    @Parameter
    DbKind kind;

    private Api api;
    private Caller alice;
    private Caller bob;
    private Caller admin;

    @AfterAll
    static void close() {
        SERVERS.close();
    }

    @BeforeEach
    void clean() {
        api = new Api(SERVERS.get(kind));
        SERVERS.db(kind).truncateAll();
        alice = api.user("alice");
        bob = api.user("bob");
        admin = api.admin("root");
    }

    /** Gives alice {@code n} notifications by approving n of her requests. */
    private void notifyAlice(int n) {
        for (int i = 0; i < n; i++) {
            String id = api.request(alice, "movie", 1000 + i, "Movie " + i);
            assertEquals(200, api.post(admin, "/api/v1/admin/requests/" + id + "/approve", null).status());
        }
    }

    @Test
    void listIsMineNewestFirstWithUnreadCount() {
        notifyAlice(3);
        var r = api.get(alice, LIST);
        assertEquals(200, r.status(), r.body());
        assertEquals(3, r.data().size());
        assertEquals(3, r.json().at("/meta/unreadCount").asInt());
        assertTrue(r.json().at("/meta/nextCursor").isNull());
        JsonNode newest = r.data().get(0);
        assertEquals("request.approved", newest.get("type").asText());
        assertEquals("Request approved", newest.get("title").asText());
        assertTrue(newest.get("message").asText().contains("Movie 2"), newest.toString());
        assertEquals(1002, newest.at("/data/tmdbId").asInt());
        assertFalse(newest.get("read").asBoolean());
        assertTrue(newest.get("readAt").isNull());
        assertEquals(0, api.get(bob, LIST).data().size());
        assertEquals(0, api.get(bob, LIST).json().at("/meta/unreadCount").asInt());
    }

    @Test
    void cursorPagingVisitsEveryNotificationOnce() {
        notifyAlice(5);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get(alice, LIST + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.body());
            page.data().forEach(n -> seen.add(n.get("id").asText()));
            cursor = page.json().at("/meta/nextCursor").asText(null);
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(5, new HashSet<>(seen).size());
        assertInvalid(api.get(alice, LIST + "?cursor=abc"), "cursor");
        assertInvalid(api.get(alice, LIST + "?order=asc"), "order");
        assertInvalid(api.get(alice, LIST + "?sort=title"), "sort");
        assertError(api.server().get(LIST), 401, "UNAUTHORIZED");
    }

    @Test
    void markReadIsOnlyForMyOwnNotifications() {
        notifyAlice(2);
        String id = api.get(alice, LIST).data().get(0).get("id").asText();
        assertError(api.post(bob, LIST + "/" + id + "/read", null), 404, "NOTIFICATION_NOT_FOUND");
        assertError(api.post(admin, LIST + "/" + id + "/read", null), 404, "NOTIFICATION_NOT_FOUND");
        assertError(api.post(alice, LIST + "/" + UUID.randomUUID() + "/read", null), 404, "NOTIFICATION_NOT_FOUND");
        assertError(api.post(alice, LIST + "/not-an-id/read", null), 404, "NOT_FOUND");
        assertError(api.server().post(LIST + "/" + id + "/read", null), 401, "UNAUTHORIZED");
        assertEquals(2, api.get(alice, LIST).json().at("/meta/unreadCount").asInt(), "others cannot mark mine");

        var read = api.post(alice, LIST + "/" + id + "/read", null);
        assertEquals(200, read.status(), read.body());
        assertTrue(read.data().get("read").asBoolean());
        String readAt = read.data().get("readAt").asText();
        var again = api.post(alice, LIST + "/" + id + "/read", null);
        assertEquals(readAt, again.data().get("readAt").asText(), "the first read time is kept");
        assertEquals(1, api.get(alice, LIST).json().at("/meta/unreadCount").asInt());
    }

    @Test
    void listHasAnEtagThatChangesWhenSomethingIsRead() {
        notifyAlice(1);
        var first = api.get(alice, LIST);
        String etag = first.header("ETag");
        assertEquals(304, api.get(alice, LIST, "If-None-Match", etag).status());
        api.post(alice, LIST + "/" + first.data().get(0).get("id").asText() + "/read", null);
        var after = api.get(alice, LIST, "If-None-Match", etag);
        assertEquals(200, after.status());
        assertEquals(0, after.json().at("/meta/unreadCount").asInt());
    }
}
