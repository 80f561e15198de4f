package app.medianest.model.events;

import app.medianest.model.ServiceState;
import app.medianest.model.ServiceStatusView;

import java.util.Objects;

/**
 * {@code service.status}: a home service's observed status changed. Seen by every signed-in client.
 *
 * @param status   the new status
 * @param previous the state before, or null when the service was not known
 */
public record ServiceStatusChanged(ServiceStatusView status, ServiceState previous) implements ServerEvent {
    public static final String TYPE = "service.status";

    public ServiceStatusChanged {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
