package app.medianest.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The sample titles and collections shared by the fakes: 40 films and 16 series with real TMDB/TVDB/IMDb ids,
 * of which 30 films and 10 series are "in the Plex library" and the rest only requestable through Overseerr.
 *
 * @param titles      every title, films first
 * @param collections Plex collections over the films
 */
public record SampleCatalog(List<SampleTitle> titles, List<SampleCollection> collections) {

    private static final String RESOURCE = "sample-catalog.json";
    private static final SampleCatalog STANDARD = load();

    /** Copies the lists. */
    public SampleCatalog {
        titles = List.copyOf(titles);
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    /** The catalogue shipped with this module. */
    public static SampleCatalog standard() {
        return STANDARD;
    }

    /** Films only. */
    public List<SampleTitle> movies() {
        return titles.stream().filter(SampleTitle::isMovie).toList();
    }

    /** Series only. */
    public List<SampleTitle> shows() {
        return titles.stream().filter(t -> !t.isMovie()).toList();
    }

    /** Titles the fake Plex library holds. */
    public List<SampleTitle> inLibrary() {
        return titles.stream().filter(SampleTitle::inLibrary).toList();
    }

    /** Titles not in the library, i.e. worth requesting. */
    public List<SampleTitle> requestable() {
        return titles.stream().filter(t -> !t.inLibrary()).toList();
    }

    /** Looks a title up by type and TMDB id. */
    public Optional<SampleTitle> find(MediaType type, int tmdbId) {
        return titles.stream().filter(t -> t.mediaType() == type && t.tmdbId() == tmdbId).findFirst();
    }

    /** Looks a title up by title, ignoring case. */
    public Optional<SampleTitle> byTitle(String title) {
        return titles.stream().filter(t -> t.title().equalsIgnoreCase(title)).findFirst();
    }

    private static SampleCatalog load() {
        try (InputStream in = SampleCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return Json.MAPPER.readValue(in, SampleCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
