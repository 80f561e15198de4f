package app.medianest.loadtest.config;

/**
 * One GET endpoint of the mix and its relative weight.
 *
 * @param path   the request path, starting with {@code /}, optionally with a query string
 * @param weight the relative weight, 1 to 10000
 */
public record WeightedEndpoint(String path, int weight) {

    /** The largest weight accepted. */
    public static final int MAX_WEIGHT = 10_000;

    /**
     * Validates the endpoint.
     *
     * @throws IllegalArgumentException naming the bad path or weight
     */
    public WeightedEndpoint {
        if (path == null || !path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("endpoint path must start with '/' and contain no spaces, got '"
                    + path + "'");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight of " + path + " must be between 1 and " + MAX_WEIGHT
                    + ", got " + weight);
        }
    }
}
