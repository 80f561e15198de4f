package app.medianest.loadtest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code portal} preset: 20 family members with 1 s think time on the portal's pages and their API calls. */
class PortalPresetTest {

    @Test
    void thePortalPresetRunsTwentyMembersOnPagesAndTheirApiCalls() {
        LoadTestConfig config = Preset.byName("portal").applyTo(LoadTestConfig.builder(URI.create("http://h:1")))
                .build();
        assertEquals(20, config.users());
        assertEquals(Duration.ofSeconds(1), config.thinkTime());
        assertEquals(PortalMix.mix(), config.mix());
        long pages = config.mix().endpoints().stream().filter(e -> PortalMix.isPage(config.uriOf(e.path()))).count();
        long api = config.mix().endpoints().stream().filter(e -> e.path().startsWith("/api/v1/")).count();
        assertTrue(pages >= 8 && api >= 3, config.mix().spec());
        assertEquals(config.mix().endpoints().size(), pages + api, "every entry is a page or an API call");
        assertEquals(EndpointMix.preset(), Preset.byName("quick").applyTo(LoadTestConfig.builder(
                URI.create("http://h:1"))).build().mix(), "the other presets keep their mix");
    }
}
