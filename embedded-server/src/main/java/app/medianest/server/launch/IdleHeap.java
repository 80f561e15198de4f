package app.medianest.server.launch;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Gives the heap back to the operating system after a busy spell. A collector shrinks the heap only in a full
 * collection, and a quiet server allocates too little to ever need one: the heap a load made it grow to would stay
 * resident for good. So, checked periodically: when the heap's committed size grew by at least {@code growth} since
 * the last trim and the last period saw at most one collection (the server is quiet now), it runs one full
 * collection ({@link System#gc()}); the tuned JVM's {@code -XX:MaxHeapFreeRatio} then gives the free part back.
 * Under load collections run many times a second, so it never fires there. {@code -XX:+DisableExplicitGC} turns
 * it off.
 */
public final class IdleHeap {
    private static final System.Logger LOG = System.getLogger(IdleHeap.class.getName());

    private final LongSupplier collections;
    private final LongSupplier committed;
    private final Runnable fullCollection;
    private final long growth;
    private long lastCollections;
    private long baseline;

    /**
     * @param collections    the number of collections so far (all collectors)
     * @param committed      the heap's committed size in bytes
     * @param fullCollection runs a full collection
     * @param growth         the growth of the committed heap (bytes) since the last trim that is worth a collection
     */
    IdleHeap(LongSupplier collections, LongSupplier committed, Runnable fullCollection, long growth) {
        this.collections = collections;
        this.committed = committed;
        this.fullCollection = fullCollection;
        this.growth = growth;
        this.lastCollections = collections.getAsLong();
        this.baseline = committed.getAsLong();
    }

    /** For this JVM: its collectors and heap, 16 MB of growth. */
    public static IdleHeap forThisJvm() {
        return new IdleHeap(() -> ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum(),
                () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
                System::gc, 16L << 20);
    }

    /** One periodic check; returns true when it ran a full collection. */
    public boolean check() {
        long count = collections.getAsLong();
        boolean quiet = count - lastCollections <= 1;
        lastCollections = count;
        long heap = committed.getAsLong();
        if (!quiet || heap - baseline < growth) {
            baseline = Math.min(baseline, heap);
            return false;
        }
        fullCollection.run();
        lastCollections = collections.getAsLong();
        baseline = committed.getAsLong();
        LOG.log(System.Logger.Level.DEBUG, "Quiet after a busy spell: heap committed {0} MB -> {1} MB",
                heap >> 20, baseline >> 20);
        return true;
    }
}
