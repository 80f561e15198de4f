package app.medianest.server.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the tests that ran against PostgreSQL (any test under a "POSTGRESQL" parameterized class or in a
 * class whose name starts with "Postgres") and writes {@code target/postgres-tests.txt}, which CI prints:
 * the PostgreSQL run is visible, and never silently skipped.
 */
public final class PostgresTestCounter implements TestExecutionListener {
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest() && onPostgres(id)) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() || !onPostgres(id)) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case ABORTED -> skipped.incrementAndGet();
            default -> failed.incrementAndGet();
        }
    }

    private boolean onPostgres(TestIdentifier id) {
        for (TestIdentifier t = id; t != null; t = plan.getParent(t).orElse(null)) {
            if (t.getDisplayName().contains("POSTGRESQL") || t.getDisplayName().startsWith("Postgres")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "postgres-tests.txt"),
                    "passed=" + passed + " failed=" + failed + " skipped=" + skipped + "\n");
        } catch (IOException ignored) {
            // reporting only
        }
    }
}
