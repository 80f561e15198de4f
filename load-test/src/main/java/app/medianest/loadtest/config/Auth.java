package app.medianest.loadtest.config;

/**
 * How virtual users authenticate. Secrets never appear in {@code toString()}.
 */
public sealed interface Auth permits Auth.Anonymous, Auth.Credentials, Auth.BearerToken {

    /**
     * No authentication: requests carry no {@code Authorization} header.
     *
     * @return the anonymous mode
     */
    static Auth anonymous() {
        return new Anonymous();
    }

    /**
     * A short name for reports: {@code anonymous}, {@code credentials} or {@code token}.
     *
     * @return the mode name
     */
    String mode();

    /** No authentication. */
    record Anonymous() implements Auth {
        @Override
        public String mode() {
            return "anonymous";
        }
    }

    /**
     * Each virtual user signs in once with {@code POST /api/v1/auth/login} and then sends its own bearer token.
     *
     * @param username the account name
     * @param password the password
     */
    record Credentials(String username, String password) implements Auth {

        /**
         * Validates the credentials.
         *
         * @throws IllegalArgumentException when either part is blank
         */
        public Credentials {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("username must not be blank, got '" + username + "'");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password for user '" + username + "' must not be empty");
            }
        }

        @Override
        public String mode() {
            return "credentials";
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    /**
     * Every virtual user sends this bearer token; nobody signs in.
     *
     * @param token the session token or API token
     */
    record BearerToken(String token) implements Auth {

        /**
         * Validates the token.
         *
         * @throws IllegalArgumentException when it is blank or contains whitespace
         */
        public BearerToken {
            if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("token must be non-blank without spaces");
            }
        }

        @Override
        public String mode() {
            return "token";
        }

        @Override
        public String toString() {
            return "BearerToken[***]";
        }
    }
}
