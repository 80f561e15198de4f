/** Wire bodies of the media-request routes: create, decline, bulk actions and their per-id results. */
package app.medianest.model.requests;
