package app.medianest.server.auth;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.model.auth.SessionResponse;
import app.medianest.server.db.DataAccessException;
import app.medianest.server.db.Jdbc;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.TextRules;
import app.medianest.server.settings.AppSettings;
import app.medianest.server.users.User;
import app.medianest.server.users.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Accounts: first-run setup, password sign-in (uniform failures, rate limited before any hashing),
 * password changes, Plex sign-in, and the admin's user changes with self-protection.
 */
public final class AccountService {
    private static final System.Logger LOG = System.getLogger(AccountService.class.getName());

    private final Jdbc jdbc;
    private final UserRepository users;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final LoginRateLimiter limiter;
    private final SecretBox secrets;
    private final AppSettings settings;
    private final Clock clock;
    private volatile String dummyHash;
    private volatile String setupToken;
    private volatile Runnable usersChanged = () -> { };

    public AccountService(Jdbc jdbc, UserRepository users, SessionService sessions, PasswordHasher hasher,
                          LoginRateLimiter limiter, SecretBox secrets, AppSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.limiter = limiter;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs {@code listener} after every change this service makes to what a list of users shows (an account made or
     * deleted, a sign-in, a role or status changed), before the change's answer is sent.
     *
     * @param listener what to run (one listener; the portal drops its rendered user lists)
     */
    public void onUsersChanged(Runnable listener) {
        this.usersChanged = listener;
    }

    /**
     * The hash a sign-in for an unknown user is checked against, so that it costs as much as a wrong password.
     * Made at the first such sign-in rather than at start-up (an Argon2 hash is tens of milliseconds).
     */
    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash("medianest-dummy-password-for-timing");
            dummyHash = h;
        }
        return h;
    }

    /**
     * At start: creates the admin from {@code MEDIANEST_ADMIN_USERNAME}/{@code _PASSWORD} when there is none,
     * otherwise (still no admin) makes a one-time setup token and logs it once.
     */
    public void firstRun(String adminUsername, String adminPassword) {
        if (users.countByRole(Role.ADMIN) > 0) {
            return;
        }
        if (adminUsername != null && adminPassword != null) {
            createUser(adminUsername, adminPassword, null, Role.ADMIN, "MEDIANEST_ADMIN_");
            LOG.log(System.Logger.Level.INFO, "Created the admin account ''{0}'' from MEDIANEST_ADMIN_USERNAME",
                    adminUsername);
            return;
        }
        setupToken = Secrets.newToken("setup_").substring(0, 30);
        LOG.log(System.Logger.Level.WARNING, "No admin account yet. Create it in the console, or with POST "
                + "/api/v1/auth/setup and this one-time setup token: {0}", setupToken);
    }

    /** The pending one-time setup token (shown by the console), or empty once an admin exists. */
    public Optional<String> setupToken() {
        return Optional.ofNullable(setupToken);
    }

    public SessionResponse setup(String username, String password, String email, String token, String address,
                                 String userAgent) {
        String expected = setupToken;
        if (users.countByRole(Role.ADMIN) > 0 || expected == null) {
            throw ApiException.conflict("SETUP_COMPLETE", "Setup is already complete");
        }
        if (token == null || !java.security.MessageDigest.isEqual(expected.getBytes(), token.getBytes())) {
            throw new ApiException(403, "INVALID_SETUP_TOKEN", "The setup token is not valid");
        }
        User admin;
        synchronized (this) {
            if (setupToken == null) {
                throw ApiException.conflict("SETUP_COMPLETE", "Setup is already complete");
            }
            admin = createUser(username, password, email, Role.ADMIN, "");
            setupToken = null;
        }
        SessionService.Issued issued = sessions.issue(admin.id(), false, address, userAgent);
        return new SessionResponse(admin.view(), issued.token(), issued.expiresAt());
    }

    /** Password sign-in. Every failure is the same 401, and costs the same hashing time. */
    public SessionResponse login(String username, String password, boolean rememberMe, String address,
                                 String userAgent) {
        OptionalLong wait = limiter.retryAfter(address, username);
        if (wait.isPresent()) {
            throw ApiException.rateLimited(wait.getAsLong(), "Too many failed sign-ins; try again later");
        }
        Optional<User> user = users.findByUsername(username);
        String hash = user.map(User::passwordHash).orElse(null);
        boolean ok = hasher.verify(password, hash != null ? hash : dummyHash()) && hash != null
                && user.get().status() == UserStatus.ACTIVE;
        if (!ok) {
            limiter.recordFailure(address, username);
            throw new ApiException(401, "INVALID_CREDENTIALS", "Wrong user name or password");
        }
        limiter.recordSuccess(address, username);
        User u = user.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (hasher.needsRehash(hash)) {
            jdbc.update("UPDATE users SET password_hash = ?, last_login_at = ? WHERE id = ?", hasher.hash(password),
                    now, u.id());
        } else {
            jdbc.update("UPDATE users SET last_login_at = ? WHERE id = ?", now, u.id());
        }
        usersChanged.run();
        SessionService.Issued issued = sessions.issue(u.id(), rememberMe, address, userAgent);
        return new SessionResponse(u.view(), issued.token(), issued.expiresAt());
    }

    /** Changes a local password and ends every session of the user (including the current one). */
    public void changePassword(UUID userId, String current, String next) {
        User u = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("Unknown user"));
        if (u.passwordHash() == null) {
            throw ApiException.conflict("NO_LOCAL_PASSWORD", "This account signs in with Plex and has no password");
        }
        if (!hasher.verify(current, u.passwordHash())) {
            throw new ApiException(401, "INVALID_CREDENTIALS", "The current password is wrong");
        }
        checkPolicy(u.username(), next, "newPassword");
        jdbc.update("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", hasher.hash(next),
                clock.instant().truncatedTo(ChronoUnit.MICROS), userId);
        sessions.revokeAll(userId);
    }

    /** Creates a local account (setup, admin, unattended admin). */
    public User createUser(String username, String password, String email, Role role, String fieldPrefix) {
        String name = username == null ? null : TextRules.nfc(username).strip();
        String problem = name == null ? "is required" : TextRules.usernameProblem(name);
        if (problem != null) {
            throw ApiException.validation(fieldPrefix.isEmpty() ? "username" : fieldPrefix + "USERNAME", problem);
        }
        username = name;
        checkPolicy(username, password, fieldPrefix.isEmpty() ? "password" : fieldPrefix + "PASSWORD");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User u = new User(UUID.randomUUID(), username, email, role, UserStatus.ACTIVE, hasher.hash(password), null,
                null, now, now, null);
        try {
            User created = jdbc.inTransaction(h -> users.insert(h, u, null));
            usersChanged.run();
            return created;
        } catch (DataAccessException.ConstraintViolation e) {
            throw ApiException.conflict("USERNAME_TAKEN", "That user name is taken");
        }
    }

    /** Minimal policy: at least 10 characters, not the user name. */
    public static void checkPolicy(String username, String password, String field) {
        if (password == null || password.length() < 10) {
            throw ApiException.validation(field, "must be at least 10 characters");
        }
        if (password.length() > 1024) {
            throw ApiException.validation(field, "must be at most 1024 characters");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            throw ApiException.validation(field, "must not be the user name");
        }
    }

    /** Signs in (creating or updating the user) with a verified Plex account and its token. */
    public SessionResponse plexSignIn(String plexId, String plexUsername, String email, String plexToken,
                                      boolean rememberMe, String address, String userAgent) {
        String sealed = secrets.encrypt(plexToken);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User user = jdbc.inTransaction(h -> {
            Optional<User> existing = users.findByPlexId(h, plexId);
            if (existing.isPresent()) {
                h.update("UPDATE users SET plex_username = ?, email = COALESCE(?, email), plex_token_enc = ?, "
                        + "last_login_at = ?, updated_at = ? WHERE id = ?", plexUsername, email, sealed, now, now,
                        existing.get().id());
                return users.findById(h, existing.get().id()).orElseThrow();
            }
            if (!settings.flag(AppSettings.PLEX_NEW_USERS, true)) {
                throw new ApiException(403, "PLEX_SIGNUP_DISABLED", "New Plex sign-ins are turned off by the admin");
            }
            String name = freeUsername(h, plexUsername);
            User u = new User(UUID.randomUUID(), name, email, Role.USER, UserStatus.ACTIVE, null, plexId,
                    plexUsername, now, now, now);
            return users.insert(h, u, sealed);
        });
        usersChanged.run();
        if (user.status() != UserStatus.ACTIVE) {
            throw new ApiException(401, "INVALID_CREDENTIALS", "This account is suspended");
        }
        SessionService.Issued issued = sessions.issue(user.id(), rememberMe, address, userAgent);
        return new SessionResponse(user.view(), issued.token(), issued.expiresAt());
    }

    /** Whether the admin lets new Plex users sign up ({@code plexNewUsersAllowed}). */
    public boolean newPlexUsersAllowed() {
        return settings.flag(AppSettings.PLEX_NEW_USERS, true);
    }

    /** Whether a MediaNest account is linked to this plex.tv account id. */
    public boolean plexAccountExists(String plexId) {
        return jdbc.withHandle(h -> users.findByPlexId(h, plexId)).isPresent();
    }

    private String freeUsername(app.medianest.server.db.Handle h, String plexUsername) {
        String base = TextRules.toUsername(plexUsername, "plex-user");
        String candidate = base;
        for (int i = 2; h.queryLong("SELECT COUNT(*) AS n FROM users WHERE username_key = ?",
                UserRepository.key(candidate)) > 0; i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    /** Admin change of role and/or status; an admin cannot demote or suspend themselves. */
    public User update(UUID actor, UUID target, Role role, UserStatus status) {
        if (actor != null && actor.equals(target) && (role == Role.USER || status == UserStatus.SUSPENDED)) {
            throw ApiException.conflict("SELF_PROTECTION", "You cannot demote or suspend yourself");
        }
        User u = users.findById(target).orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND", "No such user"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("UPDATE users SET role = ?, status = ?, updated_at = ? WHERE id = ?",
                role == null ? u.role() : role, status == null ? u.status() : status, now, target);
        if (status == UserStatus.SUSPENDED) {
            sessions.revokeAll(target);
        } else {
            sessions.userChanged(target);
        }
        usersChanged.run();
        return users.findById(target).orElseThrow();
    }

    /** Deletes a user: sessions and downloads go with them; their requests stay, with an anonymised owner. */
    public void delete(UUID actor, UUID target) {
        if (actor != null && actor.equals(target)) {
            throw ApiException.conflict("SELF_PROTECTION", "You cannot delete yourself");
        }
        users.findById(target).orElseThrow(() -> ApiException.notFound("USER_NOT_FOUND", "No such user"));
        sessions.revokeAll(target);
        users.delete(target);
        usersChanged.run();
    }
}
