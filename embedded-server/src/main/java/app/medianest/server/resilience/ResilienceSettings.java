package app.medianest.server.resilience;

import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;

import java.time.Duration;

/**
 * The breaker, bulkhead, retry and timeout settings shared by every upstream.
 *
 * @param connectTimeout     connect timeout of an upstream call
 * @param callTimeout        longest an upstream call may take (counted as a failure beyond)
 * @param failureRate        failure percentage at which a breaker opens
 * @param minimumCalls       calls in a breaker's window, and the least it needs before it may open
 * @param openDuration       how long an open breaker refuses calls before its half-open probe
 * @param halfOpenCalls      probe calls allowed while half-open
 * @param maxConcurrentCalls bulkhead size: calls in flight per upstream
 * @param retryAttempts      attempts of an idempotent read (1 = no retry)
 * @param retryBackoff       first retry delay, doubled per attempt, with jitter
 */
public record ResilienceSettings(Duration connectTimeout, Duration callTimeout, int failureRate, int minimumCalls,
                                 Duration openDuration, int halfOpenCalls, int maxConcurrentCalls, int retryAttempts,
                                 Duration retryBackoff) {

    /** How long a call waits for a bulkhead slot before it is refused. */
    static final Duration BULKHEAD_WAIT = Duration.ofMillis(20);

    /** Reads and validates the settings; a bad value names its setting. */
    public static ResilienceSettings from(Settings s) {
        return new ResilienceSettings(
                s.duration(SettingsCatalog.UPSTREAM_CONNECT_TIMEOUT, Duration.ofMillis(10), Duration.ofMinutes(1)),
                s.duration(SettingsCatalog.BREAKER_CALL_TIMEOUT, Duration.ofMillis(10), Duration.ofMinutes(5)),
                s.integer(SettingsCatalog.BREAKER_FAILURE_RATE, 1, 100),
                s.integer(SettingsCatalog.BREAKER_MINIMUM_CALLS, 1, 10_000),
                s.duration(SettingsCatalog.BREAKER_OPEN_DURATION, Duration.ofMillis(10), Duration.ofHours(1)),
                s.integer(SettingsCatalog.BREAKER_HALF_OPEN_CALLS, 1, 100),
                s.integer(SettingsCatalog.UPSTREAM_MAX_CONCURRENT, 1, 1_000),
                s.integer(SettingsCatalog.RETRY_ATTEMPTS, 1, 10),
                s.duration(SettingsCatalog.RETRY_BACKOFF, Duration.ofMillis(1), Duration.ofMinutes(1)));
    }
}
