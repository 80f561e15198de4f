package app.medianest.loadtest.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals for one endpoint (or for all of them) over a phase.
 *
 * <p>A request counts once it completes: with a response of any status or with a transport error. Responses with
 * status 400 or above are errors by status; failures without a response (connection refused or reset, timeout)
 * are transport errors, counted by kind, and have no latency.
 *
 * @param endpoint        the endpoint path, or {@value #ALL} for the total
 * @param requests        completed requests
 * @param errors          error responses plus transport errors
 * @param errorRate       errors divided by requests (1 when nothing completed)
 * @param throughputRps   completed requests per second over the phase
 * @param responseTime    latency measured from the intended send time, corrected for coordinated omission
 * @param serviceTime     latency measured from the actual send time, as uncorrected tools report it
 * @param errorsByStatus  error responses by HTTP status
 * @param transportErrors transport errors by kind ({@code timeout}, {@code connect}, {@code io}, ...)
 */
public record EndpointStats(
        String endpoint,
        long requests,
        long errors,
        double errorRate,
        double throughputRps,
        LatencyPercentiles responseTime,
        LatencyPercentiles serviceTime,
        Map<Integer, Long> errorsByStatus,
        Map<String, Long> transportErrors) {

    /** The endpoint name of the all-endpoints total. */
    public static final String ALL = "ALL";

    /** Copies the maps into sorted immutable ones. */
    public EndpointStats {
        errorsByStatus = Collections.unmodifiableMap(new TreeMap<>(errorsByStatus));
        transportErrors = Collections.unmodifiableMap(new TreeMap<>(transportErrors));
    }
}
