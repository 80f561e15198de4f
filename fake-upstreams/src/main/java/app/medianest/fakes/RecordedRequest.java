package app.medianest.fakes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request exactly as a fake server received it, recorded before any fault switch acted on it.
 *
 * @param receivedAt when the request arrived
 * @param method     the HTTP method, upper case
 * @param path       the decoded path without the query
 * @param rawQuery   the raw (still encoded) query string, empty when there is none
 * @param headers    request headers keyed by lower-cased name
 * @param body       the request body decoded as UTF-8, empty when there is none
 */
public record RecordedRequest(Instant receivedAt, String method, String path, String rawQuery,
                              Map<String, List<String>> headers, String body) {

    /** Copies the collections so the record is immutable. */
    public RecordedRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? "" : body;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(copy);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The first value of a query parameter, decoded. */
    public Optional<String> queryParam(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** All query parameters, decoded, in request order. */
    public Map<String, List<String>> queryParams() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
