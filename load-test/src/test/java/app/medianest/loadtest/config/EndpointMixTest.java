package app.medianest.loadtest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EndpointMixTest {

    @Test
    void parsesWeightsAndDefaultsToOne() {
        EndpointMix mix = EndpointMix.parse(" /a=3, /b ,/c?x=1=2");
        assertEquals(List.of(new WeightedEndpoint("/a", 3), new WeightedEndpoint("/b", 1),
                new WeightedEndpoint("/c?x=1", 2)), mix.endpoints());
        assertEquals(6, mix.totalWeight());
        assertEquals("/a=3,/b=1,/c?x=1=2", mix.spec());
    }

    @Test
    void aQueryValueIsNotAWeight() {
        EndpointMix mix = EndpointMix.parse("/a?limit=50,/b?limit=50=2");
        assertEquals(List.of(new WeightedEndpoint("/a?limit=50", 1), new WeightedEndpoint("/b?limit=50", 2)),
                mix.endpoints());
        assertEquals(mix.endpoints(), EndpointMix.parse(mix.spec()).endpoints(), "spec() parses back");
    }

    @Test
    void theStrategyMixIsTheFourLoadTestEndpoints() {
        assertEquals(List.of("/api/v1/dashboard/stats", "/api/v1/media/requests", "/api/v1/plex/libraries",
                "/api/v1/auth/session"), EndpointMix.strategy().endpoints().stream().map(WeightedEndpoint::path)
                .toList());
    }

    @Test
    void rejectedEntriesAreNamed() {
        assertMessage("weight in '/a=x' must be a whole number, got 'x'", () -> EndpointMix.parse("/a=x"));
        assertMessage("weight of /a must be between 1 and 10000, got 0", () -> EndpointMix.parse("/a=0"));
        assertMessage("endpoint path must start with '/' and contain no spaces, got 'api'",
                () -> EndpointMix.parse("api=1"));
        assertMessage("endpoint mix names /a twice", () -> EndpointMix.parse("/a=1,/a=2"));
    }

    @Test
    void picksAreProportionalToTheWeights() {
        EndpointMix mix = EndpointMix.strategy();
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(mix.pick(random).path(), 1, Integer::sum);
        }
        for (WeightedEndpoint endpoint : mix.endpoints()) {
            assertEquals((double) endpoint.weight() / mix.totalWeight(), counts.get(endpoint.path()) / (double) draws,
                    0.01, endpoint.path());
        }
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().equals(expected), e.getMessage());
    }
}
