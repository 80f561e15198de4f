package app.medianest.server.youtube;

import app.medianest.fakes.FakeYtDlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** A {@code yt-dlp} script that runs the fake with fixed behaviour switches (the server passes its own env). */
final class FakeYtDlpWrapper {
    private static final Path FAKE = FakeYtDlp.installTemp();

    private FakeYtDlpWrapper() {
    }

    /** Writes {@code <dir>/<name>/yt-dlp} exporting {@code env} and running the fake. */
    static Path create(Path dir, String name, Map<String, String> env) {
        try {
            Path folder = Files.createDirectories(dir.resolve(name));
            StringBuilder script = new StringBuilder("#!/bin/sh\n");
            env.forEach((k, v) -> script.append("export ").append(k).append("='").append(v).append("'\n"));
            script.append("exec '").append(FAKE).append("' \"$@\"\n");
            Path target = folder.resolve("yt-dlp");
            Files.writeString(target, script);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
