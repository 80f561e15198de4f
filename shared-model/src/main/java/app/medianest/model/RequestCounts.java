package app.medianest.model;

/** Number of media requests per status, and their total. */
public record RequestCounts(long pending, long approved, long declined, long available, long failed, long total) {
    public static final RequestCounts EMPTY = new RequestCounts(0, 0, 0, 0, 0, 0);
}
