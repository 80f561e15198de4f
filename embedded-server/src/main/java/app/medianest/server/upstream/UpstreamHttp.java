package app.medianest.server.upstream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP side of every upstream client: one {@code java.net.http} client with a connect timeout, a call timeout
 * on every request, and transport failures and error statuses classified as {@link UpstreamException} kinds so
 * the circuit breakers count the right things. Upstream bodies never leave this class in an error message.
 */
public final class UpstreamHttp {
    /** Lenient JSON for upstream bodies: fields can be missing and unknown ones are ignored. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final LazyHttpClient client;
    private final Duration callTimeout;
    private volatile AnswerListener answers = AnswerListener.NONE;

    /** Sees every answer's status (for example to notice a rejected credential); must be quick and not throw. */
    @FunctionalInterface
    public interface AnswerListener {
        AnswerListener NONE = a -> { };

        void answered(Answer answer);
    }

    public void onAnswer(AnswerListener listener) {
        this.answers = listener;
    }

    public UpstreamHttp(Duration connectTimeout, Duration callTimeout) {
        this.client = new LazyHttpClient(connectTimeout);
        this.callTimeout = callTimeout;
    }

    /** The longest a call may take. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** A request builder for {@code uri} with the call timeout set. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(callTimeout);
    }

    /**
     * Sends {@code request}; 5xx answers are {@code SERVER_ERROR}, other statuses of 400 and above
     * {@code CLIENT_ERROR} (with the status), timeouts {@code TIMEOUT}, refused or broken connections
     * {@code UNREACHABLE}.
     */
    public Answer send(String service, HttpRequest request) {
        Answer answer = sendRaw(service, request);
        int s = answer.status();
        if (s >= 500) {
            throw new UpstreamException(service, UpstreamException.Kind.SERVER_ERROR, s, service + " answered " + s,
                    null);
        }
        if (s >= 400) {
            throw new UpstreamException(service, UpstreamException.Kind.CLIENT_ERROR, s, service + " answered " + s,
                    null);
        }
        return answer;
    }

    /** Sends {@code request} and returns whatever status came back; only transport failures throw. */
    public Answer sendRaw(String service, HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = new Answer(service, r.statusCode(), r.body(), r.headers());
            try {
                answers.answered(answer);
            } catch (RuntimeException e) {
                System.getLogger(UpstreamHttp.class.getName()).log(System.Logger.Level.WARNING,
                        "An answer listener failed", e);
            }
            return answer;
        } catch (HttpConnectTimeoutException e) {
            throw new UpstreamException(service, UpstreamException.Kind.UNREACHABLE, 0,
                    service + " did not accept a connection in time", e);
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(service, UpstreamException.Kind.TIMEOUT, 0,
                    service + " did not answer within " + callTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new UpstreamException(service, UpstreamException.Kind.UNREACHABLE, 0, service + " is unreachable", e);
        } catch (IOException e) {
            throw new UpstreamException(service, UpstreamException.Kind.UNREACHABLE, 0,
                    service + " connection failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(service, UpstreamException.Kind.UNREACHABLE, 0, "interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new UpstreamException(service, UpstreamException.Kind.NOT_CONFIGURED, 0,
                    service + " has an unusable URL", e);
        }
    }

    /** One upstream answer. */
    public record Answer(String service, int status, byte[] body, HttpHeaders headers) {
        /** The body as JSON; a body that is not JSON is a {@code BAD_RESPONSE} (counted as a failure). */
        public JsonNode json() {
            try {
                JsonNode node = JSON.readTree(body);
                if (node == null || node.isMissingNode()) {
                    throw new IOException("empty body");
                }
                return node;
            } catch (IOException e) {
                throw new UpstreamException(service, UpstreamException.Kind.BAD_RESPONSE, status,
                        service + " sent a body that is not JSON", e);
            }
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
