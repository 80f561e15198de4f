package app.medianest.server.metrics;

import app.medianest.model.perf.AlertSeverity;
import app.medianest.server.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statement timers by shape and slow-query detection, logged with the shape and never a value. */
class QueryMetricsTest {
    private static final Duration MS = Duration.ofMillis(1);
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(QueryMetrics.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private SimpleMeterRegistry registry;
    private QueryMetrics metrics;
    private boolean timersOn = true;

    @BeforeEach
    void setUp() {
        logger.addHandler(capture);
        registry = new SimpleMeterRegistry();
        metrics = new QueryMetrics(registry, ManualClock.at("2026-11-01T12:00:00Z"), Duration.ofSeconds(1),
                Duration.ofSeconds(5), () -> timersOn);
    }

    @AfterEach
    void tearDown() {
        logger.removeHandler(capture);
    }

    @Test
    void statementsAreTimedByShape() {
        metrics.executed("SELECT * FROM users WHERE id = ?", MS.toNanos() * 2);
        metrics.executed("SELECT *   FROM users\n WHERE id = ?", MS.toNanos() * 4);
        metrics.executed("DELETE FROM x WHERE id IN (?, ?, ?)", MS.toNanos());
        metrics.executed("DELETE FROM x WHERE id IN (?, ?)", MS.toNanos());
        QueryMetrics.Summary s = metrics.summary(10);
        assertEquals(4, s.queries());
        assertEquals(2, s.top().size(), "whitespace and IN-list length do not make new shapes");
        assertEquals("SELECT * FROM users WHERE id = ?", s.top().getFirst().statement());
        assertEquals(3.0, s.top().getFirst().meanMs(), 0.01);
        assertEquals(2, registry.get("db.query").tag("statement", "DELETE FROM x WHERE id IN (?, ...)").timer().count());
        timersOn = false;
        metrics.executed("SELECT * FROM users WHERE id = ?", MS.toNanos());
        assertEquals(4, metrics.summary(10).queries(), "the query-metrics flag switches the timers off");
    }

    @Test
    void slowStatementsAreCountedAndLoggedWithTheirShapeOnly() {
        metrics.executed("SELECT * FROM users WHERE name = 'alice' AND age > 42", Duration.ofMillis(1500).toNanos());
        metrics.executed("UPDATE users SET x = ? WHERE id = ?", Duration.ofSeconds(6).toNanos());
        metrics.executed("SELECT 1", Duration.ofMillis(999).toNanos());
        assertEquals(1, metrics.slowWarnings());
        assertEquals(1, metrics.slowCritical());
        assertEquals(2, metrics.recentSlow().size());
        assertEquals(AlertSeverity.CRITICAL, metrics.recentSlow().getFirst().level());
        assertEquals("SELECT * FROM users WHERE name = ? AND age > ?", metrics.recentSlow().getLast().statement());
        assertEquals(2, logged.size());
        LogRecord warning = logged.getFirst();
        assertEquals(Level.WARNING, warning.getLevel());
        String text = java.text.MessageFormat.format(warning.getMessage(), warning.getParameters());
        assertTrue(text.contains("SELECT * FROM users WHERE name = ? AND age > ?"), text);
        assertFalse(text.contains("alice") || text.contains("42"), "values never reach the log: " + text);
        assertEquals(Level.SEVERE, logged.getLast().getLevel());
        assertEquals(1.0, registry.get("db.query.slow").tag("level", "critical").counter().count());
    }

    @Test
    void shapesAreBoundedInLength() {
        String shape = SqlShape.of("SELECT " + "a, ".repeat(200) + "b FROM t");
        assertEquals(SqlShape.MAX_LENGTH, shape.length());
        assertTrue(shape.endsWith("…"));
        assertEquals("SELECT v1 FROM t2 WHERE x = ?", SqlShape.of("SELECT v1 FROM t2 WHERE x = 10"));
    }
}
