package app.medianest.server.portal;

import app.medianest.model.MediaRequestView;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.model.requests.BulkResult;
import app.medianest.server.db.Page;
import app.medianest.server.http.ApiException;
import app.medianest.server.requests.RequestFilter;
import app.medianest.server.requests.RequestService;
import app.medianest.server.users.UserSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** For an admin away from the desk: the approval queue (approve, decline with a reason, bulk) and users. */
final class AdminPages {
    private static final int MAX_BULK = 100;
    private final Portal portal;

    AdminPages(Portal portal) {
        this.portal = portal;
    }

    void routes() {
        portal.get("/admin/requests", Portal.Who.ADMIN, this::queue);
        portal.post("/admin/requests/{id}/approve", Portal.Who.ADMIN, this::approve);
        portal.post("/admin/requests/{id}/decline", Portal.Who.ADMIN, this::decline);
        portal.post("/admin/requests/bulk", Portal.Who.ADMIN, this::bulk);
        portal.get("/admin/users", Portal.Who.ADMIN, this::users);
        portal.post("/admin/users/{id}", Portal.Who.ADMIN, this::updateUser);
    }

    private void queue(Web web) {
        String cursor = web.query("cursor").orElse(null);
        String csrf = web.csrf();
        RowsPage queue;
        try {
            queue = portal.components().portalApprovals().get(RowsPage.key(csrf, cursor), () -> {
                Page<MediaRequestView> page = portal.components().requestService().list(new RequestFilter(null,
                        RequestStatus.PENDING, null, null, null, null), "createdAt", false, cursor, 50);
                return RowsPage.of(page, "/admin/requests?",
                        portal.render("admin-queue-rows", Map.of("items", page.items(), "csrf", csrf)));
            });
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "This \"more\" link is not valid any more.");
        }
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Approvals", "admin-requests"));
        m.put("count", queue.count());
        m.put("rows", queue.content());
        m.put("more", queue.more());
        web.page("admin-requests", m);
    }

    private static UUID id(Web web, String what) {
        try {
            return UUID.fromString(web.path("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no such " + what + ".");
        }
    }

    private static String reason(Web web) {
        String reason = web.field("reason").orElse(null);
        if (reason != null && reason.length() > 500) {
            throw ApiException.validation("reason", "The reason is too long (at most 500 characters).");
        }
        return reason;
    }

    private void approve(Web web) {
        portal.components().requestService().approve(web.user(), id(web, "request"));
        web.redirect("/admin/requests", "approved");
    }

    private void decline(Web web) {
        String reason = reason(web);
        portal.components().requestService().decline(web.user(), id(web, "request"), reason);
        web.redirect("/admin/requests", "declined");
    }

    private void bulk(Web web) {
        String action = web.field("action").orElse("");
        RequestService.BulkAction a = switch (action) {
            case "approve" -> RequestService.BulkAction.APPROVE;
            case "decline" -> RequestService.BulkAction.DECLINE;
            default -> throw ApiException.validation("action", "Choose approve or decline.");
        };
        String reason = reason(web);
        List<UUID> ids = new ArrayList<>();
        for (String s : web.fields("id")) {
            try {
                ids.add(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("id", "One of the selected requests is not valid.");
            }
        }
        if (ids.isEmpty()) {
            web.redirect("/admin/requests", "nothing-selected");
            return;
        }
        if (ids.size() > MAX_BULK) {
            throw ApiException.validation("id", "Select at most " + MAX_BULK + " requests at once.");
        }
        BulkResult r = portal.components().requestService().bulk(web.user(), ids.stream().distinct().toList(), a,
                reason);
        web.redirect("/admin/requests", r.failed() == 0 ? "bulk-done" : "bulk-partial");
    }

    private void users(Web web) {
        String cursor = web.query("cursor").orElse(null);
        String q = web.query("q").orElse(null);
        if (q != null && q.length() > 100) {
            throw ApiException.validation("q", "The search is too long.");
        }
        String csrf = web.csrf();
        RowsPage rows;
        try {
            rows = portal.components().portalUsers().get(RowsPage.key(csrf, q, cursor), () -> {
                Page<UserSummary> page = portal.components().users().list(q, null, "username", false, cursor, 50);
                return RowsPage.of(page, "/admin/users?" + (q == null ? "" : "q=" + Web.enc(q) + "&"),
                        portal.render("admin-user-rows", Map.of("items", page.items(), "csrf", csrf)));
            });
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "This \"more\" link is not valid any more.");
        }
        Map<String, Object> m = new HashMap<>();
        m.put("ctx", web.ctx("Users", "admin-users"));
        m.put("rows", rows.content());
        m.put("q", q == null ? "" : q);
        m.put("more", rows.more());
        web.page("admin-users", m);
    }

    private void updateUser(Web web) {
        UUID target = id(web, "user");
        Role role = web.field("role").map(r -> switch (r) {
            case "admin" -> Role.ADMIN;
            case "user" -> Role.USER;
            default -> throw ApiException.validation("role", "The role must be user or admin.");
        }).orElse(null);
        UserStatus status = web.field("status").map(s -> switch (s) {
            case "active" -> UserStatus.ACTIVE;
            case "suspended" -> UserStatus.SUSPENDED;
            default -> throw ApiException.validation("status", "The status must be active or suspended.");
        }).orElse(null);
        portal.components().accounts().update(web.user().userId(), target, role, status);
        web.redirect("/admin/users", "user-updated");
    }
}
