package app.medianest.server.alerts;

import app.medianest.model.perf.AlertRule;
import app.medianest.server.http.Json;
import app.medianest.server.settings.AppSettings;
import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The alert rules, persisted as one JSON array in {@code app_settings} under {@code alerts.rules}; the
 * strategy's defaults ({@link AlertRule#defaults()}) until an admin changes them.
 */
public final class AlertRulesStore {
    static final String KEY = "alerts.rules";
    private static final System.Logger LOG = System.getLogger(AlertRulesStore.class.getName());
    private static final TypeReference<List<AlertRule>> LIST = new TypeReference<>() { };

    private final AppSettings settings;

    public AlertRulesStore(AppSettings settings) {
        this.settings = settings;
    }

    /** The stored rules, or the defaults when none are stored (or the stored ones cannot be read). */
    public List<AlertRule> load() {
        return settings.get(KEY).map(json -> {
            try {
                return List.copyOf(Json.MAPPER.readValue(json, LIST));
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "Stored alert rules are unreadable; using the defaults: {0}",
                        e.getMessage());
                return AlertRule.defaults();
            }
        }).orElseGet(AlertRule::defaults);
    }

    public void save(List<AlertRule> rules) {
        settings.put(KEY, new String(Json.write(rules), StandardCharsets.UTF_8));
    }
}
