/** Wire bodies of the media search and details routes (through Overseerr). */
package app.medianest.model.media;
