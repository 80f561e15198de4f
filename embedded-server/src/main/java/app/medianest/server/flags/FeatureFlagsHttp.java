package app.medianest.server.flags;

import app.medianest.server.http.Access;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/feature-flags} lists the flags; {@code PUT} with {@code {"session-cache": false, ...}}
 * switches some of them (unknown names and non-boolean values are 400, and then nothing changes).
 */
public final class FeatureFlagsHttp {
    private final FeatureFlags flags;

    public FeatureFlagsHttp(FeatureFlags flags) {
        this.flags = flags;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/feature-flags", Access.ADMIN, ex -> ex.ok(flags.list()))
                .put("/api/v1/admin/feature-flags", Access.ADMIN, this::setFlags);
    }

    private void setFlags(Exchange ex) {
        JsonNode body = ex.body(JsonNode.class);
        Validator v = new Validator();
        Map<String, Boolean> changes = new LinkedHashMap<>();
        if (!body.isObject() || body.isEmpty()) {
            v.fail("body", "give an object of flag names to true/false, for example {\"session-cache\": false}");
        } else {
            for (Map.Entry<String, JsonNode> e : body.properties()) {
                if (!flags.exists(e.getKey())) {
                    v.fail(e.getKey(), "is not a feature flag");
                } else if (!e.getValue().isBoolean()) {
                    v.fail(e.getKey(), "must be true or false");
                } else {
                    changes.put(e.getKey(), e.getValue().booleanValue());
                }
            }
        }
        v.check();
        flags.set(changes);
        ex.ok(flags.list());
    }
}
