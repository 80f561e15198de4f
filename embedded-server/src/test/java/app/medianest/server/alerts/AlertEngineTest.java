package app.medianest.server.alerts;

import app.medianest.model.perf.AlertMetric;
import app.medianest.model.perf.AlertRule;
import app.medianest.model.perf.AlertSeverity;
import app.medianest.model.perf.AlertView;
import app.medianest.model.perf.CacheSummary;
import app.medianest.model.perf.Comparison;
import app.medianest.model.perf.DbStats;
import app.medianest.model.perf.JvmStats;
import app.medianest.model.perf.OverallStats;
import app.medianest.model.perf.PerfSnapshot;
import app.medianest.server.settings.AppSettings;
import app.medianest.server.testing.DatabasePerKind;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.ManualClock;
import app.medianest.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert engine on a fake clock: sustain, recovery, transitions only, both severities, runtime changes. */
@ParameterizedClass(name = "{0}")
@EnumSource(DbKind.class)
class AlertEngineTest {
    private static final DatabasePerKind DATABASES = new DatabasePerKind();

    @Parameter
    DbKind kind;

    private ManualClock clock;
    private AlertEngine engine;
    private AppSettings settings;
    private AlertRepository repository;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void freshEngine() {
        TestDatabase db = DATABASES.get(kind);
        db.truncateAll();
        clock = ManualClock.at("2026-11-01T12:00:00Z");
        settings = new AppSettings(db.open().jdbc(), clock);
        repository = new AlertRepository(db.open().jdbc());
        engine = new AlertEngine(repository, new AlertRulesStore(settings), clock);
        engine.addListener(new AlertListener() {
            @Override
            public void raised(AlertView a) {
                events.add("raised " + a.ruleId() + " " + a.severity());
            }

            @Override
            public void resolved(AlertView a) {
                events.add("resolved " + a.ruleId() + " " + a.severity());
            }
        });
    }

    @AfterAll
    static void close() {
        DATABASES.close();
    }

    /** Evaluates {@code snapshot} every 5 s for {@code seconds} seconds. */
    private void hold(PerfSnapshot snapshot, int seconds) {
        for (int t = 0; t < seconds; t += 5) {
            engine.evaluate(snapshot);
            clock.advanceSeconds(5);
        }
        engine.evaluate(snapshot);
    }

    @Test
    void theStrategysRulesAreTheDefaults() {
        List<AlertRule> rules = engine.rules();
        assertEquals(AlertRule.defaults(), rules);
        AlertRule p95 = rules.stream().filter(r -> r.metric() == AlertMetric.P95_MS).findFirst().orElseThrow();
        assertEquals(200.0, p95.warning());
        assertEquals(500.0, p95.critical());
        AlertRule cache = rules.stream().filter(r -> r.metric() == AlertMetric.CACHE_HIT_RATE).findFirst().orElseThrow();
        assertEquals(Comparison.BELOW, cache.comparison());
        assertEquals(70.0, cache.warning());
        AlertRule pool = rules.stream().filter(r -> r.metric() == AlertMetric.POOL_USAGE).findFirst().orElseThrow();
        assertEquals(90.0, pool.critical());
        assertTrue(rules.stream().anyMatch(r -> r.metric() == AlertMetric.MEMORY_MB && r.warning() == 512.0
                && r.critical() == 800.0));
        assertTrue(rules.stream().anyMatch(r -> r.metric() == AlertMetric.ERROR_RATE && r.warning() == 2.0
                && r.critical() == 5.0));
    }

    @Test
    void aBreachMustBeSustainedBeforeAWarningIsRaised() {
        hold(snapshot(250, 100), 25);
        assertTrue(events.isEmpty(), "p95 250 ms for 25 s: under the 30 s sustain");
        hold(snapshot(150, 100), 5);
        hold(snapshot(250, 100), 25);
        assertTrue(events.isEmpty(), "a dip below the threshold restarts the sustain period");
        hold(snapshot(250, 100), 10);
        assertEquals(List.of("raised api-p95 warning"), events);
        AlertView a = engine.active().getFirst();
        assertEquals(250.0, a.value());
        assertEquals(200.0, a.threshold());
        assertEquals(AlertSeverity.WARNING, a.severity());
    }

    @Test
    void aHoldingConditionNotifiesOnlyOnce() {
        hold(snapshot(250, 100), 600);
        assertEquals(List.of("raised api-p95 warning"), events);
        assertEquals(1, repository.recent(10).size());
    }

    @Test
    void escalatesToCriticalAndRecoversThroughWarning() {
        hold(snapshot(250, 100), 30);
        hold(snapshot(650, 100), 30);
        assertEquals(List.of("raised api-p95 warning", "resolved api-p95 warning", "raised api-p95 critical"),
                events);
        assertEquals(AlertSeverity.CRITICAL, engine.active().getFirst().severity());
        events.clear();
        hold(snapshot(480, 100), 50);
        assertTrue(events.isEmpty(), "480 ms is not under the critical recovery line (500 - 10 %) yet");
        hold(snapshot(300, 100), 55);
        assertTrue(events.isEmpty(), "recovery must hold for 60 s");
        hold(snapshot(300, 100), 10);
        assertEquals(List.of("resolved api-p95 critical", "raised api-p95 warning"), events);
        events.clear();
        hold(snapshot(190, 100), 120);
        assertEquals(List.of(), events, "190 ms is above the warning recovery line of 180 ms: no flapping");
        hold(snapshot(120, 100), 60);
        assertEquals(List.of("resolved api-p95 warning"), events);
        assertTrue(engine.active().isEmpty());
        List<AlertView> history = repository.recent(10);
        assertEquals(3, history.size());
        assertTrue(history.stream().allMatch(h -> h.resolvedAt() != null), "every stored alert is resolved");
    }

    @Test
    void aBelowRuleWatchesTheCacheHitRate() {
        hold(snapshot(50, 65), 120);
        assertEquals(List.of("raised cache-hit-rate warning"), events);
        hold(snapshot(50, 72), 120);
        assertEquals(List.of("raised cache-hit-rate warning"), events, "72 % is under the 73.5 % recovery line");
        hold(snapshot(50, 90), 120);
        assertEquals(List.of("raised cache-hit-rate warning", "resolved cache-hit-rate warning"), events);
    }

    @Test
    void tooFewRequestsAreNoData() {
        PerfSnapshot quiet = withRequests(snapshot(900, 100), 3);
        hold(quiet, 300);
        assertTrue(events.isEmpty(), "three slow requests in a minute do not raise a p95 alert");
        assertNull(AlertMetric.P95_MS.read(quiet));
    }

    @Test
    void aRuleChangedAtRuntimeTakesEffect() {
        hold(snapshot(250, 100), 30);
        assertEquals(List.of("raised api-p95 warning"), events);
        List<AlertRule> changed = new ArrayList<>(engine.rules());
        changed.replaceAll(r -> r.id().equals("api-p95")
                ? new AlertRule("api-p95", AlertMetric.P95_MS, Comparison.ABOVE, 400.0, 800.0, 10, 20, 0, true) : r);
        engine.replaceRules(changed);
        hold(snapshot(250, 100), 15);
        assertEquals(List.of("raised api-p95 warning"), events, "recovery is timed afresh (20 s)");
        hold(snapshot(250, 100), 10);
        assertEquals(List.of("raised api-p95 warning", "resolved api-p95 warning"), events,
                "250 ms is fine under the new 400 ms threshold");
        hold(snapshot(450, 100), 10);
        assertEquals("raised api-p95 warning", events.getLast(), "the new 10 s sustain applies");
        assertEquals(400.0, engine.active().getFirst().threshold());

        events.clear();
        changed.replaceAll(r -> r.id().equals("api-p95")
                ? new AlertRule("api-p95", AlertMetric.P95_MS, Comparison.ABOVE, 400.0, 800.0, 10, 20, 0, false) : r);
        engine.replaceRules(changed);
        assertEquals(List.of("resolved api-p95 warning"), events, "disabling a rule resolves its alert");
        hold(snapshot(900, 100), 60);
        assertEquals(List.of("resolved api-p95 warning"), events);

        AlertEngine restarted = new AlertEngine(repository, new AlertRulesStore(settings), clock);
        assertEquals(changed, restarted.rules(), "rules are persisted");
    }

    @Test
    void removingARuleResolvesItsAlertAndAcknowledgingIsRecorded() {
        hold(snapshot(100, 100, 0, 95), 15);
        assertEquals(List.of("raised db-pool critical"), events);
        AlertView active = engine.active().getFirst();
        AlertView acked = engine.acknowledge(active.id()).orElseThrow();
        assertNotNull(acked.acknowledgedAt());
        assertEquals(acked.acknowledgedAt(), engine.active().getFirst().acknowledgedAt());
        assertEquals(acked.acknowledgedAt(), engine.acknowledge(active.id()).orElseThrow().acknowledgedAt(),
                "acknowledging twice keeps the first time");
        engine.replaceRules(engine.rules().stream().filter(r -> !r.id().equals("db-pool")).toList());
        assertEquals(List.of("raised db-pool critical", "resolved db-pool critical"), events);
        assertTrue(engine.acknowledge(java.util.UUID.randomUUID()).isEmpty());
    }

    @Test
    void alertsLeftOpenByAPreviousRunAreResolvedAtStart() {
        hold(snapshot(100, 100, 0, 95), 15);
        assertNull(repository.recent(1).getFirst().resolvedAt());
        new AlertEngine(repository, new AlertRulesStore(settings), clock);
        assertNotNull(repository.recent(1).getFirst().resolvedAt());
    }

    @Test
    void aFailingListenerDoesNotStopTheEngine() {
        engine.addListener(new AlertListener() {
            @Override
            public void raised(AlertView alert) {
                throw new IllegalStateException("listener bug");
            }
        });
        hold(snapshot(100, 100, 0, 95), 15);
        assertEquals(List.of("raised db-pool critical"), events);
        assertEquals(1, engine.active().size());
    }

    static PerfSnapshot snapshot(double p95, double cacheHitRate) {
        return snapshot(p95, cacheHitRate, 0, 10);
    }

    static PerfSnapshot snapshot(double p95, double cacheHitRate, double errorRate, double poolUsage) {
        OverallStats overall = new OverallStats(10_000, 60, 600, 10, errorRate, 0, p95 / 2, p95, p95 * 1.5);
        JvmStats jvm = new JvmStats(100, 200, 1000, 50, 300.0, 300, 0, 0, 0, 20, 5.0);
        DbStats db = new DbStats((int) (poolUsage / 10), 1, 0, 10, poolUsage, 0.1, 1, 100, 1, 0, 0, List.of(),
                List.of());
        return new PerfSnapshot(java.time.Instant.EPOCH, 60, overall, List.of(), jvm, db,
                new CacheSummary(cacheHitRate, 1000, cacheHitRate, List.of()), List.of());
    }

    static PerfSnapshot withRequests(PerfSnapshot s, long requests) {
        OverallStats o = s.overall();
        return new PerfSnapshot(s.at(), s.uptimeSeconds(), new OverallStats(o.requests(), o.windowSeconds(), requests,
                o.throughput(), o.errorRate(), o.clientErrorRate(), o.p50Ms(), o.p95Ms(), o.p99Ms()), s.routes(),
                s.jvm(), s.db(), s.caches(), s.breakers());
    }
}
