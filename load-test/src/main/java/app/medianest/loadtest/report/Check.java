package app.medianest.loadtest.report;

/**
 * One verdict check: an actual figure against a limit.
 *
 * @param name       what is checked
 * @param unit       the unit of both figures ({@code ms}, {@code ratio}, {@code count})
 * @param comparison {@code <=} when the figure must not exceed the limit, {@code >=} when it must reach it
 * @param actual     the measured figure
 * @param limit      the limit
 * @param passed     whether the comparison holds
 */
public record Check(String name, String unit, String comparison, double actual, double limit, boolean passed) {

    /**
     * A check that passes when {@code actual <= limit}.
     *
     * @param name   what is checked
     * @param unit   the unit
     * @param actual the measured figure
     * @param limit  the largest acceptable figure
     * @return the check
     */
    public static Check atMost(String name, String unit, double actual, double limit) {
        return new Check(name, unit, "<=", actual, limit, actual <= limit);
    }

    /**
     * A check that passes when {@code actual >= limit}.
     *
     * @param name   what is checked
     * @param unit   the unit
     * @param actual the measured figure
     * @param limit  the smallest acceptable figure
     * @return the check
     */
    public static Check atLeast(String name, String unit, double actual, double limit) {
        return new Check(name, unit, ">=", actual, limit, actual >= limit);
    }
}
