package app.medianest.console.backups;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.ApiException;
import app.medianest.console.concurrent.Tasks;
import app.medianest.model.backup.BackupView;
import app.medianest.model.backup.BackupsMeta;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Backups of the embedded database ({@code /api/v1/admin/backups}): the files newest first, how old the latest
 * is, the schedule and how many are kept, "back up now", and the command that restores the selected backup (the
 * console does not restore a running server: the restore replaces the database file, so the server must be
 * stopped).
 */
public final class BackupsViewModel {
    static final String PATH = "/api/v1/admin/backups";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ApiClient api;
    private final Tasks tasks;
    private final Clock clock;
    private final ObservableList<BackupView> backups = FXCollections.observableArrayList();
    private final ObjectProperty<BackupView> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper latest = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper schedule = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper restoreCommand = new ReadOnlyStringWrapper("medianest-server restore FILE");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private BackupsMeta meta;

    /** @param clock for the latest backup's age */
    public BackupsViewModel(ApiClient api, Tasks tasks, Clock clock) {
        this.api = api;
        this.tasks = tasks;
        this.clock = clock;
        selected.addListener((o, a, b) -> restoreCommand.set(restoreCommand(b)));
    }

    private record Loaded(List<BackupView> backups, BackupsMeta meta) {
    }

    /** Reloads the list and the schedule. */
    public void refresh() {
        tasks.run(() -> {
            JsonNode envelope = api.getEnvelope(PATH);
            return new Loaded(ApiClient.convert(envelope.path("data"), ApiClient.JSON.getTypeFactory()
                    .constructCollectionType(List.class, BackupView.class)),
                    ApiClient.convert(envelope.path("meta"), BackupsMeta.class));
        }, this::apply, this::failed);
    }

    private void apply(Loaded l) {
        meta = l.meta();
        String keep = selected.get() == null ? null : selected.get().name();
        backups.setAll(l.backups());
        selected.set(l.backups().stream().filter(b -> b.name().equals(keep)).findFirst()
                .orElse(l.backups().isEmpty() ? null : l.backups().getFirst()));
        restoreCommand.set(restoreCommand(selected.get()));
        schedule.set(describe(l.meta()));
        Instant now = clock.instant();
        if (l.backups().isEmpty()) {
            latest.set(l.meta().supported() ? "No backup yet" : "No backups on this server");
        } else {
            BackupView b = l.backups().getFirst();
            latest.set("Latest backup: " + age(Duration.between(b.createdAt(), now)) + " ("
                    + TIME.format(b.createdAt()) + (b.kind().isEmpty() ? "" : ", " + b.kind()) + ")");
        }
        long interval = l.meta().intervalSeconds();
        overdue.set(l.meta().supported() && interval > 0 && (l.backups().isEmpty()
                || Duration.between(l.backups().getFirst().createdAt(), now).toSeconds() > 2 * interval));
        message.set("");
    }

    /** Backs up the database now; ignored while a backup runs. Refreshes the list afterwards. */
    public void backUpNow() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set("");
        result.set("Backing up...");
        tasks.run(() -> api.post(PATH, null, BackupView.class), b -> {
            busy.set(false);
            result.set("Backed up to " + b.name() + " (" + size(b.sizeBytes()) + ")");
            selected.set(null);
            refresh();
        }, e -> {
            busy.set(false);
            result.set("");
            failed(e);
        });
    }

    private void failed(Throwable e) {
        message.set(e instanceof ApiException a ? a.display() : String.valueOf(e.getMessage()));
    }

    private static String describe(BackupsMeta m) {
        if (!m.supported()) {
            return "This server's database is not backed up here: backups here are of an embedded H2 database file. "
                    + "PostgreSQL is backed up with pg_dump (docs/operations.md, \"PostgreSQL: pg_dump and "
                    + "pg_restore\").";
        }
        String every = m.intervalSeconds() > 0 ? "Scheduled every " + span(Duration.ofSeconds(m.intervalSeconds()))
                : "No scheduled backups (backup.interval is 0s)";
        return every + "; the newest " + m.keep() + " are kept, in " + m.directory();
    }

    private String restoreCommand(BackupView b) {
        if (b == null || meta == null) {
            return "medianest-server restore FILE";
        }
        String file = Path.of(meta.directory()).resolve(b.name()).toString();
        return "medianest-server restore " + (file.contains(" ") ? "\"" + file + "\"" : file);
    }

    /** {@code 3 h 12 min ago}, {@code 2 days 5 h ago}, {@code just now}. */
    static String age(Duration d) {
        return d.toMinutes() < 1 ? "just now" : span(d) + " ago";
    }

    /** {@code 30 s}, {@code 15 min}, {@code 3 h 12 min}, {@code 2 days 5 h}. */
    static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        long min = s / 60;
        if (min < 60) {
            return min + " min";
        }
        long h = min / 60;
        if (h < 48) {
            return h + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
        }
        return h / 24 + " days" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
    }

    /** {@code 512 B}, {@code 48.3 KB}, {@code 1.2 MB} (powers of 1024). */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    public ObservableList<BackupView> backups() {
        return backups;
    }

    /** The backup the restore command names (the newest unless the admin picks another). */
    public ObjectProperty<BackupView> selected() {
        return selected;
    }

    /** The latest backup's age, time and kind, or that there is none. */
    public ReadOnlyStringProperty latest() {
        return latest.getReadOnlyProperty();
    }

    /** True when scheduled backups are on but the latest is more than two intervals old (or missing). */
    public ReadOnlyBooleanProperty overdue() {
        return overdue.getReadOnlyProperty();
    }

    /** The schedule, how many are kept and where; or why this server's database is not backed up here. */
    public ReadOnlyStringProperty schedule() {
        return schedule.getReadOnlyProperty();
    }

    /** The command that restores the selected backup, with the server stopped. */
    public ReadOnlyStringProperty restoreCommand() {
        return restoreCommand.getReadOnlyProperty();
    }

    /** What the last "back up now" made. */
    public ReadOnlyStringProperty result() {
        return result.getReadOnlyProperty();
    }

    /** The server's error, when a call failed. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** True while a backup runs. */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }
}
