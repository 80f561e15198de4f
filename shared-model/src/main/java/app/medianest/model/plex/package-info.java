/** Wire bodies of the Plex library routes ({@code /api/v1/plex/...}). */
package app.medianest.model.plex;
