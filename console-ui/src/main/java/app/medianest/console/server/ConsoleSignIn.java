package app.medianest.console.server;

import app.medianest.model.Role;
import app.medianest.model.UserStatus;
import app.medianest.server.EmbeddedServer;
import app.medianest.server.http.Principal;
import app.medianest.server.auth.SessionService;
import app.medianest.server.users.UserSummary;

import java.util.Optional;

/**
 * How the console signs in to its own server. The console owns the process and its database, so it needs no
 * password: once an admin exists it issues itself an ordinary admin session in-process (the first active
 * admin; 24 h, issued again at every start and after a restart), keeps the token in memory only and revokes it
 * when the server stops. During first-run setup it keeps the session that {@code POST /api/v1/auth/setup}
 * returns. No password and no token is ever written to disk.
 */
public final class ConsoleSignIn {
    private ConsoleSignIn() {
    }

    /** A session token for the first active admin, or empty while there is no admin (first run). */
    public static Optional<String> issue(EmbeddedServer server) {
        var components = server.components();
        if (components.accounts().setupToken().isPresent()) {
            return Optional.empty();
        }
        String cursor = null;
        do {
            var page = components.users().list(null, Role.ADMIN, "createdAt", false, cursor, 100);
            for (UserSummary u : page.items()) {
                if (u.status() == UserStatus.ACTIVE) {
                    SessionService.Issued issued = components.sessions().issue(u.id(), false, "console",
                            "MediaNest console");
                    return Optional.of(issued.token());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return Optional.empty();
    }

    /** Revokes the console's session (on stop); unknown or expired tokens are ignored. */
    public static void revoke(EmbeddedServer server, String token) {
        if (token == null || !server.isRunning()) {
            return;
        }
        try {
            Principal p = server.components().sessions().bySession(token);
            if (p != null) {
                server.components().sessions().revoke(p);
            }
        } catch (RuntimeException e) {
            System.getLogger(ConsoleSignIn.class.getName()).log(System.Logger.Level.DEBUG,
                    "Console session already gone: {0}", e.getMessage());
        }
    }
}
