package app.medianest.server.services;

import app.medianest.model.services.ServiceConfigUpdate;
import app.medianest.server.auth.SecretBox;
import app.medianest.server.config.Setting;
import app.medianest.server.config.Settings;
import app.medianest.server.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The effective configuration of every integration, kept as an immutable snapshot that clients read on each call:
 * a change through {@link #update} applies to the next upstream call, no restart needed. Settings (environment
 * variables such as {@code MEDIANEST_PLEX_URL}) win over stored values field by field.
 */
public final class ServiceConfigs {
    private static final System.Logger LOG = System.getLogger(ServiceConfigs.class.getName());

    private final ServiceConfigRepository repository;
    private final SecretBox secretBox;
    private final Settings settings;
    private final Clock clock;
    private final List<Consumer<ServiceName>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<ServiceName, ServiceConfig> current;

    public ServiceConfigs(ServiceConfigRepository repository, SecretBox secretBox, Settings settings, Clock clock) {
        this.repository = repository;
        this.secretBox = secretBox;
        this.settings = settings;
        this.clock = clock;
        reload();
    }

    /** The effective configuration of {@code name}. */
    public ServiceConfig get(ServiceName name) {
        return current.get(name);
    }

    /** Every service, in a stable order. */
    public List<ServiceConfig> all() {
        return List.copyOf(current.values());
    }

    /** Called with the service's name after its configuration changed (clear caches, reset the breaker). */
    public void onChange(Consumer<ServiceName> listener) {
        listeners.add(listener);
    }

    /**
     * Validates and stores a change; the API key is encrypted before it reaches the database.
     *
     * @throws app.medianest.server.http.ApiException 400 VALIDATION_ERROR naming the bad fields
     */
    public ServiceConfig update(ServiceName name, ServiceConfigUpdate change) {
        synchronized (this) {
            ServiceConfigRepository.Stored old = stored(name).orElse(null);
            boolean urlFromSettings = name.hasUrl() && settings.string(name.urlSetting()).isPresent();
            ServiceConfigRepository.Stored next = new ServiceUpdateValidator(name, urlFromSettings)
                    .apply(old, change, this::encrypt, clock.instant());
            repository.upsert(next);
            reload();
        }
        LOG.log(System.Logger.Level.INFO, "Configuration of {0} changed", name.wire());
        listeners.forEach(l -> l.accept(name));
        return get(name);
    }

    private Optional<ServiceConfigRepository.Stored> stored(ServiceName name) {
        return repository.findAll().stream().filter(s -> s.name().equals(name.wire())).findFirst();
    }

    private synchronized void reload() {
        Map<String, ServiceConfigRepository.Stored> rows = new LinkedHashMap<>();
        repository.findAll().forEach(s -> rows.put(s.name(), s));
        Map<ServiceName, ServiceConfig> next = new EnumMap<>(ServiceName.class);
        for (ServiceName name : ServiceName.values()) {
            next.put(name, effective(name, rows.get(name.wire())));
        }
        current = next;
    }

    private ServiceConfig effective(ServiceName name, ServiceConfigRepository.Stored row) {
        List<String> overriddenBy = new ArrayList<>();
        String url = row == null ? null : row.url();
        String apiKey = row == null ? null : decrypt(name, row.apiKeyEnc());
        if (name.hasUrl()) {
            Optional<String> fromSettings = override(name.urlSetting(), overriddenBy);
            if (fromSettings.isPresent()) {
                url = ServiceUpdateValidator.trimSlash(fromSettings.get());
            }
            Optional<String> keyFromSettings = override(name.apiKeySetting(), overriddenBy);
            if (keyFromSettings.isPresent()) {
                apiKey = keyFromSettings.get();
            }
        }
        Map<String, String> values = new LinkedHashMap<>(row == null ? Map.of() : parse(row.settingsJson()));
        name.settingOverrides().forEach((key, setting) -> override(setting, overriddenBy)
                .ifPresent(v -> values.put(key, v)));
        boolean enabled = row != null ? row.enabled() : !name.hasUrl() || url != null;
        return new ServiceConfig(name, url, enabled, apiKey, values, overriddenBy,
                row == null ? null : row.updatedAt());
    }

    private Optional<String> override(Setting setting, List<String> overriddenBy) {
        Optional<String> value = settings.string(setting);
        value.ifPresent(v -> overriddenBy.add(setting.env()));
        return value;
    }

    private String encrypt(String plain) {
        return secretBox.encrypt(plain);
    }

    private String decrypt(ServiceName name, String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return secretBox.decrypt(sealed);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The stored API key of {0} cannot be decrypted (was the encryption "
                    + "key changed?); set it again", name.wire());
            return null;
        }
    }

    static Map<String, String> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
