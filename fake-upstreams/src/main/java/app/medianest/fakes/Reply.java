package app.medianest.fakes;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, Object value) {
        return new Reply(status, JSON, Json.bytes(value), Map.of());
    }

    static Reply text(int status, String contentType, String text) {
        return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply html(int status, String title) {
        String page = "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>";
        return text(status, "text/html; charset=utf-8", page);
    }

    static Reply empty(int status) {
        return new Reply(status, null, new byte[0], Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, contentType, body, copy);
    }
}
