package app.medianest.server.services;

import app.medianest.model.services.ServiceTestResult;
import app.medianest.server.upstream.UpstreamException;

import java.util.Map;
import java.util.function.Function;

/**
 * Tries one integration now with its current configuration, bypassing its circuit breaker (an admin who just
 * fixed a URL wants to know at once) but not its timeouts.
 */
public final class ServiceTester {
    private final ServiceConfigs configs;
    private final Map<ServiceName, Function<ServiceConfig, String>> probes;

    /**
     * @param probes per service: one call that returns a short description of what answered, or throws
     *               {@link UpstreamException}
     */
    public ServiceTester(ServiceConfigs configs, Map<ServiceName, Function<ServiceConfig, String>> probes) {
        this.configs = configs;
        this.probes = Map.copyOf(probes);
    }

    public ServiceTestResult test(ServiceName name) {
        ServiceConfig c = configs.get(name);
        if (name.hasUrl() && c.url() == null) {
            return new ServiceTestResult(false, 0, name.displayName() + " has no URL configured");
        }
        Function<ServiceConfig, String> probe = probes.get(name);
        if (probe == null) {
            return new ServiceTestResult(false, 0, "No test is available for " + name.displayName());
        }
        long start = System.nanoTime();
        try {
            String message = probe.apply(c);
            return new ServiceTestResult(true, elapsed(start), message + (c.enabled() ? "" : " (service disabled)"));
        } catch (UpstreamException e) {
            return new ServiceTestResult(false, elapsed(start), explain(name, e));
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String explain(ServiceName name, UpstreamException e) {
        String service = name.displayName();
        return switch (e.kind()) {
            case TIMEOUT -> service + " did not answer in time";
            case UNREACHABLE -> e.getMessage() != null && e.getMessage().startsWith("yt-dlp") ? e.getMessage()
                    : service + " is unreachable (connection refused or failed)";
            case CLIENT_ERROR -> e.status() == 401 || e.status() == 403
                    ? service + " rejected the token / API key (HTTP " + e.status() + ")"
                    : service + " answered HTTP " + e.status() + " (check the URL)";
            case SERVER_ERROR -> service + " answered HTTP " + e.status();
            case BAD_RESPONSE -> service + " answered, but not as expected (check the URL)";
            default -> service + ": " + e.getMessage();
        };
    }
}
