package app.medianest.console.notify;

import app.medianest.console.api.ApiClient;
import app.medianest.console.api.ApiException;
import app.medianest.console.concurrent.Tasks;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;

/**
 * Notification channels ({@code /api/v1/admin/notification-channels}): email, webhook, ntfy and Discord, their
 * settings, whether users may choose them, a write-only secret, and a "send test" action.
 */
public final class NotificationsViewModel {
    /** One channel as listed. */
    public record ChannelRow(String name, boolean enabled, boolean usersAllowed, Map<String, String> settings,
                             boolean secretSet, String problem, String breaker, long waiting) {
        @Override
        public String toString() {
            return name + (enabled ? "" : " (off)") + (waiting > 0 ? " - " + waiting + " waiting" : "");
        }
    }

    private final ApiClient api;
    private final Tasks tasks;
    private final ObservableList<ChannelRow> channels = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty();
    private final StringProperty settings = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty testTo = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final BooleanProperty usersAllowed = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");

    public NotificationsViewModel(ApiClient api, Tasks tasks) {
        this.api = api;
        this.tasks = tasks;
        selected.addListener((o, a, name) -> {
            testResult.set("");
            channels.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(this::edit);
        });
    }

    public void refresh() {
        tasks.run(() -> rows(api.get("/api/v1/admin/notification-channels")), rows -> {
            channels.setAll(rows);
            if (selected.get() == null && !rows.isEmpty()) {
                selected.set(rows.getFirst().name());
            } else {
                rows.stream().filter(c -> c.name().equals(selected.get())).findFirst().ifPresent(this::edit);
            }
        }, this::failed);
    }

    static List<ChannelRow> rows(JsonNode list) {
        List<ChannelRow> out = new ArrayList<>();
        for (JsonNode c : list) {
            Map<String, String> s = new LinkedHashMap<>();
            c.path("settings").properties().forEach(e -> s.put(e.getKey(), e.getValue().asText()));
            out.add(new ChannelRow(c.path("name").asText(), c.path("enabled").asBoolean(),
                    c.path("usersAllowed").asBoolean(), s, c.path("secretSet").asBoolean(),
                    c.path("problem").isNull() ? null : c.path("problem").asText(null), c.path("breaker").asText(""),
                    c.path("waiting").asLong()));
        }
        return out;
    }

    private void edit(ChannelRow c) {
        enabled.set(c.enabled());
        usersAllowed.set(c.usersAllowed());
        settings.set(String.join(", ", c.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList()));
        secret.set("");
        state.set((c.secretSet() ? "a secret is stored (leave empty to keep it)" : "no secret stored")
                + "; breaker " + c.breaker() + "; " + c.waiting() + " waiting"
                + (c.problem() == null ? "" : "; missing: " + c.problem()));
    }

    /** Saves the edited channel; an empty secret field keeps the stored secret. */
    public void save() {
        String name = selected.get();
        if (name == null) {
            return;
        }
        Map<String, Object> body = ApiClient.fields("enabled", enabled.get(), "usersAllowed", usersAllowed.get(),
                "settings", parse(settings.get()));
        if (!secret.get().isBlank()) {
            body.put("secret", secret.get().strip());
        }
        tasks.run(() -> api.put("/api/v1/admin/notification-channels/" + name, body), r -> {
            message.set("Saved " + name);
            secret.set("");
            refresh();
        }, this::failed);
    }

    /** Sends a test message through the saved configuration. */
    public void test() {
        String name = selected.get();
        if (name == null) {
            return;
        }
        testResult.set("Sending...");
        Map<String, Object> body = testTo.get().isBlank() ? Map.of() : Map.of("to", testTo.get().strip());
        tasks.run(() -> api.post("/api/v1/admin/notification-channels/" + name + "/test", body),
                r -> testResult.set((r.path("delivered").asBoolean() ? "OK" : "FAILED") + " in "
                        + r.path("elapsedMs").asLong() + " ms: " + r.path("message").asText()),
                e -> testResult.set("FAILED: " + (e instanceof ApiException a ? a.display() : e.getMessage())));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
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

    public ObservableList<ChannelRow> channels() {
        return channels;
    }

    public StringProperty selected() {
        return selected;
    }

    public StringProperty settings() {
        return settings;
    }

    public StringProperty secret() {
        return secret;
    }

    public StringProperty testTo() {
        return testTo;
    }

    public BooleanProperty enabled() {
        return enabled;
    }

    public BooleanProperty usersAllowed() {
        return usersAllowed;
    }

    public ReadOnlyStringProperty state() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResult() {
        return testResult.getReadOnlyProperty();
    }
}
