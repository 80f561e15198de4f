package app.medianest.loadtest.report;

import app.medianest.loadtest.engine.EndpointStats;
import app.medianest.loadtest.engine.LoadTestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run met its {@link Targets}.
 *
 * @param passed whether every check passed
 * @param checks the individual checks
 */
public record Verdict(boolean passed, List<Check> checks) {

    /** Copies the checks. */
    public Verdict {
        checks = List.copyOf(checks);
    }

    /**
     * Checks a result against targets: the overall p50, p95 and p99 response times, the error rate, that some
     * requests completed, that no user failed to sign in, and (with a reference phase) that the reference endpoint
     * answered without errors.
     *
     * @param result  what was measured
     * @param targets the limits
     * @return the verdict
     */
    public static Verdict evaluate(LoadTestResult result, Targets targets) {
        EndpointStats all = result.overall();
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atLeast("completed requests", "count", all.requests(), 1));
        checks.add(Check.atMost("p50 response time", "ms", all.responseTime().p50Ms(), targets.p50Ms()));
        checks.add(Check.atMost("p95 response time", "ms", all.responseTime().p95Ms(), targets.p95Ms()));
        checks.add(Check.atMost("p99 response time", "ms", all.responseTime().p99Ms(), targets.p99Ms()));
        checks.add(Check.atMost("error rate", "ratio", all.errorRate(), targets.maxErrorRate()));
        checks.add(Check.atMost("failed sign-ins", "count", result.logins().failed(), 0));
        if (result.baselineRatio() != null) {
            checks.add(Check.atMost("reference error rate", "ratio", result.baselineRatio().referenceErrorRate(),
                    targets.maxErrorRate()));
        }
        return new Verdict(checks.stream().allMatch(Check::passed), checks);
    }
}
