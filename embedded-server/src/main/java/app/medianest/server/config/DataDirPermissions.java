package app.medianest.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only permissions for the data directory: the directory and MediaNest's folders in it are 0700, its files
 * 0600 (the H2 database with the password hashes, logs with every request, the encryption key, backups,
 * reports, TLS keys). New files are created that way, and {@link #secure(Path)} fixes an existing install at
 * start (and hourly, for files other libraries create, such as H2's and the log rotation's).
 *
 * <p>Only MediaNest's own entries are touched, so a data directory pointed at a shared folder loses nothing:
 * top-level files named {@code medianest*}, {@code secret.key*} or {@code *.db}, and the folders {@code logs},
 * {@code reports}, {@code backups}, {@code tls} and {@code demo}. The {@code downloads} folder is left alone
 * (Plex, often another account, must read it). On file systems without POSIX permissions (Windows) this does
 * nothing; the per-user data folder is private there already.
 */
public final class DataDirPermissions {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final List<String> PRIVATE_DIRS = List.of("logs", "reports", "backups", "tls", "demo");
    private static final System.Logger LOG = System.getLogger(DataDirPermissions.class.getName());

    private DataDirPermissions() {
    }

    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and missing parents) owner-only. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            Files.setPosixFilePermissions(dir, DIR);
        } else {
            Files.createDirectories(dir);
        }
    }

    /** The attribute that creates a file owner-only (none on non-POSIX systems). */
    public static FileAttribute<?>[] privateFile() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes MediaNest's entries in {@code dataDir} owner-only; returns how many permissions were changed. */
    public static int secure(Path dataDir) {
        if (!posix() || !Files.isDirectory(dataDir)) {
            return 0;
        }
        int[] changed = {0};
        try {
            changed[0] += set(dataDir, DIR);
            try (Stream<Path> top = Files.list(dataDir)) {
                for (Path p : top.toList()) {
                    String name = p.getFileName().toString();
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && PRIVATE_DIRS.contains(name)) {
                        try (Stream<Path> tree = Files.walk(p)) {
                            for (Path q : tree.toList()) {
                                if (Files.isDirectory(q, LinkOption.NOFOLLOW_LINKS)) {
                                    changed[0] += set(q, DIR);
                                } else if (Files.isRegularFile(q, LinkOption.NOFOLLOW_LINKS)) {
                                    changed[0] += set(q, FILE);
                                }
                            }
                        }
                    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (name.startsWith("medianest")
                            || name.startsWith("secret.key") || name.endsWith(".db"))) {
                        changed[0] += set(p, FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dataDir + " private", e);
        }
        if (changed[0] > 0) {
            LOG.log(System.Logger.Level.INFO, "Made {0} entries of the data directory {1} owner-only (0700/0600)",
                    changed[0], dataDir);
        }
        return changed[0];
    }

    private static int set(Path p, Set<PosixFilePermission> wanted) throws IOException {
        try {
            if (Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                return 0;
            }
            Files.setPosixFilePermissions(p, wanted);
            return 1;
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }
}
