package app.medianest.fakes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of the fake Plex library; changes build a new snapshot. */
final class PlexLibrary {

    static final String MOVIES = "1";
    static final String SHOWS = "2";
    private static final int COLLECTION_KEYS = 901;

    /** A catalogue title and when it was added. */
    record Entry(SampleTitle title, long addedAt) {
    }

    /** A Plex collection over items of one section. */
    record Collection(String ratingKey, String sectionKey, SampleCollection source, List<String> memberKeys,
                      long addedAt) {
    }

    private final Map<String, PlexItem> items = new LinkedHashMap<>();
    private final Map<String, List<PlexItem>> children = new HashMap<>();
    private final List<Collection> collections = new ArrayList<>();
    private int nextKey = 1001;

    private PlexLibrary() {
    }

    static PlexLibrary build(List<Entry> entries, List<SampleCollection> sampleCollections) {
        PlexLibrary library = new PlexLibrary();
        entries.forEach(library::add);
        long collectionsAddedAt = entries.stream().mapToLong(Entry::addedAt).min().orElse(0);
        for (SampleCollection sample : sampleCollections) {
            List<String> members = sample.tmdbIds().stream()
                    .flatMap(id -> library.find(MediaType.MOVIE, id).stream())
                    .map(PlexItem::ratingKey).toList();
            if (!members.isEmpty()) {
                // Collections use their own key range so adding titles never renumbers them.
                String key = String.valueOf(COLLECTION_KEYS + library.collections.size());
                library.collections.add(new Collection(key, MOVIES, sample, members, collectionsAddedAt));
            }
        }
        return library;
    }

    private void add(Entry entry) {
        SampleTitle title = entry.title();
        if (title.isMovie()) {
            put(new PlexItem(key(), "movie", MOVIES, title, entry.addedAt(), 0, 0, null, null));
            return;
        }
        PlexItem show = put(new PlexItem(key(), "show", SHOWS, title, entry.addedAt(), 0, 0, null, null));
        for (int season = 1; season <= title.seasonCount(); season++) {
            long seasonAdded = entry.addedAt() + (season - 1) * 600L;
            PlexItem seasonItem = put(new PlexItem(key(), "season", SHOWS, title, seasonAdded, season, 0,
                    show.ratingKey(), null));
            for (int episode = 1; episode <= title.seasons().get(season - 1); episode++) {
                put(new PlexItem(key(), "episode", SHOWS, title, seasonAdded, episode, season,
                        seasonItem.ratingKey(), show.ratingKey()));
            }
        }
    }

    private String key() {
        return String.valueOf(nextKey++);
    }

    private PlexItem put(PlexItem item) {
        items.put(item.ratingKey(), item);
        if (item.parentRatingKey() != null) {
            children.computeIfAbsent(item.parentRatingKey(), k -> new ArrayList<>()).add(item);
        }
        return item;
    }

    Optional<PlexItem> item(String ratingKey) {
        return Optional.ofNullable(items.get(ratingKey));
    }

    List<PlexItem> children(String ratingKey) {
        return Collections.unmodifiableList(children.getOrDefault(ratingKey, List.of()));
    }

    /** Items of a section with the given Plex type code. */
    List<PlexItem> sectionItems(String sectionKey, int typeCode) {
        return items.values().stream()
                .filter(i -> i.sectionKey().equals(sectionKey) && i.typeCode() == typeCode).toList();
    }

    /** Movies and shows of all sections. */
    List<PlexItem> topLevel() {
        return items.values().stream().filter(i -> i.parentRatingKey() == null).toList();
    }

    List<PlexItem> all() {
        return List.copyOf(items.values());
    }

    Optional<PlexItem> find(MediaType type, int tmdbId) {
        String plexType = type == MediaType.MOVIE ? "movie" : "show";
        return items.values().stream()
                .filter(i -> i.type().equals(plexType) && i.source().tmdbId() == tmdbId).findFirst();
    }

    List<Collection> collections(String sectionKey) {
        return collections.stream().filter(c -> c.sectionKey().equals(sectionKey)).toList();
    }

    Optional<Collection> collection(String ratingKey) {
        return collections.stream().filter(c -> c.ratingKey().equals(ratingKey)).findFirst();
    }

    /** The collections an item belongs to. */
    List<Collection> collectionsOf(String itemKey) {
        return collections.stream().filter(c -> c.memberKeys().contains(itemKey)).toList();
    }
}
