package app.medianest.server;

import app.medianest.server.upstream.UpstreamHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which upstream answers mean "the credential was rejected" (bodies as the real services send them). */
class CredentialWatchTest {
    private static UpstreamHttp.Answer answer(String service, int status, String body) {
        return new UpstreamHttp.Answer(service, status, body.getBytes(StandardCharsets.UTF_8),
                HttpHeaders.of(Map.of(), (a, b) -> true));
    }

    @Test
    void rejectedCredentialsAreToldApartFromOtherRefusals() {
        assertTrue(CredentialWatch.rejected(answer("plex", 401, "<html>Unauthorized</html>")));
        assertTrue(CredentialWatch.rejected(answer("uptime-kuma", 401, "")));
        assertTrue(CredentialWatch.rejected(answer("overseerr", 403,
                "{\"status\":403,\"error\":\"You do not have permission to access this endpoint\"}")),
                "Overseerr's auth middleware: a bad API key");
        assertFalse(CredentialWatch.rejected(answer("overseerr", 403, "{\"message\":\"Movie Quota exceeded.\"}")),
                "a quota refusal is not a credential problem");
        assertFalse(CredentialWatch.rejected(answer("plex", 404, "")));
        assertFalse(CredentialWatch.rejected(answer("plex", 200, "{}")));
        assertFalse(CredentialWatch.rejected(answer("plex-tv", 401, "")), "plex.tv user tokens are not watched");
    }
}
