package app.medianest.model.plex;

import java.util.List;

/** {@code GET /api/v1/plex/collections/{key}}: a collection's title and items. */
public record PlexCollectionItems(String ratingKey, String title, List<PlexItemView> items) {
    /** Copies the list. */
    public PlexCollectionItems {
        items = List.copyOf(items);
    }
}
