package app.medianest.server.security;

import app.medianest.server.testing.Accounts;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 1: nobody can lock the owner out. Failures count per address and per address + user name (OWASP):
 * wrong passwords from other addresses never refuse the right password from an address without failures,
 * while the attacker's own address waits longer after every further failure.
 */
class LoginThrottlingTest {
    private static final String WRONG = "{\"username\":\"owner\",\"password\":\"not the password\"}";
    private static final String RIGHT = "{\"username\":\"owner\",\"password\":\"" + Accounts.PASSWORD + "\"}";

    @Test
    void failuresFromOtherAddressesNeverLockTheOwnerOutAndTheAttackerWaitsLongerEachTime() throws Exception {
        ManualClock clock = ManualClock.now();
        try (TestDatabase db = TestDatabase.create(DbKind.H2);
             TestServer server = TestServer.start(db, clock, Map.of())) {
            Accounts.setupAdmin(server, "owner");

            // Five wrong passwords for the owner's name, each from a different address.
            for (int i = 2; i <= 6; i++) {
                assertEquals(401, login(server, "127.0.0." + i, WRONG).statusCode());
            }
            HttpResponse<String> owner = login(server, "127.0.0.20", RIGHT);
            assertEquals(200, owner.statusCode(), "the owner signs in from an address without failures: "
                    + owner.body());

            // One attacker address: five failures, then it is throttled, even with the right password.
            String attacker = "127.0.0.7";
            for (int i = 0; i < 5; i++) {
                assertEquals(401, login(server, attacker, WRONG).statusCode());
            }
            HttpResponse<String> blocked = login(server, attacker, RIGHT);
            assertEquals(429, blocked.statusCode(), blocked.body());
            assertTrue(blocked.body().contains("RATE_LIMITED"), blocked.body());
            long first = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(first >= 25 && first <= 31, "first wait about 30 s: " + first);

            // The owner is still not affected, from yet another address.
            assertEquals(200, login(server, "127.0.0.21", RIGHT).statusCode());

            // After the wait one more try; a failure doubles the wait.
            clock.advance(Duration.ofSeconds(first + 1));
            assertEquals(401, login(server, attacker, WRONG).statusCode());
            HttpResponse<String> again = login(server, attacker, WRONG);
            assertEquals(429, again.statusCode());
            long second = Long.parseLong(again.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(second >= 55 && second <= 61, "the wait doubled: " + second);
        }
    }

    private static HttpResponse<String> login(TestServer server, String from, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from))
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (client) {
            return client.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/auth/login")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
