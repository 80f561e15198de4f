package app.medianest.server.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the tests that ran against PostgreSQL (any test under a "POSTGRESQL" parameterized class or in a
 * class whose name starts with "Postgres") and writes {@code target/postgres-tests.txt}, which CI prints:
 * the PostgreSQL run is visible, and never silently skipped. It also lists, in
 * {@code target/postgres-test-classes.txt}, every test class that asked for PostgreSQL: CI runs exactly those again
 * without the PostgreSQL variables, to show that a newcomer's run skips them with a message instead of failing.
 */
public final class PostgresTestCounter implements TestExecutionListener {
    private static final Set<String> CLASSES = new ConcurrentSkipListSet<>();

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
            noteClass(id);
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() || !onPostgres(id)) {
            return;
        }
        noteClass(id);
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case ABORTED -> skipped.incrementAndGet();
            default -> failed.incrementAndGet();
        }
    }

    /** Records the test class on the calling thread's stack (called where a test asks for PostgreSQL). */
    static void noteCaller() {
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(f -> f.getDeclaringClass().getNestHost())
                        .filter(c -> c.getSimpleName().endsWith("Test"))
                        .findFirst())
                .ifPresent(c -> CLASSES.add(c.getName()));
    }

    private static void noteClass(TestIdentifier id) {
        id.getSource().ifPresent(source -> {
            if (source instanceof MethodSource m) {
                CLASSES.add(m.getJavaClass().getNestHost().getName());
            } else if (source instanceof ClassSource c) {
                CLASSES.add(c.getJavaClass().getNestHost().getName());
            }
        });
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
            Files.write(Path.of("target", "postgres-test-classes.txt"), CLASSES);
        } catch (IOException ignored) {
            // reporting only
        }
    }
}
