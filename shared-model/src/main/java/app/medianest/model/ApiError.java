package app.medianest.model;

import java.util.Map;
import java.util.Objects;

/**
 * The error part of the standard error envelope.
 *
 * @param code          upper-snake error code, for example {@code VALIDATION_ERROR}
 * @param message       human readable message; never a stack trace or an upstream body
 * @param correlationId the request's correlation id, also sent as {@code X-Correlation-Id}
 * @param details       optional structured details, for example per-field validation messages
 */
public record ApiError(String code, String message, String correlationId, Map<String, Object> details) {
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null || details.isEmpty() ? null : Map.copyOf(details);
    }
}
