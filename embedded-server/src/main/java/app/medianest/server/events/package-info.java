/**
 * Live events: an in-process bus that numbers every {@link app.medianest.model.events.ServerEvent}, keeps the
 * most recent ones for reconnects, and fans them out to bounded per-client queues; and the Server-Sent
 * Events route {@code GET /api/v1/events} that streams them.
 */
package app.medianest.server.events;
