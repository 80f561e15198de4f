package app.medianest.model.requests;

import java.util.List;

/** Answer of a bulk action: one result per given id, in the given order, and how many succeeded or failed. */
public record BulkResult(List<BulkItemResult> results, int succeeded, int failed) {
    public BulkResult {
        results = List.copyOf(results);
    }

    public static BulkResult of(List<BulkItemResult> results) {
        int ok = (int) results.stream().filter(BulkItemResult::ok).count();
        return new BulkResult(results, ok, results.size() - ok);
    }
}
