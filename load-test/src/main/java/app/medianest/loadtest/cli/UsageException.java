package app.medianest.loadtest.cli;

/** A command line that cannot be run; the message is one line naming the bad option. Exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the option, e.g. {@code --users: expected a whole number, got 'x'}
     */
    public UsageException(String message) {
        super(message);
    }
}
