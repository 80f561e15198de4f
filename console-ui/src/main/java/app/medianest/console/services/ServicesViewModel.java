package app.medianest.console.services;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.ApiException;
import app.medianest.console.dashboard.DashboardLabels;
import app.medianest.model.services.CircuitBreakerView;
import app.medianest.model.services.ServiceConfigView;
import app.medianest.model.services.ServiceTestResult;
import app.medianest.console.concurrent.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Services: configure Plex, Overseerr, Uptime Kuma and yt-dlp ({@code /api/v1/admin/services}), test a
 * connection, and see and reset the circuit breakers ({@code /api/v1/resilience/circuit-breakers}).
 */
public final class ServicesViewModel {
    private final ApiClient api;
    private final Tasks tasks;
    private final ObservableList<ServiceRow> services = FXCollections.observableArrayList();
    private final ObservableList<BreakerRow> breakers = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty settings = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper keyState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper overrides = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");

    public ServicesViewModel(ApiClient api, Tasks tasks) {
        this.api = api;
        this.tasks = tasks;
        selected.addListener((o, a, name) -> {
            testResult.set("");
            services.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(this::edit);
        });
    }

    /** Reloads the services and the breakers. */
    public void refresh() {
        tasks.run(() -> new Loaded(rows(api.list("/api/v1/admin/services", ServiceConfigView.class)), breakerRows()), l -> {
            services.setAll(l.services());
            breakers.setAll(l.breakers());
            if (selected.get() == null && !l.services().isEmpty()) {
                selected.set(l.services().getFirst().name());
            } else {
                l.services().stream().filter(s -> s.name().equals(selected.get())).findFirst().ifPresent(this::edit);
            }
        }, this::failed);
    }

    private record Loaded(List<ServiceRow> services, List<BreakerRow> breakers) {
    }

    private List<BreakerRow> breakerRows() {
        try {
            List<BreakerRow> out = new ArrayList<>();
            for (CircuitBreakerView b : api.list("/api/v1/resilience/circuit-breakers", CircuitBreakerView.class)) {
                Float rate = b.failureRate();
                out.add(new BreakerRow(b.name(), DashboardLabels.breaker(b.state()),
                        rate != null && rate >= 0 ? String.format(Locale.ROOT, "%.0f %%", rate) : "",
                        b.bufferedCalls(), b.notPermittedCalls()));
            }
            return out;
        } catch (ApiException e) {
            return List.of();
        }
    }

    static List<ServiceRow> rows(List<ServiceConfigView> list) {
        List<ServiceRow> out = new ArrayList<>();
        for (ServiceConfigView s : list) {
            out.add(new ServiceRow(s.name(), s.displayName() == null ? s.name() : s.displayName(),
                    s.url() == null ? "" : s.url(), s.enabled(), s.hasApiKey(), new LinkedHashMap<>(s.settings()),
                    new ArrayList<>(s.overriddenBy())));
        }
        return out;
    }

    private void edit(ServiceRow s) {
        url.set(s.url());
        apiKey.set("");
        enabled.set(s.enabled());
        settings.set(String.join(", ", s.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList()));
        keyState.set(s.hasApiKey() ? "a key is stored (leave empty to keep it)" : "no key stored");
        overrides.set(s.overriddenBy().isEmpty() ? "" : "Overridden by " + String.join(", ", s.overriddenBy()));
    }

    /** Saves the edited service; an empty key field keeps the stored key. */
    public void save() {
        String name = selected.get();
        if (name == null) {
            return;
        }
        Map<String, Object> body = ApiClient.fields("url", "youtube".equals(name) || url.get().isBlank() ? null
                : url.get().strip(), "enabled", enabled.get());
        if (!apiKey.get().isBlank()) {
            body.put("apiKey", apiKey.get().strip());
        }
        Map<String, Object> parsed = parseSettings(settings.get());
        if (!parsed.isEmpty()) {
            body.put("settings", parsed);
        }
        tasks.run(() -> api.put("/api/v1/admin/services/" + name, body), r -> {
            message.set("Saved " + name);
            apiKey.set("");
            refresh();
        }, this::failed);
    }

    /** Tries the saved configuration now. */
    public void test() {
        String name = selected.get();
        if (name == null) {
            return;
        }
        testResult.set("Testing...");
        tasks.run(() -> api.post("/api/v1/admin/services/" + name + "/test", null, ServiceTestResult.class), r -> {
            testResult.set((r.ok() ? "OK" : "FAILED") + " in " + r.responseTimeMs() + " ms: " + r.message());
            refresh();
        }, e -> testResult.set("FAILED: " + (e instanceof ApiException a ? a.display() : e.getMessage())));
    }

    /** Closes (resets) a breaker. */
    public void resetBreaker(BreakerRow b) {
        tasks.run(() -> api.post("/api/v1/admin/circuit-breakers/" + b.name() + "/reset", null), r -> {
            message.set("Reset the " + b.name() + " breaker");
            refresh();
        }, this::failed);
    }

    static Map<String, Object> parseSettings(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : text == null ? new String[0] : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private void failed(Throwable e) {
        message.set(e instanceof ApiException a ? a.display() : String.valueOf(e.getMessage()));
    }

    public ObservableList<ServiceRow> services() {
        return services;
    }

    public ObservableList<BreakerRow> breakers() {
        return breakers;
    }

    /** Name of the service being edited. */
    public StringProperty selected() {
        return selected;
    }

    public StringProperty url() {
        return url;
    }

    /** A new key to store; empty keeps the stored one. Never filled from the server. */
    public StringProperty apiKey() {
        return apiKey;
    }

    /** Non-secret settings as {@code key=value, key=value}. */
    public StringProperty settings() {
        return settings;
    }

    public BooleanProperty enabled() {
        return enabled;
    }

    public ReadOnlyStringProperty keyState() {
        return keyState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** Environment variables or config keys that override the stored values of the selected service. */
    public ReadOnlyStringProperty overrides() {
        return overrides.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResult() {
        return testResult.getReadOnlyProperty();
    }
}
