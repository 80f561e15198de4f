package app.medianest.server.testing;

import app.medianest.server.logging.LogSetup;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures every log line (with its stack trace, if any) written while it is open. */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LogSetup.OneLine format = new LogSetup.OneLine();
    private final Logger root = Logger.getLogger("");
    private final Level before;

    public LogCapture() {
        before = root.getLevel();
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder b = new StringBuilder(format.format(record));
        if (record.getThrown() != null) {
            StringWriter w = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(w));
            b.append(w);
        }
        lines.add(b.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines that carry a stack trace or name an exception. */
    public List<String> stackTraces() {
        return lines.stream().filter(l -> l.contains("\tat ") || l.contains("Exception:")
                || l.contains("Exception\n") || l.contains("Error:")).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(before);
    }
}
