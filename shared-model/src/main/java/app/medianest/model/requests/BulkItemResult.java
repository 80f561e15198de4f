package app.medianest.model.requests;

import app.medianest.model.RequestStatus;

import java.util.UUID;

/**
 * The outcome for one id of a bulk action: {@code ok} with the new {@code status}, or not ok with an
 * {@code error} (for example {@code INVALID_STATE} or {@code REQUEST_NOT_FOUND}).
 */
public record BulkItemResult(UUID id, boolean ok, RequestStatus status, Error error) {

    /** Why one id failed, with the same code a single-id call would have answered. */
    public record Error(String code, String message) {
    }

    public static BulkItemResult success(UUID id, RequestStatus status) {
        return new BulkItemResult(id, true, status, null);
    }

    public static BulkItemResult failure(UUID id, String code, String message) {
        return new BulkItemResult(id, false, null, new Error(code, message));
    }
}
