package app.medianest.console.caches;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.ApiException;
import app.medianest.console.concurrent.Tasks;
import app.medianest.model.ServiceStatusView;
import app.medianest.model.perf.CacheStats;
import app.medianest.model.perf.FeatureFlag;
import app.medianest.model.perf.PerfSnapshot;
import app.medianest.model.youtube.DownloadView;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Caches and jobs: per-cache statistics and flush, feature flags, and what the background jobs are doing as far
 * as the server exposes it (the status poller's last checks, the download queue). One refresh loads all parts
 * in the background; parts a server does not serve stay empty and are named in {@link #message()}.
 */
public final class CachesViewModel {
    private final ApiClient api;
    private final Tasks tasks;
    private final ObservableList<CacheRow> caches = FXCollections.observableArrayList();
    private final ObservableList<FlagRow> flags = FXCollections.observableArrayList();
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String lastAction = "";

    public CachesViewModel(ApiClient api, Tasks tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    private record Loaded(List<CacheRow> caches, List<FlagRow> flags, List<JobRow> jobs, String problems) {
    }

    public void refresh() {
        tasks.run(this::load, l -> {
            caches.setAll(l.caches());
            flags.setAll(l.flags());
            jobs.setAll(l.jobs());
            message.set(lastAction.isEmpty() ? l.problems()
                    : l.problems().isEmpty() ? lastAction : lastAction + ". " + l.problems());
            lastAction = "";
        }, this::failed);
    }

    private Loaded load() {
        List<String> problems = new ArrayList<>();
        List<CacheRow> c = new ArrayList<>();
        List<FlagRow> f = new ArrayList<>();
        List<JobRow> j = new ArrayList<>();
        try {
            for (CacheStats n : api.get("/api/v1/performance/metrics", PerfSnapshot.class).caches().caches()) {
                c.add(new CacheRow(n.name(), n.size(), String.format(Locale.ROOT, "%.1f %%", n.hitRate()), n.hits(),
                        n.misses(), n.evictions(), n.ttlSeconds() + " s", n.enabled()));
            }
        } catch (ApiException e) {
            problems.add("caches: " + e.display());
        }
        try {
            for (FeatureFlag n : api.list("/api/v1/admin/feature-flags", FeatureFlag.class)) {
                f.add(new FlagRow(n.name(), n.enabled(), n.description() == null ? "" : n.description()));
            }
        } catch (ApiException e) {
            problems.add("feature flags: " + e.display());
        }
        try {
            for (ServiceStatusView n : api.list("/api/v1/dashboard/status", ServiceStatusView.class)) {
                j.add(new JobRow("status poller", n.displayName() == null ? n.name() : n.displayName(),
                        String.valueOf(n.status()), "checked " + when(n.lastCheckAt())
                        + (n.responseTimeMs() != null ? ", " + n.responseTimeMs() + " ms" : "")));
            }
        } catch (ApiException e) {
            problems.add("status poller: " + e.display());
        }
        try {
            for (DownloadView n : api.list("/api/v1/youtube/downloads?limit=50", DownloadView.class)) {
                j.add(new JobRow("download", n.title() == null ? n.url() : n.title(), String.valueOf(n.status()),
                        n.progress() + " %"));
            }
        } catch (ApiException e) {
            problems.add("download queue: " + e.display());
        }
        return new Loaded(c, f, j, String.join("; ", problems));
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    private static String when(java.time.Instant at) {
        return at == null ? "never" : TIME.format(at);
    }

    /** Empties one cache, or all of them for null. */
    public void flush(String cache) {
        tasks.run(() -> api.post("/api/v1/admin/cache/flush", cache == null ? null : ApiClient.fields("cache", cache)),
                r -> {
                    lastAction = cache == null ? "Flushed every cache" : "Flushed " + cache;
                    refresh();
                }, this::failed);
    }

    /** Switches a feature flag. */
    public void setFlag(FlagRow flag, boolean on) {
        tasks.run(() -> api.put("/api/v1/admin/feature-flags", ApiClient.fields(flag.name(), on)), r -> {
            lastAction = flag.name() + (on ? " switched on" : " switched off");
            refresh();
        }, this::failed);
    }

    private void failed(Throwable e) {
        message.set(e instanceof ApiException a ? a.display() : String.valueOf(e.getMessage()));
    }

    public ObservableList<CacheRow> caches() {
        return caches;
    }

    public ObservableList<FlagRow> flags() {
        return flags;
    }

    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
