package app.medianest.loadtest.engine;

import java.time.Duration;

/**
 * When each virtual user starts and stops. User {@code i} of {@code n} starts at {@code rampUp * i / n} and stops
 * at {@code total - rampDown * i / n}: the ramp-down mirrors the ramp-up, the last user started stops first, the
 * first user runs to the planned end, and all users run during the whole sustain window.
 *
 * @param users    number of virtual users
 * @param rampUp   time over which users start
 * @param sustain  time during which all users run
 * @param rampDown time over which users stop
 */
public record LoadProfile(int users, Duration rampUp, Duration sustain, Duration rampDown) {

    /**
     * Validates the profile.
     *
     * @throws IllegalArgumentException when users is not positive or a duration is negative
     */
    public LoadProfile {
        if (users < 1) {
            throw new IllegalArgumentException("users must be positive, got " + users);
        }
        if (rampUp.isNegative() || sustain.isNegative() || rampDown.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative, got rampUp=" + rampUp
                    + " sustain=" + sustain + " rampDown=" + rampDown);
        }
    }

    /**
     * The offset from the run's start at which a user starts.
     *
     * @param user user index, 0-based
     * @return the start offset
     */
    public Duration startOffset(int user) {
        return rampUp.multipliedBy(user).dividedBy(users);
    }

    /**
     * The offset from the run's start at which a user stops sending new requests.
     *
     * @param user user index, 0-based
     * @return the stop offset
     */
    public Duration stopOffset(int user) {
        return total().minus(rampDown.multipliedBy(user).dividedBy(users));
    }

    /**
     * The planned length of the run.
     *
     * @return ramp-up plus sustain plus ramp-down
     */
    public Duration total() {
        return rampUp.plus(sustain).plus(rampDown);
    }

    /**
     * How many users the plan has running at an offset.
     *
     * @param elapsed offset from the run's start
     * @return planned active users
     */
    public int plannedActiveUsers(Duration elapsed) {
        int active = 0;
        for (int user = 0; user < users; user++) {
            if (elapsed.compareTo(startOffset(user)) >= 0 && elapsed.compareTo(stopOffset(user)) < 0) {
                active++;
            }
        }
        return active;
    }

    /**
     * The phase an offset falls in.
     *
     * @param elapsed offset from the run's start
     * @return ramp-up, sustain or ramp-down (offsets past the end count as ramp-down)
     */
    public Phase phaseAt(Duration elapsed) {
        if (elapsed.compareTo(rampUp) < 0) {
            return Phase.RAMP_UP;
        }
        return elapsed.compareTo(rampUp.plus(sustain)) < 0 ? Phase.SUSTAIN : Phase.RAMP_DOWN;
    }
}
