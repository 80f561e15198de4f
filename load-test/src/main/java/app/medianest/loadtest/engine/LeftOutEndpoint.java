package app.medianest.loadtest.engine;

/**
 * An endpoint of an adaptive mix that the run left out, and why.
 *
 * @param path   the endpoint
 * @param reason what the server answered, e.g. {@code answered 503: Plex is not configured}
 */
public record LeftOutEndpoint(String path, String reason) {
}
