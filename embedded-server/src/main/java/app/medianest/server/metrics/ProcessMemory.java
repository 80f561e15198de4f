package app.medianest.server.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set size, read from {@code /proc/self/status} ({@code VmRSS}) on Linux. */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final boolean AVAILABLE = Files.isReadable(STATUS);

    private ProcessMemory() {
    }

    /** The RSS in bytes, or -1 where it cannot be read. */
    static long rssBytes() {
        if (!AVAILABLE) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return parseKb(line.substring(6)) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long parseKb(String rest) {
        String digits = rest.replace("kB", "").strip();
        return Long.parseLong(digits);
    }
}
