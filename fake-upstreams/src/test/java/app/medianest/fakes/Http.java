package app.medianest.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP/1.1 client for the tests. */
final class Http implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    HttpResponse<String> get(URI uri, String... headers) {
        return send(request(uri, TIMEOUT, headers).GET().build());
    }

    HttpResponse<String> post(URI uri, String body, String... headers) {
        return send(request(uri, TIMEOUT, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> method(String method, URI uri, String... headers) {
        return send(request(uri, TIMEOUT, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    static HttpRequest.Builder request(URI uri, Duration timeout, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
