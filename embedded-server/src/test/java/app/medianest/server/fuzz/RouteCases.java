package app.medianest.server.fuzz;

import app.medianest.server.http.RouteTable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile cases for every route of the {@link RouteTable}: each path parameter, the query parameters the API
 * reads, the headers it reads, and the body, replaced by hostile values; plus raw-socket cases (chunked-encoding
 * and header abuse). Every case is refused by construction: a write always carries a hostile id, a broken body or
 * no valid credentials, so a correct server stores nothing.
 */
final class RouteCases {
    /** An HTTP call made with a client ({@code raw == null}) or as raw bytes over a socket. */
    record Case(String label, String method, String path, String body, List<String> headers, byte[] raw) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> IDS = List.of("..%2F..%2Fetc%2Fpasswd", "%00", "%C0%AF", "-1", "0",
            "99999999999999999999999", "null", "undefined", "00000000-0000-0000-0000-000000000000x",
            "%E2%80%AEevil", "%27%20OR%20%271%27%3D%271", "%3Cscript%3E", "x".repeat(300), "1e309", "NaN",
            "%F0%9F%8E%AC", "%2e%2e", "%25", "%5C", "%7B%7D");
    private static final List<String> QUERY_NAMES = List.of("limit", "cursor", "sort", "order", "status", "search",
            "from", "to", "window", "mediaType", "role", "page", "query", "url", "userId", "type");
    private static final List<String> QUERY_VALUES = List.of("-1", "0", "1e9", "99999999999999999999", "%00",
            "%C0%AF", "..%2F..", "%27--", "%3Cscript%3E", "%E2%80%AE", "-999999999-01-01T00:00:00Z",
            "%2B999999999-12-31T23:59:59Z", "x".repeat(2000), "%FF%FE", "NaN", "desc%20;drop", "%25%25", "%5B%5D",
            "%7B%7D");
    private static final List<String[]> HEADERS = List.of(
            new String[] {"Authorization", "Bearer " + "x".repeat(600)},
            new String[] {"Authorization", "Basic YWRtaW46YWRtaW4="},
            new String[] {"Authorization", "Bearer mns_forged"},
            new String[] {"Authorization", "Bearer"},
            new String[] {"X-Api-Key", "mnk_' OR '1'='1"},
            new String[] {"X-Api-Key", "x".repeat(200)},
            new String[] {"Content-Type", "application/json; charset=utf-7"},
            new String[] {"Content-Type", "text/plain"},
            new String[] {"Accept", "*/*;q=abc"},
            new String[] {"If-None-Match", "\"" + "a".repeat(500) + "\""},
            new String[] {"Last-Event-ID", "not-a-number"},
            new String[] {"X-Correlation-Id", "<script>alert(1)</script>"},
            new String[] {"Origin", "http://evil.example"},
            new String[] {"Accept-Encoding", "gzip;q=x, br;;"},
            new String[] {"Range", "bytes=-1-9999999999999999"});
    private static final List<String> BODIES = List.of("{", "[", "null", "true", "\"x\"", "{\"a\":", "{}}",
            "{\"username\":{},\"password\":[]}", "{\"mediaType\":1,\"tmdbId\":\"x\"}", "{\"id\":\"" + "x".repeat(5000) + "\"}",
            "{\"title\":\"\\u202Eevil\",\"mediaType\":\"movie\",\"tmdbId\":-5}", "{\"url\":\"file:///etc/passwd\",\"x\":[}",
            "[" .repeat(200) + "]".repeat(200), "{\"a\":\"\\ud800\"}", "\u00ff\u00fe");

    private final SplittableRandom rnd;
    private final List<RouteTable.Route> routes;
    private final List<String[]> callers;

    /**
     * @param callers credentials headers to use: index 0 anonymous (empty), 1 a user, 2 an admin, 3 an API key
     */
    RouteCases(long seed, List<RouteTable.Route> routes, List<String[]> callers) {
        this.rnd = new SplittableRandom(seed);
        this.routes = routes;
        this.callers = callers;
    }

    List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (RouteTable.Route r : routes) {
            String method = r.method().text();
            boolean write = !method.equals("GET");
            boolean hasParams = PARAM.matcher(r.path()).find();
            boolean events = r.path().equals("/api/v1/events");
            // Routes that read no body would accept a broken one: only callers without valid credentials there.
            boolean noBody = r.path().endsWith("/logout");
            // Path ids: every hostile id in every parameter, with any caller.
            if (hasParams) {
                for (String id : IDS) {
                    out.add(call("path id " + r.path(), method, fill(r.path(), id), write ? hostileBody() : null,
                            caller(rnd.nextInt(callers.size())), events));
                }
            }
            // Query parameters, with a caller that may use the route (a write keeps a hostile id or body).
            for (int i = 0; i < 8; i++) {
                String q = QUERY_NAMES.get(rnd.nextInt(QUERY_NAMES.size()));
                String v = QUERY_VALUES.get(rnd.nextInt(QUERY_VALUES.size()));
                String path = fill(r.path(), pick(IDS)) + "?" + q + "=" + v + (rnd.nextBoolean() ? "&" + q + "=" + v : "");
                out.add(call("query " + q + " " + r.path(), method, path, write ? hostileBody() : null,
                        caller(write && !hasParams ? rnd.nextInt(1) : rnd.nextInt(callers.size())), events));
            }
            // Headers: one hostile header, no valid credentials (a hostile credential header replaces them).
            for (String[] h : HEADERS) {
                List<String> headers = new ArrayList<>(List.of(h));
                boolean credential = h[0].equals("Authorization") || h[0].equals("X-Api-Key");
                if (!credential && !write) {
                    headers.addAll(List.of(caller(rnd.nextInt(callers.size()))));
                }
                out.add(new Case("header " + h[0] + " " + r.path(), method, fill(r.path(), pick(IDS)),
                        write ? hostileBody() : null, events ? withBadEventId(headers) : headers, null));
            }
            // Bodies of writes: broken by construction, with every caller.
            if (write) {
                for (String body : BODIES) {
                    out.add(call("body " + r.path(), method, hasParams ? fill(r.path(), pick(IDS)) : r.path(), body,
                            caller(noBody ? 0 : rnd.nextInt(callers.size())), events));
                }
            }
            // Raw: chunked and header abuse on this route.
            for (int i = 0; i < 6; i++) {
                out.add(raw(r, fill(r.path(), pick(IDS)), method));
            }
        }
        return out;
    }

    private Case call(String label, String method, String path, String body, String[] caller, boolean events) {
        List<String> headers = new ArrayList<>(List.of(caller));
        return new Case(label, method, path, body, events ? withBadEventId(headers) : headers, null);
    }

    /** The event stream never ends: give it an id it must refuse, so every case gets an answer. */
    private static List<String> withBadEventId(List<String> headers) {
        List<String> out = new ArrayList<>(headers);
        if (!out.contains("Last-Event-ID")) {
            out.addAll(List.of("Last-Event-ID", "x-1"));
        }
        return out;
    }

    private String[] caller(int i) {
        return callers.get(i);
    }

    private String pick(List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private String hostileBody() {
        return pick(BODIES);
    }

    private static String fill(String template, String value) {
        Matcher m = PARAM.matcher(template);
        return m.replaceAll(Matcher.quoteReplacement(value));
    }

    private Case raw(RouteTable.Route r, String path, String method) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
        String abuse = switch (rnd.nextInt(16)) {
            case 0 -> "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 1 -> "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n-5\r\n{}\r\n0\r\n\r\n";
            case 2 -> "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nFFFFFFFFFFFFFFFF\r\n{}\r\n";
            case 3 -> "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n2;ext=\"x\r\n{}\r\n0\r\n\r\n";
            case 4 -> "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n{}\r\n0\r\nX-Trailer: a\r\n\r\n";
            case 5 -> "Transfer-Encoding: gzip, chunked\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n";
            case 6 -> "Transfer-Encoding: chunked\r\nContent-Length: 4\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n";
            case 7 -> "Content-Length: 2\r\nContent-Length: 40\r\nContent-Type: application/json\r\n\r\n{}";
            case 8 -> "Content-Length: -1\r\nContent-Type: application/json\r\n\r\n{}";
            case 9 -> "X-No-Colon\r\n\r\n";
            case 10 -> "X-Folded: a\r\n b\r\n\r\n";
            case 11 -> "X-Nul: a\u0000b\r\n\r\n";
            case 12 -> "Bad Name: x\r\n\r\n";
            case 13 -> "X-Big: " + "a".repeat(20_000) + "\r\n\r\n";
            case 14 -> "X-Latin: \u00ff\u00fe\r\nAuthorization: Bearer \u00e9\r\n\r\n";
            default -> "Content-Length: 99999999999999999999\r\n\r\n";
        };
        byte[] bytes = (head + abuse).getBytes(StandardCharsets.ISO_8859_1);
        return new Case("raw " + abuse.substring(0, Math.min(24, abuse.length())).replace("\r\n", " ")
                .toLowerCase(Locale.ROOT) + " " + r.path(), method, path, null, List.of(), bytes);
    }
}
