package app.medianest.server.youtube;

import java.nio.file.Path;

/** Tells the media server that new files arrived in a folder (Plex: a library scan). Must not throw. */
@FunctionalInterface
public interface LibraryRefresher {
    /** Does nothing. */
    LibraryRefresher NONE = (directory, sectionKey) -> { };

    /**
     * @param directory  the folder with the new files
     * @param sectionKey the library section configured for downloads, or {@code null} to find it
     */
    void refresh(Path directory, String sectionKey);
}
