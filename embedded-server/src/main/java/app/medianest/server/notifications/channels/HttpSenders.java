package app.medianest.server.notifications.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * The HTTP channels: a generic webhook (JSON, optionally signed with HMAC-SHA256), ntfy (JSON publish to the
 * server's root) and Discord (incoming webhook with one embed). Bodies are documented in docs/notifications.md.
 */
public final class HttpSenders {
    /** The signature header of the generic webhook: {@code sha256=<hex of HMAC-SHA256(secret, body)>}. */
    public static final String SIGNATURE_HEADER = "X-MediaNest-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_AGENT = "MediaNest";

    private final HttpClient client;
    private final Duration timeout;

    public HttpSenders(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    public ChannelSender webhook() {
        return new ChannelSender() {
            @Override
            public void send(ChannelConfig c, Outgoing m) {
                byte[] body = bytes(webhookBody(m));
                HttpRequest.Builder b = request(c.setting("url").orElseThrow(), body)
                        .header("X-MediaNest-Event", m.event())
                        .header("X-MediaNest-Delivery", Long.toString(m.id()));
                if (c.secret() != null) {
                    b.header(SIGNATURE_HEADER, "sha256=" + hmacHex(c.secret(), body));
                }
                post("webhook", b.build());
            }

            @Override
            public String incomplete(ChannelConfig c) {
                return c.setting("url").isEmpty() ? "the webhook needs a url" : null;
            }
        };
    }

    public ChannelSender ntfy() {
        return new ChannelSender() {
            @Override
            public void send(ChannelConfig c, Outgoing m) {
                ObjectNode n = JSON.createObjectNode().put("topic", c.setting("topic").orElseThrow())
                        .put("title", m.title()).put("message", m.message())
                        .put("priority", "critical".equals(m.severity()) ? 5 : 3);
                n.putArray("tags").add(tag(m.event()));
                HttpRequest.Builder b = request(stripSlash(c.setting("server").orElse("https://ntfy.sh")) + "/",
                        bytes(n));
                if (c.secret() != null) {
                    b.header("Authorization", "Bearer " + c.secret());
                }
                post("ntfy", b.build());
            }

            @Override
            public String incomplete(ChannelConfig c) {
                return c.setting("topic").isEmpty() ? "ntfy needs a topic" : null;
            }
        };
    }

    public ChannelSender discord() {
        return new ChannelSender() {
            @Override
            public void send(ChannelConfig c, Outgoing m) {
                ObjectNode n = JSON.createObjectNode().put("username", "MediaNest");
                ObjectNode embed = n.putArray("embeds").addObject().put("title", cut(m.title(), 256))
                        .put("description", cut(m.message(), 4000))
                        .put("color", "critical".equals(m.severity()) ? 0xE53935 : 0x3B82F6)
                        .put("timestamp", m.createdAt().toString());
                if (m.username() != null) {
                    embed.putObject("footer").put("text", "for " + m.username());
                }
                n.putObject("allowed_mentions").putArray("parse");
                post("discord", request(c.secret(), bytes(n)).build());
            }

            @Override
            public String incomplete(ChannelConfig c) {
                return c.secret() == null ? "Discord needs the webhook URL (as the channel's secret)" : null;
            }
        };
    }

    /** The generic webhook's JSON body. */
    static ObjectNode webhookBody(Outgoing m) {
        ObjectNode n = JSON.createObjectNode().put("id", m.id()).put("event", m.event()).put("title", m.title())
                .put("message", m.message()).put("severity", m.severity());
        if (m.userId() != null) {
            n.putObject("user").put("id", m.userId().toString()).put("username", m.username());
        } else {
            n.putNull("user");
        }
        n.set("data", JSON.valueToTree(m.data() == null ? Map.of() : m.data()));
        n.put("createdAt", m.createdAt().toString());
        return n;
    }

    /** Lower-case hex of HMAC-SHA256 over {@code body} with {@code secret} (UTF-8). */
    public static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String url, byte[] body) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("the channel's URL is not valid", true, null);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new DeliveryException("the channel's URL must start with http:// or https://", true, null);
        }
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private void post(String what, HttpRequest request) {
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryException(what + " could not be reached (" + e.getClass().getSimpleName() + ")",
                    false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(what + ": interrupted", false, e);
        }
        if (status >= 200 && status < 300) {
            return;
        }
        boolean transientStatus = status == 408 || status == 429 || status >= 500;
        throw new DeliveryException(what + " answered HTTP " + status, !transientStatus, null);
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String tag(String event) {
        return switch (event) {
            case "request.approved" -> "white_check_mark";
            case "request.declined" -> "x";
            case "request.available", "download.completed" -> "tada";
            case "request.failed", "download.failed" -> "warning";
            case "request.pending" -> "inbox_tray";
            case "credential" -> "key";
            case "alert" -> "rotating_light";
            case "upstream" -> "electric_plug";
            default -> "bell";
        };
    }

}
