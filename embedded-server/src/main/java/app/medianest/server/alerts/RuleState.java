package app.medianest.server.alerts;

import app.medianest.model.perf.AlertRule;
import app.medianest.model.perf.AlertSeverity;
import app.medianest.model.perf.AlertView;
import app.medianest.model.perf.Comparison;

import java.time.Instant;

/**
 * The state machine of one rule: since when each threshold has been crossed without interruption, since
 * when the value has been recovered, and the alert it has raised. {@link #evaluate} returns the transitions
 * for the engine to store and announce; while nothing changes it returns none.
 */
final class RuleState {
    /** A transition: raise a new alert of {@code severity}, or resolve the active one. */
    sealed interface Transition permits Raise, Resolve {
    }

    record Raise(AlertSeverity severity, double value, double threshold) implements Transition {
    }

    record Resolve(AlertView alert, String reason) implements Transition {
    }

    private AlertRule rule;
    private Instant warnSince;
    private Instant critSince;
    private Instant recoveredSince;
    private AlertView active;
    private Double lastValue;

    RuleState(AlertRule rule) {
        this.rule = rule;
    }

    AlertRule rule() {
        return rule;
    }

    AlertView active() {
        return active;
    }

    void active(AlertView alert) {
        this.active = alert;
    }

    Double lastValue() {
        return lastValue;
    }

    /** A changed rule: thresholds start over (sustain and recovery are timed afresh); the alert stays. */
    void change(AlertRule changed) {
        this.rule = changed;
        warnSince = null;
        critSince = null;
        recoveredSince = null;
    }

    /** Evaluates {@code value} (null: no data, which never breaches) at {@code now}. */
    java.util.List<Transition> evaluate(Double value, Instant now) {
        lastValue = value;
        Comparison cmp = rule.comparison();
        boolean crit = value != null && rule.critical() != null && cmp.breaches(value, rule.critical());
        boolean warn = crit || value != null && rule.warning() != null && cmp.breaches(value, rule.warning());
        critSince = crit ? (critSince == null ? now : critSince) : null;
        warnSince = warn ? (warnSince == null ? now : warnSince) : null;
        AlertSeverity target = sustained(critSince, now) ? AlertSeverity.CRITICAL
                : rule.warning() != null && sustained(warnSince, now) ? AlertSeverity.WARNING : null;
        if (active == null) {
            return target == null ? java.util.List.of() : java.util.List.of(raise(target, value));
        }
        if (target == AlertSeverity.CRITICAL && active.severity() == AlertSeverity.WARNING) {
            recoveredSince = null;
            return java.util.List.of(new Resolve(active, "escalated to critical"), raise(target, value));
        }
        Double threshold = rule.threshold(active.severity());
        if (threshold == null) {
            recoveredSince = null;
            return java.util.List.of(new Resolve(active, "the rule no longer has this threshold"));
        }
        boolean recovered = value == null || cmp.recovered(value, threshold, rule.recoveryMarginPercent());
        recoveredSince = recovered ? (recoveredSince == null ? now : recoveredSince) : null;
        if (recoveredSince == null || now.isBefore(recoveredSince.plusSeconds(rule.recoverySeconds()))) {
            return java.util.List.of();
        }
        recoveredSince = null;
        AlertView was = active;
        if (was.severity() == AlertSeverity.CRITICAL && target == AlertSeverity.WARNING) {
            return java.util.List.of(new Resolve(was, "recovered to warning"), raise(target, value));
        }
        return java.util.List.of(new Resolve(was, "recovered"));
    }

    private boolean sustained(Instant since, Instant now) {
        return since != null && !now.isBefore(since.plusSeconds(rule.sustainSeconds()));
    }

    private Raise raise(AlertSeverity severity, Double value) {
        return new Raise(severity, value, rule.threshold(severity));
    }
}
