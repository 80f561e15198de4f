package app.medianest.loadtest.engine;

import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.WeightedEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fits an adaptive mix to the server before the clocks start: one GET per endpoint with the first user's session.
 * {@value EndpointMix#PLEX_LIBRARY} becomes the key of the Plex library with the most items. An endpoint answered
 * 403 (the signed-in user's role may not use it) or 503 (its upstream is not configured or not reachable), or
 * whose placeholder cannot be filled, is left out with the server's reason; every other answer keeps it, so a
 * real failure still shows in the run. A mix that is not adaptive only gets its placeholders filled.
 */
final class MixProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LIBRARIES = "/api/v1/plex/libraries";

    private final Function<String, URI> uriOf;
    private final String bearer;
    private final Duration timeout;

    MixProbe(Function<String, URI> uriOf, String bearer, Duration timeout) {
        this.uriOf = uriOf;
        this.bearer = bearer;
        this.timeout = timeout;
    }

    /** The mix to run and what was left out of it. */
    record Fitted(EndpointMix mix, List<LeftOutEndpoint> leftOut) {
    }

    /** True when the mix needs probing at all. */
    static boolean needed(EndpointMix mix) {
        return mix.adaptive() || mix.endpoints().stream().anyMatch(e -> e.path().contains(EndpointMix.PLEX_LIBRARY));
    }

    Fitted fit(EndpointMix mix) throws InterruptedException {
        List<WeightedEndpoint> kept = new ArrayList<>();
        List<LeftOutEndpoint> leftOut = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build()) {
            String library = null;
            String libraryProblem = null;
            for (WeightedEndpoint endpoint : mix.endpoints()) {
                String path = endpoint.path();
                if (path.contains(EndpointMix.PLEX_LIBRARY)) {
                    if (library == null && libraryProblem == null) {
                        Answer libraries = get(client, LIBRARIES);
                        library = libraries.status() == 200 ? largestLibrary(libraries.body()) : null;
                        libraryProblem = library != null ? null : LIBRARIES + " answered " + libraries.describe()
                                + (libraries.status() == 200 ? " (no library)" : "");
                    }
                    if (library == null) {
                        if (!mix.adaptive()) {
                            throw new IllegalStateException("cannot fill " + EndpointMix.PLEX_LIBRARY + " in " + path
                                    + ": " + libraryProblem);
                        }
                        leftOut.add(new LeftOutEndpoint(path, libraryProblem));
                        continue;
                    }
                    path = path.replace(EndpointMix.PLEX_LIBRARY, library);
                }
                if (mix.adaptive()) {
                    Answer answer = get(client, path);
                    if (answer.status() == 403 || answer.status() == 503) {
                        leftOut.add(new LeftOutEndpoint(path, "answered " + answer.describe()));
                        continue;
                    }
                }
                kept.add(new WeightedEndpoint(path, endpoint.weight()));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("every endpoint of the mix was left out: " + leftOut);
        }
        return new Fitted(new EndpointMix(kept, false), List.copyOf(leftOut));
    }

    private record Answer(int status, String body) {
        String describe() {
            if (status < 0) {
                return "nothing (" + body + ")";
            }
            try {
                JsonNode message = JSON.readTree(body).path("error").path("message");
                if (message.isTextual()) {
                    return status + ": " + message.asText();
                }
            } catch (IOException | RuntimeException e) {
                // not the error envelope: the status alone
            }
            return String.valueOf(status);
        }
    }

    private Answer get(HttpClient client, String path) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uriOf.apply(path)).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    /** The key of the library with the most items (the first when none says), or null. */
    static String largestLibrary(String body) {
        try {
            String best = null;
            long most = -1;
            for (JsonNode library : JSON.readTree(body).path("data")) {
                String key = library.path("key").asText("");
                long items = library.path("itemCount").asLong(0);
                if (!key.isEmpty() && items > most) {
                    best = key;
                    most = items;
                }
            }
            return best;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
