package app.medianest.server.notifications.channels;

/**
 * A channel did not take a message. {@code permanent}: it never will (a rejected address, a 4xx answer other
 * than 408 and 429), so the message is set aside; otherwise it is retried with backoff.
 */
public final class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
