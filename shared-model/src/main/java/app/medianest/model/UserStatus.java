package app.medianest.model;

/** Whether an account may sign in. */
public enum UserStatus implements WireEnum {
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String wire;

    UserStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }

    /** Parses a wire value; the exception message names the bad value. */
    public static UserStatus parse(String value) {
        return WireEnum.parse(UserStatus.class, value);
    }
}
