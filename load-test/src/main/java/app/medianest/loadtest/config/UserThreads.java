package app.medianest.loadtest.config;

import java.util.Locale;

/** What the virtual users run on. */
public enum UserThreads {

    /**
     * The default: event loops for the lean client over plain HTTP; otherwise platform threads with think time (up
     * to 1,000 users) and virtual threads without (see the load-test README).
     */
    AUTO,

    /** One platform thread per user, always: at saturation the highest throughput, as wrk's event loops reach. */
    PLATFORM,

    /** One virtual thread per user, always: a few carrier threads, one per core. */
    VIRTUAL,

    /**
     * The users multiplexed on one event-loop thread per core, like wrk's threads (lean client over plain HTTP;
     * otherwise virtual threads).
     */
    LOOP;

    /**
     * The lower-case name used on the command line.
     *
     * @return {@code auto}, {@code platform}, {@code virtual} or {@code loop}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a value by its lower-case name.
     *
     * @param name {@code auto}, {@code platform}, {@code virtual} or {@code loop}
     * @return the value
     * @throws IllegalArgumentException naming the unknown value
     */
    public static UserThreads byName(String name) {
        for (UserThreads value : values()) {
            if (value.wireName().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("expected 'auto', 'platform', 'virtual' or 'loop', got '" + name + "'");
    }
}
