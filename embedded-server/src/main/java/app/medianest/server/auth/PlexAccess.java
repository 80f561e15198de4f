package app.medianest.server.auth;

import app.medianest.server.http.ApiException;
import app.medianest.server.auth.PlexTvClient;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may sign up with Plex, as Overseerr decides it ({@code checkUserAccess}): the owner of the configured Plex
 * Media Server (the account of its token), and the plex.tv accounts that server is shared with (plex.tv's
 * {@code GET /api/users}, the owner's shared-user list, an entry with the server's machine identifier). Any other
 * plex.tv account is refused unless {@code MEDIANEST_PLEX_ALLOW_ANY_ACCOUNT=true}. Only new accounts are checked;
 * people who already have an account keep signing in.
 */
public interface PlexAccess {
    /** Lets every plex.tv account sign up. */
    PlexAccess ANYONE = account -> { };

    /** Returns when {@code account} may sign up; throws 403 PLEX_ACCESS_DENIED (or an upstream error) otherwise. */
    void check(PlexTvClient.Account account);

    /** The configured Plex server (its owner token and machine identifier), or null when Plex is not configured. */
    record Server(String ownerToken, String machineIdentifier) {
        @Override
        public String toString() {
            return "Server[machineIdentifier=" + machineIdentifier + "]";
        }
    }

    /** The Overseerr rule, against the server {@code server} describes at the time of the check. */
    static PlexAccess sharedWithServer(PlexTvClient plexTv, Supplier<Server> server) {
        return account -> {
            Server s = server.get();
            if (s == null || s.ownerToken() == null || s.machineIdentifier() == null) {
                throw new ApiException(403, "PLEX_ACCESS_DENIED", "New Plex accounts can only sign up once the admin "
                        + "has connected the Plex server (its owner and the people it is shared with may then)");
            }
            if (plexTv.account(s.ownerToken()).id().equals(account.id())) {
                return;
            }
            Set<String> shared = plexTv.sharedUsers(s.ownerToken()).getOrDefault(account.id(), Set.of());
            if (!shared.contains(s.machineIdentifier())) {
                throw new ApiException(403, "PLEX_ACCESS_DENIED", "This Plex account has no access to this household's "
                        + "Plex server; ask the owner to share the server with you");
            }
        };
    }
}
