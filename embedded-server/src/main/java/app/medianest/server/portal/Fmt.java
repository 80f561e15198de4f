package app.medianest.server.portal;

import app.medianest.model.MediaRequestView;
import app.medianest.model.RequestStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small formatting helpers the templates call. */
public final class Fmt {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** {@link #DAY}'s texts by epoch day: the rows of a page fall on a handful of days. */
    private static final java.util.concurrent.ConcurrentHashMap<Long, String> DAYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Fmt() {
    }

    /** Names people know for the services Uptime Kuma monitors, by monitor id (lower case, dashes). */
    private static final java.util.Map<String, String> SERVICE_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("overseerr", "Overseerr"),
            java.util.Map.entry("plex-tv", "plex.tv"),
            java.util.Map.entry("plextv", "plex.tv"),
            java.util.Map.entry("uptime-kuma", "Uptime Kuma"),
            java.util.Map.entry("uptimekuma", "Uptime Kuma"),
            java.util.Map.entry("plex", "Plex"),
            java.util.Map.entry("plex-media-server", "Plex"),
            java.util.Map.entry("youtube", "YouTube downloader"),
            java.util.Map.entry("youtube-downloader", "YouTube downloader"),
            java.util.Map.entry("yt-dlp", "YouTube downloader"),
            java.util.Map.entry("ytdlp", "YouTube downloader"));

    /**
     * The name to show for a monitored service: a known service's display name when the monitor is named by its
     * id ({@code plex-tv}, {@code uptime-kuma}), else the monitor's own name as the admin wrote it.
     */
    public static String serviceName(app.medianest.model.ServiceStatusView s) {
        String shown = s.displayName() == null || s.displayName().isBlank() ? s.name() : s.displayName();
        if (shown == null) {
            return "";
        }
        String id = shown.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replace('.', '-')
                .replaceAll("^-+|-+$", "");
        return SERVICE_NAMES.getOrDefault(id, shown);
    }

    /** "1 request", "3 requests". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "5 min ago", "3 h ago", else the date. */
    public static String ago(Instant t) {
        if (t == null) {
            return "";
        }
        Duration d = Duration.between(t, Instant.now());
        if (d.isNegative() || d.toSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h ago";
        }
        long day = Math.floorDiv(t.getEpochSecond(), 86_400);
        String text = DAYS.get(day);
        if (text == null) {
            if (DAYS.size() > 4_096) {
                DAYS.clear();
            }
            text = DAY.format(t);
            DAYS.put(day, text);
        }
        return text;
    }

    /** ISO-8601, for {@code <time datetime>}. */
    public static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** The status as people say it: "Pending", "Approved", ... */
    public static String status(RequestStatus s) {
        return label(s.wire());
    }

    /** "partially_available" → "Partially available". */
    public static String label(String wire) {
        if (wire == null || wire.isEmpty()) {
            return "";
        }
        String t = wire.replace('_', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    /** "Seasons 1, 2" / "All seasons" / "" for movies. */
    public static String seasons(MediaRequestView r) {
        if (r.mediaType() != app.medianest.model.MediaType.TV) {
            return "";
        }
        List<Integer> s = r.seasons();
        if (s == null || s.isEmpty()) {
            return "All seasons";
        }
        return (s.size() == 1 ? "Season " : "Seasons ") + s.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    /** The portal's proxy URL of a Plex picture path (the browser never talks to Plex). */
    public static String art(String plexPath) {
        return plexPath == null || plexPath.isEmpty() ? null
                : "/art?p=" + URLEncoder.encode(plexPath, StandardCharsets.UTF_8);
    }

    /** A poster URL from Overseerr (TMDB, https only), else null. */
    public static String poster(String url) {
        return url != null && url.startsWith("https://image.tmdb.org/") ? url : null;
    }

    /** An uptime as stored (already a percentage, 0-100). */
    public static String percent(Double d) {
        return d == null ? "not known" : String.format(Locale.ROOT, "%.1f %%", d);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
