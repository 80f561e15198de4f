package app.medianest.server.alerts;

import app.medianest.model.perf.AlertMetric;
import app.medianest.model.perf.AlertRule;
import app.medianest.model.perf.Comparison;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;
import app.medianest.server.http.Validator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/performance/alerts} (active and recent), {@code POST /api/v1/performance/alerts/{id}/ack},
 * and {@code GET/PUT /api/v1/admin/alert-rules} (the whole rule set, validated field by field).
 */
public final class AlertsHttp {
    /** Most rules in a set. */
    static final int MAX_RULES = 50;

    /** A rule as sent by a client: loose types, validated into an {@link AlertRule}. */
    public record RuleBody(String id, String metric, String comparison, Double warning, Double critical,
                           Integer sustainSeconds, Integer recoverySeconds, Double recoveryMarginPercent,
                           Boolean enabled) {
    }

    /** {@code PUT /api/v1/admin/alert-rules} body. */
    public record RulesBody(List<RuleBody> rules) {
    }

    private final AlertEngine engine;

    public AlertsHttp(AlertEngine engine) {
        this.engine = engine;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/performance/alerts", Access.ADMIN, this::alerts)
                .post("/api/v1/performance/alerts/{id}/ack", Access.ADMIN, this::acknowledge)
                .get("/api/v1/admin/alert-rules", Access.ADMIN, this::getRules)
                .put("/api/v1/admin/alert-rules", Access.ADMIN, this::putRules);
    }

    private void alerts(Exchange ex) {
        int limit = 50;
        String raw = ex.query("limit").orElse(null);
        if (raw != null) {
            try {
                limit = Math.clamp(Long.parseLong(raw.strip()), 1, 200);
            } catch (NumberFormatException e) {
                throw ApiException.validation("limit", "must be a whole number from 1 to 200");
            }
        }
        ex.ok(engine.view(limit));
    }

    private void acknowledge(Exchange ex) {
        UUID id = ex.pathId("id", "Alert");
        ex.ok(engine.acknowledge(id)
                .orElseThrow(() -> ApiException.notFound("ALERT_NOT_FOUND", "No such alert")));
    }

    private void getRules(Exchange ex) {
        List<Map<String, String>> metrics = new ArrayList<>();
        for (AlertMetric m : AlertMetric.values()) {
            metrics.add(Map.of("name", m.wire(), "unit", m.unit(), "description", m.description()));
        }
        ex.ok(engine.rules(), Exchange.meta("metrics", metrics, "defaults", AlertRule.defaults()));
    }

    private void putRules(Exchange ex) {
        RulesBody body = ex.body(RulesBody.class);
        Validator v = new Validator();
        if (body.rules() == null) {
            v.fail("rules", "is required (a list of rules; an empty list turns alerting off)");
            v.check();
        }
        if (body.rules().size() > MAX_RULES) {
            v.fail("rules", "at most " + MAX_RULES + " rules");
            v.check();
        }
        List<AlertRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < body.rules().size(); i++) {
            AlertRule rule = validate(v, "rules[" + i + "]", body.rules().get(i));
            if (rule != null && !ids.add(rule.id())) {
                v.fail("rules[" + i + "].id", "is used by another rule ('" + rule.id() + "')");
            }
            rules.add(rule);
        }
        v.check();
        engine.replaceRules(rules);
        getRules(ex);
    }

    private static AlertRule validate(Validator v, String at, RuleBody b) {
        if (b == null) {
            return v.fail(at, "must be a rule object");
        }
        String id = v.string(at + ".id", b.id(), 1, 64, true);
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            id = v.fail(at + ".id", "must be lower-case letters, digits and '-'");
        }
        AlertMetric metric = v.parse(at + ".metric", b.metric(), AlertMetric::parse);
        Comparison cmp = v.parse(at + ".comparison", b.comparison(), Comparison::parse);
        int sustain = b.sustainSeconds() == null ? 0 : b.sustainSeconds();
        int recovery = b.recoverySeconds() == null ? 0 : b.recoverySeconds();
        double margin = b.recoveryMarginPercent() == null ? 0 : b.recoveryMarginPercent();
        String problem = AlertRule.problem(cmp, b.warning(), b.critical(), sustain, recovery, margin);
        if (problem != null) {
            v.fail(at, problem);
        }
        if (id == null || metric == null || cmp == null || problem != null) {
            return null;
        }
        return new AlertRule(id, metric, cmp, b.warning(), b.critical(), sustain, recovery, margin,
                b.enabled() == null || b.enabled());
    }
}
