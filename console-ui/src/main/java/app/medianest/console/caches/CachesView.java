package app.medianest.console.caches;

import app.medianest.console.controls.Sections;
import app.medianest.console.controls.Tables;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Cache statistics with flush, feature flags with on/off, and the jobs table. */
public final class CachesView {
    private final Node root;

    public CachesView(CachesViewModel vm) {
        TableView<CacheRow> caches = new TableView<>(vm.caches());
        caches.setId("caches-table");
        caches.setPrefHeight(220);
        caches.getColumns().add(Tables.column("Cache", 180, CacheRow::name));
        caches.getColumns().add(Tables.column("Entries", 80, CacheRow::size));
        caches.getColumns().add(Tables.column("Hit rate", 80, CacheRow::hitRate));
        caches.getColumns().add(Tables.column("Hits", 90, CacheRow::hits));
        caches.getColumns().add(Tables.column("Misses", 90, CacheRow::misses));
        caches.getColumns().add(Tables.column("Evictions", 90, CacheRow::evictions));
        caches.getColumns().add(Tables.column("TTL", 70, CacheRow::ttl));
        caches.getColumns().add(Tables.column("On", 50, r -> r.enabled() ? "yes" : "no"));
        caches.setPlaceholder(new Label("No cache statistics from this server"));
        Button flush = new Button("Flush selected");
        flush.setId("cache-flush");
        flush.disableProperty().bind(caches.getSelectionModel().selectedItemProperty().isNull());
        flush.setOnAction(e -> vm.flush(caches.getSelectionModel().getSelectedItem().name()));
        Button flushAll = new Button("Flush all");
        flushAll.setOnAction(e -> vm.flush(null));

        TableView<FlagRow> flags = new TableView<>(vm.flags());
        flags.setId("flags-table");
        flags.setPrefHeight(180);
        flags.getColumns().add(Tables.column("Feature flag", 200, FlagRow::name));
        flags.getColumns().add(Tables.column("On", 50, r -> r.enabled() ? "yes" : "no"));
        flags.getColumns().add(Tables.column("What it does", 500, FlagRow::description));
        flags.setPlaceholder(new Label("No feature flags from this server"));
        Button toggle = new Button("Switch on/off");
        toggle.setId("flag-toggle");
        toggle.disableProperty().bind(flags.getSelectionModel().selectedItemProperty().isNull());
        toggle.setOnAction(e -> {
            FlagRow f = flags.getSelectionModel().getSelectedItem();
            vm.setFlag(f, !f.enabled());
        });

        TableView<JobRow> jobs = new TableView<>(vm.jobs());
        jobs.setId("jobs-table");
        jobs.setPrefHeight(200);
        jobs.getColumns().add(Tables.column("Job", 120, JobRow::kind));
        jobs.getColumns().add(Tables.column("Item", 220, JobRow::name));
        jobs.getColumns().add(Tables.column("State", 100, JobRow::state));
        jobs.getColumns().add(Tables.column("Detail", 360, JobRow::detail));
        jobs.setPlaceholder(new Label("No job information from this server"));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label message = new Label();
        message.textProperty().bind(vm.message());
        message.getStyleClass().add("problem");
        message.setWrapText(true);
        message.setId("caches-message");
        VBox box = new VBox(8, Sections.heading("Caches"), caches, new HBox(8, flush, flushAll, refresh),
                Sections.heading("Feature flags"), flags, toggle,
                Sections.heading("Jobs: status poller and download queue"), jobs,
                message);
        box.setPadding(new Insets(10));
        root = box;
    }

    public Node root() {
        return root;
    }
}
