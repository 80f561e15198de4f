package app.medianest.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The backup files of the embedded database as found on disk: which exist and which read back whole. Here in
 * {@code db} because the start-up integrity check names the latest good backup; the backup package builds on it.
 */
public final class BackupFiles {
    public static final String PREFIX = "medianest-";
    public static final String SUFFIX = ".zip";

    private BackupFiles() {
    }

    /** The backup zips in {@code dir}, newest first. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
            }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest backup in {@code dir} that reads back completely (zip checksums) and holds a database file. */
    public static Optional<Path> latestGood(Path dir) {
        for (Path p : files(dir)) {
            if (entryName(p).isPresent()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The {@code .mv.db} entry of a backup zip, read through to check it; empty when the zip is damaged. */
    public static Optional<String> entryName(Path zip) {
        String found = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            byte[] buf = new byte[64 * 1024];
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                while (in.read(buf) >= 0) {
                    // reading verifies the entry's CRC
                }
                if (e.getName().endsWith(".mv.db")) {
                    found = e.getName();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(found);
    }
}
