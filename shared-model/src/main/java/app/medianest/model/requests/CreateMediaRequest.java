package app.medianest.model.requests;

import java.util.List;

/**
 * Body of {@code POST /api/v1/media/requests}. Fields are loosely typed on purpose (strings, boxed numbers):
 * the server validates them and answers 400 with a message per field.
 *
 * @param mediaType {@code movie} or {@code tv}
 * @param tmdbId    the TMDB id, a positive whole number
 * @param title     optional display title (up to 500 characters)
 * @param seasons   tv only: the requested seasons, distinct positive numbers; empty or absent means all
 */
public record CreateMediaRequest(String mediaType, Long tmdbId, String title, List<Integer> seasons) {
}
