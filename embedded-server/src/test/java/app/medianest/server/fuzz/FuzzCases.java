package app.medianest.server.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.medianest.server.fuzz.Hostile.json;
import static app.medianest.server.fuzz.Hostile.pick;
import static app.medianest.server.fuzz.Hostile.text;
import static app.medianest.server.fuzz.Hostile.url;
import static app.medianest.server.fuzz.Hostile.wrongJson;

/**
 * Generates requests to the core API that a correct server must refuse with a 4xx: each case is broken by
 * construction (a bad body, parameter, id, credential or method), or aims at data it may not change (other
 * users' requests, requests no longer pending, media that is already requested). So a correct server changes
 * no data, whatever the other, merely hostile, parts of a case contain.
 */
final class FuzzCases {
    /** One HTTP call. */
    record Case(String method, String path, String body, List<String> headers, String label) {
    }

    /** The data and credentials the cases aim at. */
    record Fixture(String alice, String bob, String admin, String alicePending, String aliceApproved,
                   String aliceDeclined, String bobPending, String aliceNotification, String webhookSecret,
                   List<String[]> activeMedia) {
    }

    private static final String REQ = "/api/v1/media/requests";
    private static final String ADMIN = "/api/v1/admin/requests";
    private static final String NOTES = "/api/v1/dashboard/notifications";

    private final SplittableRandom rnd;
    private final Fixture f;

    FuzzCases(long seed, Fixture fixture) {
        this.rnd = new SplittableRandom(seed);
        this.f = fixture;
    }

    Case next() {
        int k = rnd.nextInt(1000);
        if (k < 3) {
            return new Case("POST", REQ, "x".repeat((1 << 20) + 1), auth(f.alice()), "oversized body");
        }
        if (k < 8) {
            return new Case("GET", REQ + "?search=" + "a".repeat(9000), null, auth(f.alice()), "uri too long");
        }
        return switch (rnd.nextInt(15)) {
            case 0, 1 -> create();
            case 2 -> new Case("POST", REQ, createBody(true), badAuth(), "create, bad credentials");
            case 3 -> list(false);
            case 4 -> list(true);
            case 5 -> getOne();
            case 6 -> deleteOne();
            case 7 -> approve();
            case 8 -> decline();
            case 9 -> bulk();
            case 10 -> webhook();
            case 11 -> notifications();
            case 12 -> dashboard();
            case 13 -> events();
            default -> wrongRoute();
        };
    }

    private Case create() {
        List<String> headers = auth(f.alice());
        if (rnd.nextInt(10) == 0) {
            headers.addAll(List.of("Content-Type", pick(rnd, List.of("text/plain", "application/xml",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"))));
        }
        String body = createBody(false);
        if (rnd.nextInt(5) == 0) {
            body = Hostile.breakJson(rnd, body);
        }
        return new Case("POST", REQ, body, headers, "create");
    }

    /**
     * A create body that is invalid, or names media that already has an active request (so at best 409). With
     * {@code anything}, it may also be valid for new media (used behind bad credentials only).
     */
    private String createBody(boolean anything) {
        List<String> fields = new ArrayList<>();
        boolean conflict = rnd.nextInt(3) == 0;
        if (anything && rnd.nextBoolean()) {
            fields.add("\"mediaType\":\"movie\"");
            fields.add("\"tmdbId\":" + (900_000 + rnd.nextInt(1000)));
        } else if (conflict) {
            String[] media = pick(rnd, f.activeMedia());
            fields.add("\"mediaType\":" + json(rnd.nextBoolean() ? media[0] : media[0].toUpperCase()));
            fields.add("\"tmdbId\":" + media[1]);
        } else if (rnd.nextBoolean()) {
            fields.add("\"mediaType\":" + pick(rnd, List.of("\"book\"", "\"\"", "\"movie \"", "\"tv'--\"", "42",
                    "null", "true", "[\"movie\"]", "{}")));
            maybe(fields, "tmdbId", Integer.toString(1 + rnd.nextInt(Integer.MAX_VALUE - 1)));
        } else {
            maybe(fields, "mediaType", pick(rnd, List.of("\"movie\"", "\"tv\"")));
            fields.add("\"tmdbId\":" + pick(rnd, List.of("0", "-1", "2147483648", "1e400", "1.5", "1e2", "\"603\"",
                    "null", "[]", "{}", "true", "99999999999999999999999", "-9223372036854775809")));
        }
        if (rnd.nextBoolean()) {
            fields.add("\"title\":" + (rnd.nextInt(4) == 0 ? wrongJson(rnd) : json(text(rnd))));
        }
        if (rnd.nextInt(3) == 0) {
            fields.add("\"seasons\":" + pick(rnd, List.of("[]", "[1,2]", "[0]", "[-1]", "[1,1]", "[10000]", "[null]",
                    "[\"1\"]", "[1.5]", "\"all\"", "{}", "[[1]]", "[2147483648]", seasons(150))));
        }
        if (rnd.nextInt(4) == 0) {
            fields.add(pick(rnd, List.of("\"status\":\"approved\"", "\"userId\":\"" + UUID.randomUUID() + "\"",
                    "\"id\":\"" + f.alicePending() + "\"", "\"__proto__\":{\"admin\":true}", "\"role\":\"admin\"")));
        }
        Collections.shuffle(fields, new java.util.Random(rnd.nextLong()));
        return "{" + String.join(",", fields) + "}";
    }

    private void maybe(List<String> fields, String name, String value) {
        if (rnd.nextBoolean()) {
            fields.add("\"" + name + "\":" + value);
        }
    }

    private static String seasons(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            b.append(i == 1 ? "" : ",").append(i);
        }
        return b.append(']').toString();
    }

    /** A list call with hostile parameters and at least one that is invalid. */
    private Case list(boolean admin) {
        List<String> params = new ArrayList<>();
        int extras = rnd.nextInt(4);
        for (int i = 0; i < extras; i++) {
            params.add(pick(rnd, List.of("search=" + url(pick(rnd, Hostile.TEXT)), "limit=" + pick(rnd, List.of("-5",
                    "0", "100000", "1")), "sort=" + pick(rnd, List.of("createdAt", "title", "status")), "order=asc",
                    "status=pending", "mediaType=tv", "from=2020-01-01", "to=2030-01-01T00:00:00Z")));
        }
        params.add(invalidListParam(admin));
        Collections.shuffle(params, new java.util.Random(rnd.nextLong()));
        String path = (admin ? ADMIN : REQ) + "?" + String.join("&", params);
        if (admin && rnd.nextInt(4) == 0) {
            return new Case("GET", path, null, auth(f.alice()), "admin list as a user");
        }
        return new Case("GET", path, null, auth(admin ? f.admin() : f.alice()), admin ? "admin list" : "list");
    }

    private String invalidListParam(boolean admin) {
        int n = rnd.nextInt(admin ? 10 : 9);
        return switch (n) {
            case 0 -> "status=" + url(pick(rnd, List.of("", "lost", "pending'--", " pending", "APPROVED%", "1")));
            case 1 -> "mediaType=" + url(pick(rnd, List.of("", "book", "movies", "tv;", "<b>")));
            case 2 -> "sort=" + url(pick(rnd, List.of("", "owner", "createdAt;DROP TABLE users", "id", "r.title")));
            case 3 -> "order=" + url(pick(rnd, List.of("", "up", "DESC ", "desc;--", "1")));
            case 4 -> "limit=" + url(pick(rnd, List.of("ten", "1e3", "0x10", "1.5", "99999999999999999999", "", "-")));
            case 5 -> "cursor=" + url(badCursor());
            case 6 -> (rnd.nextBoolean() ? "from=" : "to=") + url(pick(rnd, List.of("yesterday", "2025-13-01",
                    "+999999999-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "2025-01-01T25:00:00Z", "0", "now")));
            case 7 -> "from=2030-01-01&to=2020-01-01";
            case 8 -> "search=" + url(rnd.nextBoolean() ? "s".repeat(201 + rnd.nextInt(500))
                    : pick(rnd, List.of("a\u0000b", "\u0007bell", "line\nbreak", "x\u001by")));
            default -> "userId=" + url(pick(rnd, List.of("bob", "", "1", "' OR 1=1", UUID.randomUUID() + "x")));
        };
    }

    /** Cursors this server never makes: garbage, forged with out-of-range or broken values, or too long. */
    private String badCursor() {
        String sep = "\u001f";
        String id = UUID.randomUUID().toString();
        String forged = switch (rnd.nextInt(8)) {
            case 0 -> "v1" + sep + "createdAt" + sep + "d" + sep + "99999999999999999.0" + sep + id;
            case 1 -> "v1" + sep + "createdAt" + sep + "d" + sep + "1.0" + sep + "not-a-uuid";
            case 2 -> "v1" + sep + "title" + sep + "d" + sep + "a\u0000b" + sep + id;
            case 3 -> "v1" + sep + "owner" + sep + "d" + sep + "1.0" + sep + id;
            case 4 -> "v2" + sep + "createdAt" + sep + "d" + sep + "1.0" + sep + id;
            case 5 -> "v1" + sep + "createdAt" + sep + "x" + sep + "1.0" + sep + id;
            case 6 -> "v1" + sep + "createdAt" + sep + "d" + sep + "-99999999999999999.5" + sep + id;
            default -> "v1" + sep + "createdAt" + sep + "d";
        };
        return switch (rnd.nextInt(4)) {
            case 0 -> pick(rnd, List.of("abc", "!!!", "%%%", "null", "' OR 1=1", "=", "_-_-"));
            case 1 -> "A".repeat(2049 + rnd.nextInt(200));
            default -> java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    private Case getOne() {
        return switch (rnd.nextInt(4)) {
            case 0 -> new Case("GET", REQ + "/" + f.bobPending(), null, auth(f.alice()), "get someone else's");
            case 1 -> new Case("GET", REQ + "/" + UUID.randomUUID(), null, auth(f.alice()), "get unknown");
            case 2 -> new Case("GET", REQ + "/" + segment(), null, auth(f.alice()), "get non-id");
            default -> new Case("GET", REQ + "/" + f.alicePending(), null, badAuth(), "get, bad credentials");
        };
    }

    private Case deleteOne() {
        return switch (rnd.nextInt(6)) {
            case 0 -> new Case("DELETE", REQ + "/" + f.bobPending(), null, auth(f.alice()), "delete someone else's");
            case 1 -> new Case("DELETE", REQ + "/" + f.aliceApproved(), null, auth(f.alice()), "delete approved");
            case 2 -> new Case("DELETE", REQ + "/" + f.aliceDeclined(), null, auth(f.admin()), "delete declined");
            case 3 -> new Case("DELETE", REQ + "/" + UUID.randomUUID(), null, auth(f.admin()), "delete unknown");
            case 4 -> new Case("DELETE", REQ + "/" + segment(), null, auth(f.alice()), "delete non-id");
            default -> new Case("DELETE", REQ + "/" + f.alicePending(), null, badAuth(), "delete, bad credentials");
        };
    }

    private Case approve() {
        return switch (rnd.nextInt(5)) {
            case 0 -> new Case("POST", ADMIN + "/" + f.alicePending() + "/approve", null, auth(f.alice()),
                    "approve as a user");
            case 1 -> new Case("POST", ADMIN + "/" + pick(rnd, List.of(f.aliceApproved(), f.aliceDeclined()))
                    + "/approve", null, auth(f.admin()), "approve non-pending");
            case 2 -> new Case("POST", ADMIN + "/" + UUID.randomUUID() + "/approve", null, auth(f.admin()),
                    "approve unknown");
            case 3 -> new Case("POST", ADMIN + "/" + segment() + "/approve", null, auth(f.admin()),
                    "approve non-id");
            default -> new Case("POST", ADMIN + "/" + f.bobPending() + "/approve", null, badAuth(),
                    "approve, bad credentials");
        };
    }

    private Case decline() {
        String body = switch (rnd.nextInt(5)) {
            case 0 -> null;
            case 1 -> "{\"reason\":" + json(text(rnd)) + "}";
            case 2 -> "{\"reason\":" + wrongJson(rnd) + "}";
            case 3 -> Hostile.breakJson(rnd, "{\"reason\":" + json(pick(rnd, Hostile.TEXT)) + "}");
            default -> pick(rnd, List.of("[]", "\"no\"", "42", "{\"reason\":\"" + "r".repeat(1001) + "\"}"));
        };
        return switch (rnd.nextInt(4)) {
            case 0 -> new Case("POST", ADMIN + "/" + f.bobPending() + "/decline", body, auth(f.bob()),
                    "decline as a user");
            case 1 -> new Case("POST", ADMIN + "/" + UUID.randomUUID() + "/decline", body, auth(f.admin()),
                    "decline unknown");
            case 2 -> new Case("POST", ADMIN + "/" + segment() + "/decline", body, auth(f.admin()),
                    "decline non-id");
            default -> new Case("POST", ADMIN + "/" + pick(rnd, List.of(f.aliceApproved(), f.aliceDeclined()))
                    + "/decline", body, auth(f.admin()), "decline non-pending");
        };
    }

    /** Bulk bodies that are invalid (as admin), or anything (as a user). */
    private Case bulk() {
        List<String> ids = new ArrayList<>(List.of(q(f.alicePending()), q(f.bobPending()), q(UUID.randomUUID())));
        String action = "\"action\":" + pick(rnd, List.of("\"approve\"", "\"decline\""));
        String idsField = "\"ids\":[" + String.join(",", ids) + "]";
        String body = switch (rnd.nextInt(9)) {
            case 0 -> "{" + action + "}";
            case 1 -> "{\"ids\":[]," + action + "}";
            case 2 -> "{\"ids\":[" + q(f.alicePending()) + "," + q(f.alicePending()) + "]," + action + "}";
            case 3 -> "{\"ids\":[" + q(f.alicePending()) + "," + json(text(rnd)) + "]," + action + "}";
            case 4 -> "{\"ids\":" + Collections.nCopies(101, 0).stream().map(i -> q(UUID.randomUUID()))
                    .collect(Collectors.joining(",", "[", "]")) + "," + action + "}";
            case 5 -> "{" + idsField + ",\"action\":" + pick(rnd, List.of("\"delete\"", "\"APPROVE\"", "\"\"",
                    "null", "1", "[\"approve\"]", json(text(rnd)))) + "}";
            case 6 -> "{" + idsField + "}";
            case 7 -> "{\"ids\":" + wrongJson(rnd).replace("[]", "7") + "," + action + "}";
            default -> Hostile.breakJson(rnd, "{" + idsField + "," + action + ",\"reason\":" + json(text(rnd)) + "}");
        };
        if (rnd.nextInt(4) == 0) {
            return new Case("POST", ADMIN + "/bulk", "{" + idsField + "," + action + "}", auth(f.alice()),
                    "bulk as a user");
        }
        return new Case("POST", ADMIN + "/bulk", body, auth(f.admin()), "bulk, invalid body");
    }

    /** A hostile path segment, never empty (an empty one would address the parent route). */
    private String segment() {
        String t = text(rnd);
        return t.isBlank() ? "%20" : url(t);
    }

    private static String q(Object id) {
        return "\"" + id + "\"";
    }

    private Case webhook() {
        String payload = "{\"notification_type\":\"MEDIA_AVAILABLE\",\"media\":{\"media_type\":\"movie\",\"tmdbId\":"
                + "\"603\"},\"request\":{\"request_id\":\"1\"},\"subject\":" + json(text(rnd)) + "}";
        if (rnd.nextBoolean()) {
            List<String> h = new ArrayList<>();
            String wrong = pick(rnd, List.of("", "Bearer", "Bearer x", "bearer " + f.webhookSecret(),
                    f.webhookSecret() + "x", "Basic " + f.webhookSecret(), "x".repeat(600), "' OR 1=1 --"));
            if (!wrong.isEmpty()) {
                h.addAll(List.of("Authorization", wrong));
            }
            return new Case("POST", "/api/v1/webhooks/overseerr", payload, h, "webhook, wrong secret");
        }
        String body = pick(rnd, List.of("[]", "\"MEDIA_APPROVED\"", "123", "null", "{}", "{\"notification_type\":5}",
                "{\"notification_type\":\"\"}", "{\"notification_type\":\"   \"}", "{\"notification_type\":null}",
                "{\"notification_type\":[\"MEDIA_APPROVED\"]}", "{\"media\":{\"tmdbId\":\"603\"}}",
                Hostile.breakJson(rnd, payload), "[" .repeat(80) + "]".repeat(80)));
        return new Case("POST", "/api/v1/webhooks/overseerr", body, List.of("Authorization", f.webhookSecret()),
                "webhook, bad body");
    }

    private Case notifications() {
        return switch (rnd.nextInt(6)) {
            case 0 -> new Case("GET", NOTES + "?" + pick(rnd, List.of("order=asc", "sort=title", "limit=abc",
                    "cursor=" + url(badCursor()), "limit=1&order=sideways")), null, auth(f.alice()), "notes, bad params");
            case 1 -> new Case("POST", NOTES + "/" + f.aliceNotification() + "/read", null, auth(f.bob()),
                    "read someone else's");
            case 2 -> new Case("POST", NOTES + "/" + UUID.randomUUID() + "/read", null, auth(f.alice()),
                    "read unknown");
            case 3 -> new Case("POST", NOTES + "/" + segment() + "/read", null, auth(f.alice()), "read non-id");
            case 4 -> new Case("POST", NOTES + "/" + f.aliceNotification() + "/read", null, badAuth(),
                    "read, bad credentials");
            default -> new Case("GET", NOTES, null, badAuth(), "notes, bad credentials");
        };
    }

    private Case dashboard() {
        return switch (rnd.nextInt(3)) {
            case 0 -> new Case("GET", "/api/v1/dashboard/status/" + url("zz" + text(rnd)), null, auth(f.bob()),
                    "unknown service");
            case 1 -> new Case("GET", "/api/v1/dashboard/stats", null, badAuth(), "stats, bad credentials");
            default -> new Case("GET", "/api/v1/dashboard/status", null, badAuth(), "status, bad credentials");
        };
    }

    private Case events() {
        if (rnd.nextInt(3) == 0) {
            return new Case("GET", "/api/v1/events", null, badAuth(), "events, bad credentials");
        }
        List<String> h = auth(f.alice());
        h.addAll(List.of("Last-Event-ID", pick(rnd, List.of("abc", "-1", "1.5", "99999999999999999999", "1e5", "0x10",
                " 12 3", "' OR 1=1", "12a", "+5"))));
        return new Case("GET", "/api/v1/events", null, h, "events, bad Last-Event-ID");
    }

    private Case wrongRoute() {
        String[][] routes = {{"PUT", REQ}, {"PATCH", REQ + "/counts"}, {"PUT", REQ + "/" + f.alicePending()},
            {"POST", REQ + "/" + f.alicePending()}, {"DELETE", "/api/v1/dashboard/stats"}, {"POST", "/api/v1/events"},
            {"GET", ADMIN + "/bulk"}, {"GET", "/api/v1/webhooks/overseerr"}, {"PUT", NOTES},
            {"GET", REQ + "/" + f.alicePending() + "/approve"}, {"POST", NOTES + "/" + f.aliceNotification()
                + "/unread"}, {"DELETE", ADMIN + "/" + f.alicePending() + "/approve"}};
        String[] r = routes[rnd.nextInt(routes.length)];
        return new Case(r[0], r[1], r[0].equals("GET") || r[0].equals("DELETE") ? null : "{}", auth(f.admin()),
                "wrong method or route");
    }

    private static List<String> auth(String token) {
        return new ArrayList<>(List.of("Authorization", "Bearer " + token));
    }

    private List<String> badAuth() {
        List<String> h = new ArrayList<>();
        switch (rnd.nextInt(6)) {
            case 0 -> { }
            case 1 -> h.addAll(List.of("Authorization", "Bearer " + f.alice() + "x"));
            case 2 -> h.addAll(List.of("Authorization", pick(rnd, List.of("Basic YWxpY2U6cHc=", "Bearer", "Token abc",
                    "Bearer ' OR 1=1 --", "Bearer " + "t".repeat(600)))));
            case 3 -> h.addAll(List.of("X-Api-Key", pick(rnd, List.of("mnk_nope", "x", "' OR 1=1", "k".repeat(300)))));
            case 4 -> h.addAll(List.of("Authorization", "Bearer mn_" + UUID.randomUUID()));
            default -> h.addAll(List.of("Authorization", "bearer" + f.alice()));
        }
        return h;
    }
}
