package app.medianest.model.events;

import app.medianest.model.MediaRequestView;

import java.util.Objects;

/**
 * {@code request.updated}: a media request was created, changed state or was deleted. Seen by its owner and
 * by admins.
 *
 * @param change  what happened
 * @param request the request after the change (for {@code deleted}: as it was before)
 */
public record RequestUpdated(RequestChange change, MediaRequestView request) implements ServerEvent {
    public static final String TYPE = "request.updated";

    public RequestUpdated {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(request, "request");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
