package app.medianest.loadtest.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sign-ins of the virtual users (none when a token is given or the run is anonymous).
 *
 * @param attempts  login requests sent, retries after 429 included
 * @param succeeded users that obtained a token
 * @param failed    users that gave up without a token (they send no requests)
 * @param failures  failed login requests by reason ({@code 401}, {@code 429}, {@code timeout}, {@code no-token}, ...)
 */
public record LoginStats(long attempts, long succeeded, long failed, Map<String, Long> failures) {

    /** No sign-ins at all. */
    public static final LoginStats NONE = new LoginStats(0, 0, 0, Map.of());

    /** Copies the map into a sorted immutable one. */
    public LoginStats {
        failures = Collections.unmodifiableMap(new TreeMap<>(failures));
    }
}
