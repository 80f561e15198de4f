package app.medianest.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A notification receiver speaking one of three real protocols, for MediaNest's outbound notifications:
 * <ul>
 *   <li>{@link #webhook()}: a generic JSON webhook at {@code POST /hook} (200 for any JSON object);</li>
 *   <li>{@link #ntfy(String)}: an ntfy server taking JSON publishes at {@code POST /} (ntfy's JSON form:
 *       {@code topic}, {@code title}, {@code message}, {@code tags}, {@code priority} 1-5), answering the
 *       message as ntfy does; with an access token set, other callers get ntfy's 401;</li>
 *   <li>{@link #discord()}: a Discord incoming webhook at {@code POST /api/webhooks/{id}/{token}} answering 204,
 *       400 code 50006 for a message with neither content nor embeds, 404 code 10015 for an unknown webhook.</li>
 * </ul>
 * {@link #accepted()} lists the requests that were taken (answered 2xx), oldest first; the fault switches of
 * {@link FakeServer} (refuse connections, fail with a status) make it "down".
 */
public final class FakeNotifyReceiver extends FakeServer {
    /** The receiver's protocol. */
    public enum Kind { WEBHOOK, NTFY, DISCORD }

    private final Kind kind;
    private final String token;
    private final String discordId = "1234567890";
    private final List<RecordedRequest> accepted = new CopyOnWriteArrayList<>();

    private FakeNotifyReceiver(Kind kind, String token, Clock clock) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT), clock);
        this.kind = kind;
        this.token = token;
        Router router = new Router(r -> Reply.json(404, Map.of("message", "Not Found")));
        switch (kind) {
            case WEBHOOK -> router.post("/hook", this::webhookCall);
            case NTFY -> router.post("/", this::ntfyCall);
            case DISCORD -> router.post("/api/webhooks/{id}/{token}", this::discordCall);
        }
        start(0, router);
    }

    public static FakeNotifyReceiver webhook() {
        return new FakeNotifyReceiver(Kind.WEBHOOK, null, Clock.systemUTC());
    }

    /** An ntfy server; {@code accessToken} null accepts anyone. */
    public static FakeNotifyReceiver ntfy(String accessToken) {
        return new FakeNotifyReceiver(Kind.NTFY, accessToken, Clock.systemUTC());
    }

    public static FakeNotifyReceiver discord() {
        return new FakeNotifyReceiver(Kind.DISCORD, UUID.randomUUID().toString().replace("-", ""), Clock.systemUTC());
    }

    public Kind kind() {
        return kind;
    }

    /** The webhook URL to configure: {@code /hook}, the ntfy server root, or the Discord webhook URL. */
    public String targetUrl() {
        return switch (kind) {
            case WEBHOOK -> baseUrl() + "/hook";
            case NTFY -> baseUrl();
            case DISCORD -> baseUrl() + "/api/webhooks/" + discordId + "/" + token;
        };
    }

    /** The requests taken, oldest first. */
    public List<RecordedRequest> accepted() {
        return List.copyOf(accepted);
    }

    /** The taken requests' bodies as JSON. */
    public List<JsonNode> acceptedJson() {
        return accepted.stream().map(r -> Json.parseLenient(r.body())).toList();
    }

    public void clearAccepted() {
        accepted.clear();
    }

    @Override
    Reply failureReply(int status) {
        return switch (kind) {
            case NTFY -> Reply.json(status, Map.of("code", status * 100 + 1, "http", status, "error", "fake failure"));
            case DISCORD -> Reply.json(status, Map.of("message", "fake failure", "code", 0));
            case WEBHOOK -> Reply.text(status, "text/plain", "fake failure");
        };
    }

    private boolean json(Call call) {
        return call.header("Content-Type").map(c -> c.startsWith("application/json")).orElse(false);
    }

    private Reply webhookCall(Call call) {
        JsonNode body = Json.parseLenient(call.request().body());
        if (!json(call) || body == null || !body.isObject()) {
            return Reply.text(400, "text/plain", "expected a JSON object");
        }
        accepted.add(call.request());
        return Reply.json(200, Map.of("ok", true));
    }

    private Reply ntfyCall(Call call) {
        if (token != null && !call.header("Authorization").orElse("").equals("Bearer " + token)) {
            return Reply.json(401, Map.of("code", 40101, "http", 401, "error", "unauthorized"));
        }
        JsonNode body = Json.parseLenient(call.request().body());
        String topic = body == null ? "" : body.path("topic").asText("");
        if (!topic.matches("[-_A-Za-z0-9]{1,64}")) {
            return Reply.json(400, Map.of("code", 40009, "http", 400, "error", "invalid request: topic invalid"));
        }
        int priority = body.path("priority").asInt(3);
        if (priority < 1 || priority > 5) {
            return Reply.json(400, Map.of("code", 40007, "http", 400, "error", "invalid priority"));
        }
        accepted.add(call.request());
        return Reply.json(200, Map.of("id", UUID.randomUUID().toString().substring(0, 12), "time",
                clock.instant().getEpochSecond(), "event", "message", "topic", topic, "title",
                body.path("title").asText(""), "message", body.path("message").asText("")));
    }

    private Reply discordCall(Call call) {
        if (!call.path("id").equals(discordId) || !call.path("token").equals(token)) {
            return Reply.json(404, Map.of("message", "Unknown Webhook", "code", 10015));
        }
        JsonNode body = Json.parseLenient(call.request().body());
        boolean hasContent = body != null && !body.path("content").asText("").isBlank();
        boolean hasEmbeds = body != null && body.path("embeds").isArray() && !body.path("embeds").isEmpty();
        if (!json(call) || !(hasContent || hasEmbeds)) {
            return Reply.json(400, Map.of("message", "Cannot send an empty message", "code", 50006));
        }
        for (JsonNode e : body.path("embeds")) {
            if (e.path("title").asText("").length() > 256 || e.path("description").asText("").length() > 4096) {
                return Reply.json(400, Map.of("message", "Invalid Form Body", "code", 50035));
            }
        }
        accepted.add(call.request());
        return Reply.empty(204);
    }
}
