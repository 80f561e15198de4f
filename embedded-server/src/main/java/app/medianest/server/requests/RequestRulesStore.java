package app.medianest.server.requests;

import app.medianest.model.Role;
import app.medianest.server.db.Handle;
import app.medianest.server.db.Jdbc;
import app.medianest.server.settings.AppSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The request rules: defaults as one JSON document in {@code app_settings}, per-user overrides in a table. */
public final class RequestRulesStore {
    /** The app_settings key of the defaults. */
    public static final String SETTING = "requests.rules";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppSettings settings;
    private final Jdbc jdbc;
    private final Clock clock;

    public RequestRulesStore(AppSettings settings, Jdbc jdbc, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The household defaults ({@link RequestRules#NONE} until set). */
    public RequestRules defaults() {
        return settings.get(SETTING).map(RequestRulesStore::parse).orElse(RequestRules.NONE);
    }

    public void saveDefaults(RequestRules r) {
        ObjectNode n = JSON.createObjectNode().put("movieLimit", r.movieLimit()).put("movieDays", r.movieDays())
                .put("tvLimit", r.tvLimit()).put("tvDays", r.tvDays());
        ArrayNode m = n.putArray("autoApproveMovie");
        r.autoApproveMovie().stream().map(Role::wire).sorted().forEach(m::add);
        ArrayNode t = n.putArray("autoApproveTv");
        r.autoApproveTv().stream().map(Role::wire).sorted().forEach(t::add);
        settings.put(SETTING, n.toString());
    }

    /** A user's overrides (all null when none are stored). */
    public RequestRules.UserOverrides overrides(UUID userId) {
        return jdbc.withHandle(h -> overrides(h, userId));
    }

    public RequestRules.UserOverrides overrides(Handle h, UUID userId) {
        return h.queryOne("SELECT movie_limit, movie_days, tv_limit, tv_days, auto_approve_movie, auto_approve_tv "
                + "FROM user_request_rules WHERE user_id = ?", r -> new RequestRules.UserOverrides(
                        r.nullableInt("movie_limit"), r.nullableInt("movie_days"), r.nullableInt("tv_limit"),
                        r.nullableInt("tv_days"), bool(r.string("auto_approve_movie")),
                        bool(r.string("auto_approve_tv"))), userId)
                .orElse(RequestRules.UserOverrides.NONE);
    }

    /** Stores a user's overrides (all null removes them). */
    public void saveOverrides(UUID userId, RequestRules.UserOverrides o) {
        jdbc.inTransaction(h -> {
            h.update("DELETE FROM user_request_rules WHERE user_id = ?", userId);
            if (!o.equals(RequestRules.UserOverrides.NONE)) {
                h.update("INSERT INTO user_request_rules (user_id, movie_limit, movie_days, tv_limit, tv_days, "
                        + "auto_approve_movie, auto_approve_tv, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", userId,
                        o.movieLimit(), o.movieDays(), o.tvLimit(), o.tvDays(), o.autoApproveMovie(),
                        o.autoApproveTv(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            }
            return null;
        });
    }

    private static Boolean bool(String s) {
        return s == null ? null : Boolean.valueOf(s.equalsIgnoreCase("true") || s.equalsIgnoreCase("t") || s.equals("1"));
    }

    private static RequestRules parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new RequestRules(n.path("movieLimit").asInt(0), n.path("movieDays").asInt(7),
                    n.path("tvLimit").asInt(0), n.path("tvDays").asInt(7), roles(n.path("autoApproveMovie")),
                    roles(n.path("autoApproveTv")));
        } catch (JsonProcessingException e) {
            return RequestRules.NONE;
        }
    }

    private static Set<Role> roles(JsonNode array) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (JsonNode r : array) {
            Optional.ofNullable(r.asText(null)).ifPresent(s -> {
                try {
                    out.add(Role.parse(s));
                } catch (IllegalArgumentException ignored) {
                    // an unknown role name grants nothing
                }
            });
        }
        return out;
    }
}
