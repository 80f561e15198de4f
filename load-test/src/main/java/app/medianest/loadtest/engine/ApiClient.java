package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.Auth;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The two HTTP exchanges of a virtual user: signing in, and a GET with its bearer token. Response bodies of GETs
 * are read and discarded so that the keep-alive connection can be reused.
 */
final class ApiClient {

    static final String LOGIN_PATH = "/api/v1/auth/login";
    private static final String USER_AGENT = "medianest-loadtest/0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    ApiClient(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Builds a GET once; requests are immutable, so a user reuses it for every send to that endpoint. */
    HttpRequest getRequest(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").header("User-Agent", USER_AGENT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** Sends a request and reports how it ended; never throws for HTTP or transport failures. */
    Outcome send(HttpRequest request) throws InterruptedException {
        try {
            return Outcome.status(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Outcome.transport(e);
        }
    }

    /** Signs in once; a failure carries its reason and, for 429, the server's {@code Retry-After}. */
    LoginAttempt login(URI loginUri, Auth.Credentials credentials) throws InterruptedException {
        try {
            String body = JSON.writeValueAsString(Map.of("username", credentials.username(),
                    "password", credentials.password()));
            HttpRequest request = HttpRequest.newBuilder(loginUri).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("User-Agent", USER_AGENT).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return LoginAttempt.failed(String.valueOf(response.statusCode()), retryAfter(response));
            }
            JsonNode token = JSON.readTree(response.body()).path("data").path("token");
            return token.isTextual() && !token.asText().isBlank()
                    ? LoginAttempt.succeeded(token.asText())
                    : LoginAttempt.failed("no-token", OptionalLong.empty());
        } catch (IOException e) {
            return LoginAttempt.failed(Outcome.kindOf(e), OptionalLong.empty());
        }
    }

    private static OptionalLong retryAfter(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After").map(String::trim).map(Long::parseLong)
                    .map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * One login request's result.
     *
     * @param token             the session token, or {@code null} on failure
     * @param failure           the failure reason, or {@code null} on success
     * @param retryAfterSeconds the server's {@code Retry-After}, when it sent one
     */
    record LoginAttempt(String token, String failure, OptionalLong retryAfterSeconds) {

        static LoginAttempt succeeded(String token) {
            return new LoginAttempt(token, null, OptionalLong.empty());
        }

        static LoginAttempt failed(String reason, OptionalLong retryAfterSeconds) {
            return new LoginAttempt(null, reason, retryAfterSeconds);
        }

        boolean rateLimited() {
            return "429".equals(failure);
        }
    }
}
