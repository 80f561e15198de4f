package app.medianest.server.services;

import app.medianest.server.config.Setting;
import app.medianest.server.config.SettingsCatalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configurable integrations, with the settings that override their stored configuration. */
public enum ServiceName {
    PLEX("plex", "Plex Media Server", SettingsCatalog.PLEX_URL, SettingsCatalog.PLEX_TOKEN, Map.of(), Set.of()),
    OVERSEERR("overseerr", "Overseerr", SettingsCatalog.OVERSEERR_URL, SettingsCatalog.OVERSEERR_API_KEY,
            Map.of("requestUserId", SettingsCatalog.OVERSEERR_REQUEST_USER), Set.of()),
    UPTIME_KUMA("uptime-kuma", "Uptime Kuma", SettingsCatalog.UPTIME_KUMA_URL, SettingsCatalog.UPTIME_KUMA_API_KEY,
            Map.of("slug", SettingsCatalog.UPTIME_KUMA_SLUG), Set.of()),
    YOUTUBE("youtube", "YouTube downloads (yt-dlp)", null, null, orderedSettings(), Set.of("plexSectionKey"));

    private final String wire;
    private final String displayName;
    private final Setting urlSetting;
    private final Setting apiKeySetting;
    private final Map<String, Setting> settingOverrides;
    private final Set<String> storedOnlySettings;

    ServiceName(String wire, String displayName, Setting urlSetting, Setting apiKeySetting,
                Map<String, Setting> settingOverrides, Set<String> storedOnlySettings) {
        this.wire = wire;
        this.displayName = displayName;
        this.urlSetting = urlSetting;
        this.apiKeySetting = apiKeySetting;
        this.settingOverrides = settingOverrides;
        this.storedOnlySettings = storedOnlySettings;
    }

    private static Map<String, Setting> orderedSettings() {
        Map<String, Setting> m = new LinkedHashMap<>();
        m.put("ytdlpPath", SettingsCatalog.YTDLP_PATH);
        m.put("downloadDir", SettingsCatalog.DOWNLOAD_DIR);
        return m;
    }

    /** {@code plex}, {@code overseerr}, {@code uptime-kuma} or {@code youtube}. */
    public String wire() {
        return wire;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the service is reached over HTTP (youtube runs a local program instead). */
    public boolean hasUrl() {
        return urlSetting != null;
    }

    Setting urlSetting() {
        return urlSetting;
    }

    Setting apiKeySetting() {
        return apiKeySetting;
    }

    Map<String, Setting> settingOverrides() {
        return settingOverrides;
    }

    /** The {@code settings} keys an admin may store for this service. */
    Set<String> allowedSettings() {
        Set<String> keys = new java.util.TreeSet<>(settingOverrides.keySet());
        keys.addAll(storedOnlySettings);
        return keys;
    }

    /** The service with this wire name. */
    public static Optional<ServiceName> of(String wire) {
        return Arrays.stream(values()).filter(n -> n.wire.equals(wire)).findFirst();
    }
}
