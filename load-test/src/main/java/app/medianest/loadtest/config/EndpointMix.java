package app.medianest.loadtest.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The weighted set of GET endpoints that virtual users pick from, one independent weighted draw per request.
 *
 * <p>An adaptive mix (the presets') is fitted to the server before the run: a path may name
 * {@value #PLEX_LIBRARY} (the Plex library with the most items), and an endpoint the signed-in user cannot use
 * (403) or whose upstream is not configured or not reachable (503) is left out, and the report lists it.
 *
 * @param endpoints the endpoints, at least one, each path once
 * @param adaptive  whether endpoints the server cannot serve are left out before the run
 */
public record EndpointMix(List<WeightedEndpoint> endpoints, boolean adaptive) {

    /** The performance strategy's four load-test endpoints with the default weights 3:3:2:2. */
    public static final String STRATEGY_SPEC =
            "/api/v1/dashboard/stats=3,/api/v1/media/requests=3,/api/v1/plex/libraries=2,/api/v1/auth/session=2";

    /** In a path: the key of the Plex library with the most items, looked up before the run. */
    public static final String PLEX_LIBRARY = "{plexLibrary}";

    /**
     * The presets' mix: the strategy's four endpoints plus two large responses (about 16 KB: a page of 50 of
     * everyone's requests, admins only; a page of up to 100 Plex items), weights 3:3:2:2:1:1.
     */
    public static final String PRESET_SPEC = STRATEGY_SPEC + ",/api/v1/admin/requests?limit=50=1,"
            + "/api/v1/plex/libraries/" + PLEX_LIBRARY + "/items?limit=100=1";

    /**
     * A mix that runs as given.
     *
     * @param endpoints the endpoints, at least one, each path once
     */
    public EndpointMix(List<WeightedEndpoint> endpoints) {
        this(endpoints, false);
    }

    /**
     * Validates the mix.
     *
     * @throws IllegalArgumentException when it is empty or names a path twice
     */
    public EndpointMix {
        if (endpoints == null || endpoints.isEmpty()) {
            throw new IllegalArgumentException("endpoint mix must name at least one endpoint, got " + endpoints);
        }
        endpoints = List.copyOf(endpoints);
        Set<String> seen = new HashSet<>();
        for (WeightedEndpoint endpoint : endpoints) {
            if (!seen.add(endpoint.path())) {
                throw new IllegalArgumentException("endpoint mix names " + endpoint.path() + " twice");
            }
        }
    }

    /**
     * Parses {@code path=weight,path=weight,...}; a path without {@code =weight} weighs 1. A path with a query
     * takes its weight after the query: {@code /api/v1/admin/requests?limit=50=2}.
     *
     * @param spec the mix text
     * @return the mix
     * @throws IllegalArgumentException naming the bad entry
     */
    public static EndpointMix parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("expected path=weight,... got '" + spec + "'");
        }
        List<WeightedEndpoint> endpoints = new ArrayList<>();
        for (String entry : spec.split(",")) {
            endpoints.add(parseEntry(entry.trim()));
        }
        return new EndpointMix(endpoints);
    }

    private static WeightedEndpoint parseEntry(String entry) {
        int equals = entry.lastIndexOf('=');
        int query = entry.indexOf('?');
        if (equals < 0 || (query >= 0 && entry.indexOf('=', query) == equals)) {
            // No weight: "/path" or "/path?name=value" (a query's value is not a weight; write "/path?a=1=2").
            return new WeightedEndpoint(entry, 1);
        }
        String weight = entry.substring(equals + 1).trim();
        try {
            return new WeightedEndpoint(entry.substring(0, equals).trim(), Integer.parseInt(weight));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("weight in '" + entry + "' must be a whole number, got '" + weight
                    + "'", e);
        }
    }

    /**
     * The performance strategy's mix ({@link #STRATEGY_SPEC}).
     *
     * @return the default mix
     */
    public static EndpointMix strategy() {
        return parse(STRATEGY_SPEC);
    }

    /**
     * The presets' adaptive mix ({@link #PRESET_SPEC}).
     *
     * @return the presets' mix
     */
    public static EndpointMix preset() {
        return new EndpointMix(parse(PRESET_SPEC).endpoints(), true);
    }

    /**
     * The sum of all weights.
     *
     * @return the total weight
     */
    public int totalWeight() {
        int total = 0;
        for (WeightedEndpoint endpoint : endpoints) {
            total += endpoint.weight();
        }
        return total;
    }

    /**
     * Picks one endpoint with probability proportional to its weight.
     *
     * @param random the virtual user's own random source
     * @return the chosen endpoint
     */
    public WeightedEndpoint pick(RandomGenerator random) {
        return endpoints.get(pickIndex(random));
    }

    /**
     * Picks one endpoint with probability proportional to its weight, without allocating.
     *
     * @param random the virtual user's own random source
     * @return the chosen endpoint's index in {@link #endpoints()}
     */
    public int pickIndex(RandomGenerator random) {
        int ticket = random.nextInt(totalWeight());
        for (int i = 0; i < endpoints.size(); i++) {
            ticket -= endpoints.get(i).weight();
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: weights changed during pick");
    }

    /**
     * Renders the mix back into the {@link #parse(String)} notation.
     *
     * @return the mix text
     */
    public String spec() {
        return String.join(",", endpoints.stream().map(e -> e.path() + "=" + e.weight()).toList());
    }
}
