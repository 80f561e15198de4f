package app.medianest.model.dashboard;

/** Number of home services per state, from the last status poll ({@code unknown} ones are not counted). */
public record ServiceSummary(long up, long down, long degraded) {
}
