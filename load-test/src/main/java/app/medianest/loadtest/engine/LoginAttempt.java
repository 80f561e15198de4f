package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.Auth;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One sign-in's result, and the wire format of {@code POST /api/v1/auth/login} that every transport shares.
 *
 * @param token             the session token, or {@code null} on failure
 * @param failure           the failure reason (an HTTP status, {@code no-token} or a transport error kind), or
 *                          {@code null} on success
 * @param retryAfterSeconds the server's {@code Retry-After}, when it sent one
 */
record LoginAttempt(String token, String failure, OptionalLong retryAfterSeconds) {

    static final String LOGIN_PATH = "/api/v1/auth/login";
    static final String USER_AGENT = "medianest-loadtest/0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    static LoginAttempt succeeded(String token) {
        return new LoginAttempt(token, null, OptionalLong.empty());
    }

    static LoginAttempt failed(String reason, OptionalLong retryAfterSeconds) {
        return new LoginAttempt(null, reason, retryAfterSeconds);
    }

    /** The login request's JSON body. */
    static String body(Auth.Credentials credentials) {
        try {
            return JSON.writeValueAsString(Map.of("username", credentials.username(),
                    "password", credentials.password()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render the login body", e);
        }
    }

    /**
     * Interprets the server's answer to a login.
     *
     * @param status     the HTTP status
     * @param body       the response body
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     */
    static LoginAttempt of(int status, String body, String retryAfter) {
        if (status != 200) {
            return failed(String.valueOf(status), seconds(retryAfter));
        }
        try {
            JsonNode token = JSON.readTree(body).path("data").path("token");
            return token.isTextual() && !token.asText().isBlank() ? succeeded(token.asText())
                    : failed("no-token", OptionalLong.empty());
        } catch (IOException e) {
            return failed("no-token", OptionalLong.empty());
        }
    }

    private static OptionalLong seconds(String retryAfter) {
        try {
            return retryAfter == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    boolean rateLimited() {
        return "429".equals(failure);
    }

    @Override
    public String toString() {
        return "LoginAttempt[" + (token != null ? "token=***" : "failure=" + failure) + "]";
    }
}
