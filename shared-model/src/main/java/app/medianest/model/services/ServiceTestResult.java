package app.medianest.model.services;

/**
 * {@code POST /api/v1/admin/services/{name}/test}.
 *
 * @param ok             whether the service answered as expected
 * @param responseTimeMs how long the attempt took
 * @param message        what was found (version, server name) or what went wrong; never a secret
 */
public record ServiceTestResult(boolean ok, long responseTimeMs, String message) {
}
