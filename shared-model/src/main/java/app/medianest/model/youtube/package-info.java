/** Wire bodies of the YouTube download routes. */
package app.medianest.model.youtube;
