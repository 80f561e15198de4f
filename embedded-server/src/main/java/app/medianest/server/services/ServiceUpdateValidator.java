package app.medianest.server.services;

import app.medianest.model.services.ServiceConfigUpdate;
import app.medianest.server.http.Json;
import app.medianest.server.http.Validator;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Checks a {@code PUT /api/v1/admin/services/{name}} body and turns it into the row to store. */
final class ServiceUpdateValidator {
    private static final int MAX_URL = 2048;
    private static final int MAX_KEY = 1024;
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final ServiceName name;
    private final boolean urlFromSettings;
    private final Validator v = new Validator();

    ServiceUpdateValidator(ServiceName name, boolean urlFromSettings) {
        this.name = name;
        this.urlFromSettings = urlFromSettings;
    }

    ServiceConfigRepository.Stored apply(ServiceConfigRepository.Stored old, ServiceConfigUpdate u,
                                         UnaryOperator<String> encrypt, Instant now) {
        if (u.enabled() == null) {
            v.fail("enabled", "is required (true or false)");
        }
        String url = url(u.url(), Boolean.TRUE.equals(u.enabled()));
        String apiKey = u.apiKey();
        if (apiKey != null && (apiKey.length() > MAX_KEY || apiKey.chars().anyMatch(c -> c < 0x20))) {
            v.fail("apiKey", "must be at most " + MAX_KEY + " characters without control characters");
        }
        Map<String, String> settings = u.settings() == null
                ? (old == null ? Map.of() : ServiceConfigs.parse(old.settingsJson())) : settings(u.settings());
        v.check();
        String keyEnc = apiKey == null ? (old == null ? null : old.apiKeyEnc())
                : apiKey.isBlank() ? null : encrypt.apply(apiKey.strip());
        return new ServiceConfigRepository.Stored(name.wire(), url, u.enabled(), keyEnc,
                settings.isEmpty() ? null : new String(Json.write(settings), java.nio.charset.StandardCharsets.UTF_8),
                now);
    }

    private String url(String raw, boolean enabled) {
        if (!name.hasUrl()) {
            if (raw != null && !raw.isBlank()) {
                v.fail("url", name.wire() + " runs a local program and has no URL; use settings.ytdlpPath");
            }
            return null;
        }
        if (raw == null || raw.isBlank()) {
            if (enabled && !urlFromSettings) {
                v.fail("url", "is required to enable " + name.wire());
            }
            return null;
        }
        String s = raw.strip();
        if (s.length() > MAX_URL) {
            return v.fail("url", "must be at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return v.fail("url", "must be an http:// or https:// URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return v.fail("url", "must name a host");
            }
            if (uri.getRawUserInfo() != null) {
                return v.fail("url", "must not contain credentials; use apiKey");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return v.fail("url", "must not have a query or fragment");
            }
        } catch (URISyntaxException e) {
            return v.fail("url", "is not a valid URL");
        }
        return trimSlash(s);
    }

    private Map<String, String> settings(Map<String, Object> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((key, raw) -> {
            String field = "settings." + key;
            if (!name.allowedSettings().contains(key)) {
                v.fail(field, "is not a setting of " + name.wire() + " (allowed: " + name.allowedSettings() + ")");
            } else if (raw != null && !(raw instanceof String || raw instanceof Number)) {
                v.fail(field, "must be a string or a number");
            } else if (raw != null && !raw.toString().isBlank() && checkSetting(field, key, raw.toString().strip())) {
                out.put(key, raw.toString().strip());
            }
        });
        return out;
    }

    private boolean checkSetting(String field, String key, String value) {
        String problem = switch (key) {
            case "slug" -> SLUG.matcher(value).matches() ? null : "must be 1-64 letters, digits, - or _";
            case "requestUserId", "plexSectionKey" ->
                    DIGITS.matcher(value).matches() && !value.matches("0+") ? null : "must be a positive number";
            case "ytdlpPath" -> ytdlpPath(value);
            case "downloadDir" -> absolutePath(value) ? null : "must be an absolute directory path";
            default -> null;
        };
        if (problem != null) {
            v.fail(field, problem);
        }
        return problem == null;
    }

    private static boolean absolutePath(String value) {
        try {
            return value.length() <= 1024 && Path.of(value).isAbsolute();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** An admin may point at a yt-dlp build, not at an arbitrary program. */
    private static String ytdlpPath(String value) {
        try {
            Path p = Path.of(value);
            String file = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            return value.length() <= 1024 && file.startsWith("yt-dlp") && !file.contains(" ") ? null
                    : "must name a yt-dlp executable (file name starting with yt-dlp)";
        } catch (RuntimeException e) {
            return "is not a valid path";
        }
    }

    static String trimSlash(String url) {
        String s = url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
