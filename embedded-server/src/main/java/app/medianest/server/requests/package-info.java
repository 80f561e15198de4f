/**
 * Media requests: the repository (one active request per media item, keyset-paged lists), the service with
 * the request rules and the {@link app.medianest.server.requests.RequestForwarder} seam to Overseerr, the
 * user and admin HTTP routes, and the Overseerr webhook that applies upstream status changes.
 */
package app.medianest.server.requests;
