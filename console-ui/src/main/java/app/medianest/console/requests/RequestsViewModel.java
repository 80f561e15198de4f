package app.medianest.console.requests;

import app.medianest.console.api.ApiClient;
import app.medianest.model.requests.BulkResult;
import app.medianest.console.api.PagedTableModel;
import app.medianest.console.concurrent.Tasks;
import app.medianest.model.MediaRequestView;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * Every user's media requests ({@code /api/v1/admin/requests}), cursor-paged, with status, type and title
 * filters; approve, decline with a reason, and bulk actions over a selection.
 */
public final class RequestsViewModel extends PagedTableModel<MediaRequestView> {
    /** Rows per page: a screenful, so a page renders in one cheap pass. */
    public static final int PAGE_SIZE = 25;

    private final StringProperty status;
    private final StringProperty mediaType;
    private final StringProperty search;
    private final StringProperty reason = new SimpleStringProperty("");

    public RequestsViewModel(ApiClient api, Tasks tasks) {
        this(api, tasks, new SimpleStringProperty("pending"), new SimpleStringProperty(""),
                new SimpleStringProperty(""));
    }

    private RequestsViewModel(ApiClient api, Tasks tasks, StringProperty status, StringProperty mediaType,
                              StringProperty search) {
        super(api, tasks, cursor -> api.page("/api/v1/admin/requests" + ApiClient.query(ApiClient.fields(
                "status", status.get(), "mediaType", mediaType.get(), "search", search.get(), "limit", PAGE_SIZE,
                "cursor", cursor)), MediaRequestView.class));
        this.status = status;
        this.mediaType = mediaType;
        this.search = search;
    }

    public void approve(MediaRequestView r) {
        act(() -> api.post("/api/v1/admin/requests/" + r.id() + "/approve", null), "Approved " + r.title());
    }

    /** Declines with the reason typed in {@link #reason()} (may be empty). */
    public void decline(MediaRequestView r) {
        String why = reason.get();
        act(() -> api.post("/api/v1/admin/requests/" + r.id() + "/decline",
                ApiClient.fields("reason", why == null || why.isBlank() ? null : why.strip())),
                "Declined " + r.title());
    }

    /** Approves or declines every request of {@code selection} in one call; reports per-id failures. */
    public void bulk(List<MediaRequestView> selection, boolean approve) {
        if (selection.isEmpty()) {
            message("Select requests first");
            return;
        }
        String why = reason.get();
        List<String> ids = selection.stream().map(r -> r.id().toString()).toList();
        tasks.run(() -> api.post("/api/v1/admin/requests/bulk", ApiClient.fields("ids", ids, "action",
                approve ? "approve" : "decline", "reason", approve || why == null || why.isBlank() ? null : why),
                BulkResult.class),
                result -> {
                    long failed = result.results().stream().filter(r -> !r.ok()).count();
                    message((approve ? "Approved " : "Declined ") + (ids.size() - failed) + " of " + ids.size()
                            + (failed > 0 ? " (" + failed + " could not change)" : ""));
                    reload();
                }, this::failed);
    }

    private void act(java.util.concurrent.Callable<?> call, String done) {
        tasks.run(call, r -> {
            message(done);
            reload();
        }, this::failed);
    }

    /** {@code ""} for all, else a request status such as {@code pending}. */
    public StringProperty status() {
        return status;
    }

    /** {@code ""}, {@code movie} or {@code tv}. */
    public StringProperty mediaType() {
        return mediaType;
    }

    public StringProperty search() {
        return search;
    }

    /** Reason sent with declines. */
    public StringProperty reason() {
        return reason;
    }
}
