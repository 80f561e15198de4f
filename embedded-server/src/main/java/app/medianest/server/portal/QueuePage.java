package app.medianest.server.portal;

/**
 * One page of the approval queue as rendered for one session (its CSRF token is in every row's forms) in one minute
 * (the rows say how long ago each request was made): how many rows, the link to the next page (or null) and the
 * rows' HTML.
 */
public record QueuePage(int count, String more, byte[] rows) {
}
