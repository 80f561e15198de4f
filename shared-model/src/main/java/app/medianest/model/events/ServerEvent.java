package app.medianest.model.events;

/**
 * Something that happened on the server that signed-in clients may want to see at once. Each record is one
 * event type; {@link #type()} is its name on the wire (the SSE {@code event:} field), and the record itself is
 * the {@code data:} JSON. Who may see which event is decided by the server (owners and admins for request and
 * download events, everyone for service status, admins only for alerts).
 */
public sealed interface ServerEvent
        permits RequestUpdated, ServiceStatusChanged, DownloadProgress, AlertRaised, AlertResolved {

    /** The wire name, for example {@code request.updated}. */
    String type();
}
