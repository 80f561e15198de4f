package app.medianest.server.notifications.channels;

/** Sends one message through one kind of channel; throws {@link DeliveryException} when it was not taken. */
public interface ChannelSender {
    void send(ChannelConfig config, Outgoing message);

    /** The problem with {@code config} that prevents sending, or null when it is complete. */
    String incomplete(ChannelConfig config);
}
