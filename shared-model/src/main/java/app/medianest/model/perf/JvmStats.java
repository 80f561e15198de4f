package app.medianest.model.perf;

/**
 * The JVM and the process.
 *
 * @param heapUsedMb      heap in use
 * @param heapCommittedMb heap committed by the JVM
 * @param heapMaxMb       heap limit (-1 when unbounded)
 * @param nonHeapUsedMb   metaspace, code cache and other non-heap pools in use
 * @param rssMb           resident set size of the process (Linux), null where unknown
 * @param memoryMb        what the memory alert watches: the RSS where known, else heap plus non-heap in use
 * @param gcPauses        GC pauses since start
 * @param gcPauseMs       total GC pause time since start
 * @param gcPauseMaxMs    longest GC pause of the last minute or so
 * @param threads         live threads
 * @param cpuPercent      process CPU use (0-100 of the whole machine), null where unknown
 */
public record JvmStats(double heapUsedMb, double heapCommittedMb, double heapMaxMb, double nonHeapUsedMb,
                       Double rssMb, double memoryMb, long gcPauses, double gcPauseMs, double gcPauseMaxMs,
                       int threads, Double cpuPercent) {
}
