package app.medianest.server.requests;

import app.medianest.model.Role;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;
import app.medianest.server.users.UserRepository;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Quotas and auto-approval over HTTP: {@code GET /api/v1/me/quota} (anyone signed in),
 * {@code GET/PUT /api/v1/admin/request-rules} (the household defaults) and
 * {@code GET/PUT /api/v1/admin/users/{id}/request-rules} (one user's overrides; null follows the default).
 */
public final class RequestRulesHttp {
    private static final int MAX_LIMIT = 10_000;
    private static final int MAX_DAYS = 3650;

    /** The defaults as sent: every field optional (absent keeps the current value). */
    public record RulesBody(Integer movieLimit, Integer movieDays, Integer tvLimit, Integer tvDays,
                            List<String> autoApproveMovie, List<String> autoApproveTv) {
    }

    /** One user's overrides as sent: null or absent follows the default. */
    public record OverridesBody(Integer movieLimit, Integer movieDays, Integer tvLimit, Integer tvDays,
                                Boolean autoApproveMovie, Boolean autoApproveTv) {
    }

    private final RequestService requests;
    private final RequestRulesStore store;
    private final UserRepository users;

    public RequestRulesHttp(RequestService requests, RequestRulesStore store, UserRepository users) {
        this.requests = requests;
        this.store = store;
        this.users = users;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/me/quota", Access.USER, ex -> ex.ok(requests.quota(ex.principal())))
                .get("/api/v1/admin/request-rules", Access.ADMIN, ex -> ex.ok(view(store.defaults())))
                .put("/api/v1/admin/request-rules", Access.ADMIN, this::putDefaults)
                .get("/api/v1/admin/users/{id}/request-rules", Access.ADMIN, this::getOverrides)
                .put("/api/v1/admin/users/{id}/request-rules", Access.ADMIN, this::putOverrides);
    }

    private void putDefaults(Exchange ex) {
        RulesBody b = ex.body(RulesBody.class);
        RequestRules cur = store.defaults();
        Validator v = new Validator();
        int movieLimit = range(v, "movieLimit", b.movieLimit(), cur.movieLimit(), 0, MAX_LIMIT);
        int movieDays = range(v, "movieDays", b.movieDays(), cur.movieDays(), 1, MAX_DAYS);
        int tvLimit = range(v, "tvLimit", b.tvLimit(), cur.tvLimit(), 0, MAX_LIMIT);
        int tvDays = range(v, "tvDays", b.tvDays(), cur.tvDays(), 1, MAX_DAYS);
        Set<Role> movie = roles(v, "autoApproveMovie", b.autoApproveMovie(), cur.autoApproveMovie());
        Set<Role> tv = roles(v, "autoApproveTv", b.autoApproveTv(), cur.autoApproveTv());
        v.check();
        RequestRules next = new RequestRules(movieLimit, movieDays, tvLimit, tvDays, movie, tv);
        store.saveDefaults(next);
        ex.ok(view(next));
    }

    private void getOverrides(Exchange ex) {
        UUID id = existingUser(ex);
        ex.ok(view(id, store.overrides(id)));
    }

    private void putOverrides(Exchange ex) {
        UUID id = existingUser(ex);
        OverridesBody b = ex.body(OverridesBody.class);
        Validator v = new Validator();
        Integer movieLimit = range(v, "movieLimit", b.movieLimit(), null, 0, MAX_LIMIT);
        Integer movieDays = range(v, "movieDays", b.movieDays(), null, 1, MAX_DAYS);
        Integer tvLimit = range(v, "tvLimit", b.tvLimit(), null, 0, MAX_LIMIT);
        Integer tvDays = range(v, "tvDays", b.tvDays(), null, 1, MAX_DAYS);
        v.check();
        RequestRules.UserOverrides o = new RequestRules.UserOverrides(movieLimit, movieDays, tvLimit, tvDays,
                b.autoApproveMovie(), b.autoApproveTv());
        store.saveOverrides(id, o);
        ex.ok(view(id, o));
    }

    private UUID existingUser(Exchange ex) {
        UUID id = ex.pathId("id", "User");
        if (users.findById(id).isEmpty()) {
            throw ApiException.notFound("USER_NOT_FOUND", "No such user");
        }
        return id;
    }

    private static Integer range(Validator v, String field, Integer value, Integer fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            v.fail(field, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value;
    }

    private static Set<Role> roles(Validator v, String field, List<String> given, Set<Role> fallback) {
        if (given == null) {
            return fallback;
        }
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (int i = 0; i < given.size(); i++) {
            try {
                out.add(Role.parse(given.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                v.fail(field + "[" + i + "]", "must be 'user' or 'admin'");
            }
        }
        return out;
    }

    private static Map<String, Object> view(RequestRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("movieLimit", r.movieLimit());
        m.put("movieDays", r.movieDays());
        m.put("tvLimit", r.tvLimit());
        m.put("tvDays", r.tvDays());
        m.put("autoApproveMovie", r.autoApproveMovie().stream().map(Role::wire).sorted().toList());
        m.put("autoApproveTv", r.autoApproveTv().stream().map(Role::wire).sorted().toList());
        return m;
    }

    private static Map<String, Object> view(UUID userId, RequestRules.UserOverrides o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", userId.toString());
        m.put("movieLimit", o.movieLimit());
        m.put("movieDays", o.movieDays());
        m.put("tvLimit", o.tvLimit());
        m.put("tvDays", o.tvDays());
        m.put("autoApproveMovie", o.autoApproveMovie());
        m.put("autoApproveTv", o.autoApproveTv());
        return m;
    }
}
