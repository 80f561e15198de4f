/**
 * The Overseerr integration: the API client, media search and details with cache and stale fallback, and
 * request forwarding through the persisted {@code request_outbox} ({@link
 * app.medianest.server.overseerr.OverseerrForwarder} to enqueue inside a request's transaction,
 * {@link app.medianest.server.overseerr.OutboxWorker} to deliver with backoff, exactly once).
 */
package app.medianest.server.overseerr;
