package app.medianest.fakes;

import java.util.Map;
import java.util.Optional;

/** A routed request: the recorded request plus the values of the route's {@code {name}} path segments. */
record Call(RecordedRequest request, Map<String, String> pathParams) {

    String path(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    Optional<String> query(String name) {
        return request.queryParam(name);
    }

    Optional<String> header(String name) {
        return request.header(name);
    }

    /** A value sent either as a query parameter or as a header (Plex accepts both). */
    Optional<String> queryOrHeader(String name) {
        return query(name).or(() -> header(name));
    }

    /** An integer query parameter; blank or malformed values give the default. */
    int intQuery(String name, int defaultValue) {
        return parseInt(query(name), defaultValue);
    }

    static int parseInt(Optional<String> text, int defaultValue) {
        try {
            return text.map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).orElse(defaultValue);
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
