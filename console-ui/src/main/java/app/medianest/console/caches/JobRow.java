package app.medianest.console.caches;

/**
 * One line of the jobs panel: the status poller's view of an upstream, or a download in the queue.
 *
 * @param kind   {@code status} or {@code download}
 * @param name   service or download title
 * @param state  up/down/degraded, or queued/downloading/...
 * @param detail last check, response time, progress
 */
public record JobRow(String kind, String name, String state, String detail) {
}
