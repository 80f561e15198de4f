package app.medianest.model.requests;

import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/admin/requests/bulk}.
 *
 * @param ids    1 to 100 distinct request ids
 * @param action {@code approve} or {@code decline}
 * @param reason optional decline reason (ignored for approve)
 */
public record BulkRequestAction(List<UUID> ids, String action, String reason) {
}
