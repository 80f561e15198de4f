package app.medianest.loadtest.engine;

/** The part of a run a progress snapshot belongs to. */
public enum Phase {
    /** The discarded warm-up before the measured run. */
    WARMUP,
    /** Users are still starting. */
    RAMP_UP,
    /** All users run. */
    SUSTAIN,
    /** Users are stopping. */
    RAMP_DOWN,
    /** The reference phase against the bare endpoint, after the main run. */
    REFERENCE
}
