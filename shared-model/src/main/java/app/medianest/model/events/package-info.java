/**
 * Live events the server publishes (to the {@code /api/v1/events} stream, and to the console): a sealed
 * interface of records, one per event type, each naming its wire type.
 */
package app.medianest.model.events;
