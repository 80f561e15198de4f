package app.medianest.model.requests;

/**
 * Optional body of {@code POST /api/v1/admin/requests/{id}/decline}.
 *
 * @param reason why the request was declined, shown to the requester (up to 1,000 characters)
 */
public record DeclineMediaRequest(String reason) {
}
