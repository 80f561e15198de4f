package app.medianest.server.auth;

import app.medianest.server.users.User;
import app.medianest.server.users.UserRepository;
import app.medianest.server.users.UserSummary;
import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.model.auth.ApiKeyCreate;
import app.medianest.model.auth.ApiKeyView;
import app.medianest.model.auth.CreateUserRequest;
import app.medianest.model.auth.UpdateUserRequest;
import app.medianest.model.auth.UserAdminView;
import app.medianest.server.auth.AccountService;
import app.medianest.server.auth.ApiKeyRepository;
import app.medianest.server.auth.SessionService;
import app.medianest.server.db.Page;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.ListParams;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;
import app.medianest.server.settings.AppSettings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Admin routes for accounts, API keys and account settings. */
public final class AdminUsersHttp {
    private final AccountService accounts;
    private final UserRepository users;
    private final SessionService sessions;
    private final ApiKeyRepository keys;
    private final AppSettings settings;
    private final Clock clock;

    public AdminUsersHttp(AccountService accounts, UserRepository users, SessionService sessions,
                          ApiKeyRepository keys, AppSettings settings, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/users", Access.ADMIN, this::listUsers)
                .post("/api/v1/admin/users", Access.ADMIN, this::createUser)
                .patch("/api/v1/admin/users/{id}", Access.ADMIN, this::updateUser)
                .delete("/api/v1/admin/users/{id}", Access.ADMIN, this::deleteUser)
                .get("/api/v1/admin/api-keys", Access.ADMIN, ex -> ex.ok(keys.list()))
                .post("/api/v1/admin/api-keys", Access.ADMIN, this::createKey)
                .delete("/api/v1/admin/api-keys/{id}", Access.ADMIN, this::revokeKey)
                .get("/api/v1/admin/settings", Access.ADMIN, this::getSettings)
                .put("/api/v1/admin/settings", Access.ADMIN, this::putSettings);
    }

    private void listUsers(Exchange ex) {
        Validator v = new Validator();
        ListParams p = ListParams.parse(ex, v, UserRepository.SORTS.keySet(), "createdAt");
        String search = v.optional("search", ex.query("search").orElse(null), 100);
        Role role = ex.query("role").map(s -> v.parse("role", s, Role::parse)).orElse(null);
        v.check();
        Page<UserSummary> page = p.run(() -> users.list(search, role, p.sort(), p.desc(), p.cursor(), p.limit()));
        ex.ok(page.items().stream().map(u -> new UserAdminView(u.id(), u.username(), u.email(), u.role(),
                u.status(), u.plexLinked(), u.requestCount(), u.createdAt(), u.lastLoginAt())).toList(),
                Exchange.meta("nextCursor", page.nextCursor(), "limit", p.limit()));
    }

    private void createUser(Exchange ex) {
        CreateUserRequest b = ex.body(CreateUserRequest.class);
        Validator v = new Validator();
        String username = v.username("username", b.username());
        v.string("password", b.password(), 1, 1024, false);
        String email = v.optional("email", b.email(), 320);
        Role role = b.role() == null ? Role.USER : v.parse("role", b.role(), Role::parse);
        v.check();
        ex.created(accounts.createUser(username, b.password(), email, role, "").view());
    }

    private void updateUser(Exchange ex) {
        UUID id = ex.pathId("id", "User");
        UpdateUserRequest b = ex.body(UpdateUserRequest.class);
        Validator v = new Validator();
        Role role = b.role() == null ? null : v.parse("role", b.role(), Role::parse);
        UserStatus status = b.status() == null ? null : v.parse("status", b.status(), UserStatus::parse);
        if (role == null && status == null) {
            v.fail("body", "give role and/or status");
        }
        v.check();
        User u = accounts.update(ex.principal().userId(), id, role, status);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("username", u.username());
        out.put("role", u.role());
        out.put("status", u.status());
        ex.ok(out);
    }

    private void deleteUser(Exchange ex) {
        UUID id = ex.pathId("id", "User");
        accounts.delete(ex.principal().userId(), id);
        ex.ok(Map.of("id", id, "deleted", true));
    }

    private void createKey(Exchange ex) {
        ApiKeyCreate b = ex.body(ApiKeyCreate.class);
        Validator v = new Validator();
        String name = v.string("name", b.name(), 1, 100, true);
        Role role = b.role() == null ? Role.USER : v.parse("role", b.role(), Role::parse);
        v.check();
        UUID id = UUID.randomUUID();
        String key = sessions.newApiKey(id, name, role, ex.principal().userId());
        ex.created(new ApiKeyView(id, name, key.substring(0, 12), role, clock.instant(), null, null, key));
    }

    private void revokeKey(Exchange ex) {
        UUID id = ex.pathId("id", "API key");
        if (!keys.exists(id)) {
            throw ApiException.notFound("API_KEY_NOT_FOUND", "No such API key");
        }
        keys.revoke(id, clock.instant()).ifPresent(sessions::revokedKey);
        ex.ok(Map.of("id", id, "revoked", true));
    }

    private void getSettings(Exchange ex) {
        ex.ok(Map.of("plexNewUsersAllowed", settings.flag(AppSettings.PLEX_NEW_USERS, true)));
    }

    /** Body {@code {"plexNewUsersAllowed": bool}}. */
    public record SettingsBody(Boolean plexNewUsersAllowed) {
    }

    private void putSettings(Exchange ex) {
        SettingsBody b = ex.body(SettingsBody.class);
        if (b.plexNewUsersAllowed() == null) {
            throw ApiException.validation("plexNewUsersAllowed", "is required");
        }
        settings.put(AppSettings.PLEX_NEW_USERS, Boolean.toString(b.plexNewUsersAllowed()));
        getSettings(ex);
    }
}
