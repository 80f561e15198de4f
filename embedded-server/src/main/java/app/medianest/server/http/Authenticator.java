package app.medianest.server.http;

import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/** Resolves the caller of a request from its credentials; empty when it carries none. */
@FunctionalInterface
public interface Authenticator {
    /** An authenticator that knows nobody: every protected route answers 401. */
    Authenticator NOBODY = req -> Optional.empty();

    /**
     * @return the caller, or empty when no credentials were presented
     * @throws ApiException 401 when credentials were presented but are invalid, expired or revoked
     */
    Optional<Principal> authenticate(ServerRequest req);
}
