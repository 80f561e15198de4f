package app.medianest.model;

/** A user's role. Admins approve requests and manage users and services. */
public enum Role implements WireEnum {
    USER("user"),
    ADMIN("admin");

    private final String wire;

    Role(String wire) {
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
    public static Role parse(String value) {
        return WireEnum.parse(Role.class, value);
    }
}
