package app.medianest.server.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * The portal's static files, loaded once at start-up: each is served as {@code /assets/<name>.<hash>.<ext>}
 * (the hash is of its content, so a changed file gets a new URL and old ones can be cached forever), kept
 * gzip-compressed beside the plain bytes.
 */
public final class Assets {
    /** One file: its hashed URL, type, bytes and gzip bytes. */
    public record Asset(String name, String url, String contentType, byte[] plain, byte[] gzip) {
    }

    private static final String ROOT = "portal/static/";
    private static final String[] FILES = {"app.css", "app.js", "icon.svg"};

    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final Map<String, Asset> byUrl = new LinkedHashMap<>();

    Assets() {
        for (String f : FILES) {
            add(f, read(ROOT + f));
        }
        add("icon-192.png", Icons.png(192));
        add("icon-512.png", Icons.png(512));
    }

    /** Adds a generated file (the manifest, which names other assets' URLs). */
    void add(String name, byte[] bytes) {
        String hash = hash(bytes);
        int dot = name.lastIndexOf('.');
        String url = "/assets/" + name.substring(0, dot) + "." + hash + name.substring(dot);
        Asset a = new Asset(name, url, type(name), bytes, PageGzip.gzip(RenderedPage.of(bytes),
                Deflater.BEST_COMPRESSION));
        byName.put(name, a);
        byUrl.put(url, a);
    }

    /** The hashed URL of {@code name}. */
    public String url(String name) {
        Asset a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no such asset: " + name);
        }
        return a.url();
    }

    Optional<Asset> byUrl(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    /** Every asset, for tests and the page-weight measurement. */
    public Map<String, Asset> all() {
        return Map.copyOf(byName);
    }

    private static String type(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=UTF-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=UTF-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".webmanifest")) {
            return "application/manifest+json";
        }
        return "application/octet-stream";
    }

    static String hash(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing portal asset " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
