package app.medianest.console.logs;

import app.medianest.console.concurrent.Tasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;

/**
 * Live tail of the server's log records from the in-memory {@link RingBufferHandler}: each {@link #poll()}
 * takes the new records in the background and appends the visible ones in one batch. The level filter and the
 * search re-filter what has been captured.
 */
public final class LogsViewModel {
    /** Rows kept in the table. */
    public static final int MAX_ROWS = 5_000;

    private final RingBufferHandler buffer;
    private final Tasks tasks;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final ObservableList<LogEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<Level> minLevel = new SimpleObjectProperty<>(Level.INFO);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper captured = new ReadOnlyIntegerWrapper();
    private volatile long lastSeq = -1;

    public LogsViewModel(RingBufferHandler buffer, Tasks tasks) {
        this.buffer = buffer;
        this.tasks = tasks;
        minLevel.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
    }

    /** Appends the records logged since the last poll that pass the filters. */
    public void poll() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        Level level = minLevel.get();
        String text = search.get();
        tasks.run(() -> {
            List<LogEntry> fresh = buffer.since(lastSeq);
            if (!fresh.isEmpty()) {
                lastSeq = fresh.getLast().seq();
            }
            return fresh.stream().filter(e -> matches(e, level, text)).toList();
        }, fresh -> {
            inFlight.set(false);
            append(fresh);
        }, e -> inFlight.set(false));
    }

    private void refilter() {
        Level level = minLevel.get();
        String text = search.get();
        tasks.run(() -> buffer.since(-1).stream().filter(e -> matches(e, level, text)).toList(), all -> {
            List<LogEntry> tail = all.size() > MAX_ROWS ? all.subList(all.size() - MAX_ROWS, all.size()) : all;
            rows.setAll(tail);
            captured.set(rows.size());
        }, e -> { });
    }

    private void append(List<LogEntry> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        int overflow = rows.size() + fresh.size() - MAX_ROWS;
        if (overflow > 0) {
            List<LogEntry> keep = new ArrayList<>(rows.subList(Math.min(overflow, rows.size()), rows.size()));
            keep.addAll(fresh.size() > MAX_ROWS ? fresh.subList(fresh.size() - MAX_ROWS, fresh.size()) : fresh);
            rows.setAll(keep);
        } else {
            rows.addAll(fresh);
        }
        captured.set(rows.size());
    }

    static boolean matches(LogEntry e, Level min, String text) {
        if (e.level().intValue() < (min == null ? Level.ALL : min).intValue()) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return e.message().toLowerCase(Locale.ROOT).contains(t) || e.logger().toLowerCase(Locale.ROOT).contains(t);
    }

    public ObservableList<LogEntry> rows() {
        return rowsView;
    }

    public ObjectProperty<Level> minLevel() {
        return minLevel;
    }

    public StringProperty search() {
        return search;
    }

    public ReadOnlyIntegerProperty shown() {
        return captured.getReadOnlyProperty();
    }
}
