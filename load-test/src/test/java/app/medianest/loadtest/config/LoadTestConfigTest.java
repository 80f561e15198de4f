package app.medianest.loadtest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LoadTestConfigTest {

    private static final URI LOCAL = URI.create("http://localhost:8080/");

    @Test
    void defaultsAreValidAndTheTrailingSlashIsDropped() {
        LoadTestConfig config = LoadTestConfig.builder(LOCAL).build();
        assertEquals(URI.create("http://localhost:8080"), config.baseUrl());
        assertEquals(URI.create("http://localhost:8080/health"), config.uriOf("/health"));
        assertEquals(Duration.ofSeconds(30), config.mainDuration());
    }

    @Test
    void badValuesAreRejectedWithTheValueInTheMessage() {
        assertRejected("users must be between 1 and 10000, got 0", b -> b.users(0));
        assertRejected("baseUrl must be an http(s) URL with a host, got 'ftp://host'",
                b -> b.baseUrl(URI.create("ftp://host")));
        assertRejected("sustain must be positive and at most 24h, got 0s", b -> b.sustain(Duration.ZERO));
        assertRejected("thinkTime must be non-negative and at most 24h, got 5s (negative)",
                b -> b.thinkTime(Duration.ofSeconds(-5)));
        assertRejected("rampUp must be non-negative and at most 24h, got 25h", b -> b.rampUp(Duration.ofHours(25)));
    }

    @Test
    void presetsSetTheStrategyRun() {
        LoadTestConfig strategy = Preset.byName("strategy").applyTo(LoadTestConfig.builder(LOCAL)).build();
        assertEquals(20, strategy.users());
        assertEquals(Duration.ofMinutes(2), strategy.rampUp());
        assertEquals(Duration.ofMinutes(10), strategy.sustain());
        assertEquals(EndpointMix.preset(), strategy.mix());
        assertTrue(strategy.mix().adaptive(), "a preset leaves out what the server cannot serve");
        assertEquals(List.of("/api/v1/dashboard/stats", "/api/v1/media/requests", "/api/v1/plex/libraries",
                "/api/v1/auth/session", "/api/v1/admin/requests?limit=50",
                "/api/v1/plex/libraries/{plexLibrary}/items?limit=100"),
                strategy.mix().endpoints().stream().map(WeightedEndpoint::path).toList());
        LoadTestConfig quick = Preset.QUICK.applyTo(LoadTestConfig.builder(LOCAL)).build();
        assertEquals(Duration.ofSeconds(20), quick.mainDuration());
        assertEquals(strategy.mix(), quick.mix());
    }

    @Test
    void secretsStayOutOfToString() {
        assertFalse(new Auth.Credentials("admin", "hunter2").toString().contains("hunter2"));
        assertFalse(new Auth.BearerToken("abc123").toString().contains("abc123"));
        assertFalse(LoadTestConfig.builder(LOCAL).auth(new Auth.Credentials("admin", "hunter2")).build().toString()
                .contains("hunter2"));
    }

    private static void assertRejected(String message, UnaryOperator<LoadTestConfig.Builder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(LoadTestConfig.builder(LOCAL)).build());
        assertEquals(message, e.getMessage());
    }
}
