package app.medianest.server.requests;

import app.medianest.model.requests.BulkRequestAction;
import app.medianest.model.requests.DeclineMediaRequest;
import app.medianest.model.Envelope;
import app.medianest.model.MediaRequestView;
import app.medianest.server.cache.ResponseCache;
import app.medianest.server.db.Page;
import app.medianest.server.http.Access;
import app.medianest.server.http.ListParams;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code /api/v1/admin/requests}: everyone's requests, approve, decline, bulk approve/decline. */
public final class AdminRequestsHttp {
    /** Most ids one bulk call may name. */
    static final int MAX_BULK = 100;
    /** Longest decline reason (the column's size). */
    static final int MAX_REASON = 1000;

    private final RequestService requests;
    private final ResponseCache pages;

    /**
     * @param pages the cache of serialized pages, keyed by the validated parameters and emptied by every request
     *              or user change (see DashboardCaches)
     */
    public AdminRequestsHttp(RequestService requests, ResponseCache pages) {
        this.requests = requests;
        this.pages = pages;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/requests", Access.ADMIN, this::listAll)
                .post("/api/v1/admin/requests/bulk", Access.ADMIN, this::bulk)
                .post("/api/v1/admin/requests/{id}/approve", Access.ADMIN, this::approve)
                .post("/api/v1/admin/requests/{id}/decline", Access.ADMIN, this::decline);
    }

    private void listAll(Exchange ex) {
        RequestListQuery q = RequestListQuery.parse(ex, true);
        ListParams p = q.page();
        pages.send(ex, "admin.requests|" + q.filter() + "|" + p, () -> {
            Page<MediaRequestView> page = p.run(() -> requests.list(q.filter(), p.sort(), p.desc(), p.cursor(),
                    p.limit()));
            return Envelope.of(page.items(), Exchange.meta("nextCursor", page.nextCursor(), "limit", p.limit()));
        });
    }

    private void approve(Exchange ex) {
        UUID id = ex.pathId("id", "Request");
        ex.ok(requests.approve(ex.principal(), id));
    }

    private void decline(Exchange ex) {
        UUID id = ex.pathId("id", "Request");
        DeclineMediaRequest b = ex.bodyOrDefault(DeclineMediaRequest.class, new DeclineMediaRequest(null));
        Validator v = new Validator();
        String reason = v.text("reason", b.reason(), MAX_REASON);
        v.check();
        ex.ok(requests.decline(ex.principal(), id, reason == null || reason.isBlank() ? null : reason));
    }

    private void bulk(Exchange ex) {
        BulkRequestAction b = ex.body(BulkRequestAction.class);
        Validator v = new Validator();
        List<UUID> ids = ids(v, b.ids());
        RequestService.BulkAction action = v.parse("action", b.action(), AdminRequestsHttp::action);
        String reason = v.text("reason", b.reason(), MAX_REASON);
        v.check();
        ex.ok(requests.bulk(ex.principal(), ids, action, reason == null || reason.isBlank() ? null : reason));
    }

    private static List<UUID> ids(Validator v, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return v.fail("ids", "give 1 to " + MAX_BULK + " request ids");
        }
        if (ids.size() > MAX_BULK) {
            return v.fail("ids", "at most " + MAX_BULK + " ids per call (was " + ids.size() + ")");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                return v.fail("ids[" + i + "]", "must be a request id");
            }
            if (!seen.add(ids.get(i))) {
                return v.fail("ids[" + i + "]", "is listed twice");
            }
        }
        return List.copyOf(ids);
    }

    private static RequestService.BulkAction action(String raw) {
        return switch (raw) {
            case "approve" -> RequestService.BulkAction.APPROVE;
            case "decline" -> RequestService.BulkAction.DECLINE;
            default -> throw new IllegalArgumentException("must be approve or decline");
        };
    }
}
