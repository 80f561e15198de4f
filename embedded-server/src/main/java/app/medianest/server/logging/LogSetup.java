package app.medianest.server.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * java.util.logging set-up (Helidon logs through it, SLF4J is bridged to it, our code uses
 * {@link System.Logger}): one-line records on stderr and a rotating file in the data directory.
 */
public final class LogSetup {
    /** JUL holds loggers weakly: keep the ones whose level we set, or the setting is lost at the next GC. */
    private static final java.util.List<Logger> PINNED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LogSetup() {
    }

    /** Configures the root logger; {@code logDir} may be null (no file). */
    public static void configure(String level, Path logDir) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level lvl = parse(level);
        root.setLevel(lvl);
        // Logs go to stdout; stderr is kept for the one-line start-up errors and command usage.
        Handler console = new java.util.logging.StreamHandler(System.out, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        console.setLevel(lvl);
        console.setFormatter(new OneLine());
        root.addHandler(console);
        if (logDir != null) {
            try {
                app.medianest.server.config.DataDirPermissions.createPrivateDirectories(logDir);
                FileHandler file = new FileHandler(logDir.resolve("medianest.%g.log").toString(), 10_000_000, 5, true);
                if (logDir.getParent() != null) {
                    app.medianest.server.config.DataDirPermissions.secure(logDir.getParent());
                }
                file.setLevel(lvl);
                file.setFormatter(new OneLine());
                root.addHandler(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the log file in " + logDir, e);
            }
        }
        // Third-party chatter that is useful only when debugging.
        Level quiet = lvl.intValue() <= Level.FINE.intValue() ? lvl : Level.WARNING;
        PINNED.clear();
        for (String name : new String[] {"com.zaxxer.hikari", "org.flywaydb", "io.helidon"}) {
            Logger l = Logger.getLogger(name);
            l.setLevel(quiet);
            PINNED.add(l);
        }
    }

    static Level parse(String level) {
        return switch (level == null ? "INFO" : level.toUpperCase(Locale.ROOT)) {
            case "ERROR", "SEVERE" -> Level.SEVERE;
            case "WARN", "WARNING" -> Level.WARNING;
            case "DEBUG", "FINE" -> Level.FINE;
            case "TRACE", "FINEST" -> Level.FINEST;
            default -> Level.INFO;
        };
    }

    /** {@code 2026-11-26T10:00:00.123Z INFO    Database: message}. */
    public static final class OneLine extends Formatter {
        private static final DateTimeFormatter TS = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

        @Override
        public String format(LogRecord r) {
            String name = r.getLoggerName() == null ? "" : r.getLoggerName();
            StringBuilder b = new StringBuilder(160)
                    .append(TS.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(String.format(Locale.ROOT, "%-7s", levelName(r.getLevel()))).append(' ')
                    .append(name.substring(name.lastIndexOf('.') + 1)).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                java.io.StringWriter sw = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                b.append(sw);
            }
            return b.toString();
        }

        private static String levelName(Level l) {
            if (l.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (l.intValue() >= Level.WARNING.intValue()) {
                return "WARN";
            }
            if (l.intValue() >= Level.INFO.intValue()) {
                return "INFO";
            }
            return "DEBUG";
        }
    }
}
