package app.medianest.server.alerts;

import app.medianest.model.perf.AlertRule;
import app.medianest.model.perf.AlertView;
import app.medianest.model.perf.AlertsView;
import app.medianest.model.perf.PerfSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Evaluates the alert rules against performance snapshots (the alert job calls {@link #evaluate} every few
 * seconds), raises and resolves alerts on transitions only, stores them in {@code alert_history} and tells
 * the {@link AlertListener}s after each change is stored. Rules can be replaced at runtime.
 */
public final class AlertEngine {
    private static final System.Logger LOG = System.getLogger(AlertEngine.class.getName());

    private final AlertRepository repository;
    private final AlertRulesStore store;
    private final Clock clock;
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, RuleState> states = new LinkedHashMap<>();
    /** Alerts raised by other parts of the server (not by a rule), by key: e.g. {@code credential.plex}. */
    private final Map<String, AlertView> external = new LinkedHashMap<>();

    public AlertEngine(AlertRepository repository, AlertRulesStore store, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.clock = clock;
        int stale = repository.resolveOpen(now());
        if (stale > 0) {
            LOG.log(System.Logger.Level.INFO, "Resolved {0} alerts left open by the previous run", stale);
        }
        store.load().forEach(r -> states.put(r.id(), new RuleState(r)));
    }

    /** Adds a listener for raised and resolved alerts. */
    public void addListener(AlertListener listener) {
        listeners.add(listener);
    }

    public synchronized List<AlertRule> rules() {
        return states.values().stream().map(RuleState::rule).toList();
    }

    /**
     * Replaces every rule (persisted first). Alerts of removed or disabled rules resolve now; a changed rule
     * keeps its alert but times sustain and recovery afresh against the new thresholds.
     */
    public void replaceRules(List<AlertRule> rules) {
        List<Runnable> notices = new ArrayList<>();
        synchronized (this) {
            store.save(rules);
            Map<String, RuleState> next = new LinkedHashMap<>();
            for (AlertRule r : rules) {
                RuleState s = states.remove(r.id());
                if (s == null) {
                    s = new RuleState(r);
                } else if (!s.rule().equals(r)) {
                    s.change(r);
                }
                if (!r.enabled() && s.active() != null) {
                    notices.add(resolve(s, "rule disabled"));
                }
                next.put(r.id(), s);
            }
            for (RuleState removed : states.values()) {
                if (removed.active() != null) {
                    notices.add(resolve(removed, "rule removed"));
                }
            }
            states.clear();
            states.putAll(next);
        }
        notices.forEach(Runnable::run);
    }

    /** Evaluates every enabled rule against {@code snapshot}. */
    public void evaluate(PerfSnapshot snapshot) {
        List<Runnable> notices = new ArrayList<>();
        synchronized (this) {
            Instant now = now();
            for (RuleState s : states.values()) {
                if (!s.rule().enabled()) {
                    continue;
                }
                Double value = s.rule().metric().read(snapshot);
                for (RuleState.Transition t : s.evaluate(value, now)) {
                    notices.add(switch (t) {
                        case RuleState.Raise r -> raise(s, r, now);
                        case RuleState.Resolve r -> resolve(s, r.reason());
                    });
                }
            }
        }
        notices.forEach(Runnable::run);
    }

    private Runnable raise(RuleState s, RuleState.Raise r, Instant now) {
        AlertRule rule = s.rule();
        String message = String.format(Locale.ROOT, "%s %s: %s is %.1f %s, %s %.1f %s for %d s", rule.id(),
                r.severity(), rule.metric(), r.value(), rule.metric().unit(), rule.comparison(), r.threshold(),
                rule.metric().unit(), rule.sustainSeconds());
        AlertView a = new AlertView(UUID.randomUUID(), rule.id(), rule.metric(), r.severity(), r.value(),
                r.threshold(), message, now, null, null);
        repository.insert(a);
        s.active(a);
        LOG.log(System.Logger.Level.WARNING, "Alert raised: {0}", message);
        return () -> notify(l -> l.raised(a));
    }

    private Runnable resolve(RuleState s, String reason) {
        AlertView was = s.active();
        Instant now = now();
        repository.resolve(was.id(), now);
        s.active(null);
        AlertView done = new AlertView(was.id(), was.ruleId(), was.metric(), was.severity(), was.value(),
                was.threshold(), was.message(), was.since(), now, was.acknowledgedAt());
        LOG.log(System.Logger.Level.INFO, "Alert resolved ({0}): {1}", reason, was.message());
        return () -> notify(l -> l.resolved(done));
    }

    private void notify(java.util.function.Consumer<AlertListener> call) {
        for (AlertListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "An alert listener failed", e);
            }
        }
    }

    /**
     * Raises an alert that no rule watches (for example an upstream rejecting MediaNest's credential) unless one
     * with this key is already active; stored, shown and notified like rule alerts. Returns the new alert, or
     * empty when it was already active.
     */
    public Optional<AlertView> raise(String key, app.medianest.model.perf.AlertSeverity severity, String message) {
        AlertView a;
        synchronized (this) {
            if (external.containsKey(key)) {
                return Optional.empty();
            }
            a = new AlertView(UUID.randomUUID(), key, null, severity, 1, 1, message, now(), null, null);
            repository.insert(a);
            external.put(key, a);
        }
        LOG.log(System.Logger.Level.WARNING, "Alert raised: {0}", message);
        notify(l -> l.raised(a));
        return Optional.of(a);
    }

    /** Resolves the alert {@link #raise}d with {@code key}; empty when none was active. */
    public Optional<AlertView> resolve(String key) {
        AlertView done;
        synchronized (this) {
            AlertView was = external.remove(key);
            if (was == null) {
                return Optional.empty();
            }
            Instant now = now();
            repository.resolve(was.id(), now);
            done = new AlertView(was.id(), was.ruleId(), null, was.severity(), was.value(), was.threshold(),
                    was.message(), was.since(), now, was.acknowledgedAt());
        }
        LOG.log(System.Logger.Level.INFO, "Alert resolved: {0}", done.message());
        notify(l -> l.resolved(done));
        return Optional.of(done);
    }

    /** The alerts active now, newest first. */
    public synchronized List<AlertView> active() {
        List<AlertView> out = new ArrayList<>(external.values());
        states.values().forEach(s -> {
            if (s.active() != null) {
                out.add(s.active());
            }
        });
        out.sort((a, b) -> b.since().compareTo(a.since()));
        return out;
    }

    /** Active alerts and the newest {@code historyLimit} of the history. */
    public AlertsView view(int historyLimit) {
        return new AlertsView(active(), repository.recent(historyLimit));
    }

    /** Acknowledges an alert (idempotent); empty when there is no such alert. */
    public Optional<AlertView> acknowledge(UUID id) {
        Optional<AlertView> stored = repository.acknowledge(id, now());
        stored.ifPresent(a -> {
            synchronized (this) {
                states.values().stream().filter(s -> s.active() != null && s.active().id().equals(id))
                        .forEach(s -> s.active(a));
                external.replaceAll((k, v) -> v.id().equals(id) ? a : v);
            }
        });
        return stored;
    }

    /** Alerts raised in {@code [from, to)}, newest first, for reports. */
    public List<AlertView> raisedBetween(Instant from, Instant to, int limit) {
        return repository.raisedBetween(from, to, limit);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
