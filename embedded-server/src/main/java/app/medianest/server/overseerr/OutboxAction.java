package app.medianest.server.overseerr;

import app.medianest.model.WireEnum;

/** What an outbox row asks Overseerr to do (the {@code request_outbox.action} column). */
public enum OutboxAction implements WireEnum {
    CREATE("create"),
    APPROVE("approve"),
    DECLINE("decline");

    private final String wire;

    OutboxAction(String wire) {
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

    public static OutboxAction parse(String value) {
        return WireEnum.parse(OutboxAction.class, value);
    }
}
