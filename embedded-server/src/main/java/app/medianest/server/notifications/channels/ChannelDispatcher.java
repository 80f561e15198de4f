package app.medianest.server.notifications.channels;

import app.medianest.model.Role;
import app.medianest.server.db.Handle;
import app.medianest.server.notifications.NewNotification;
import app.medianest.server.notifications.OutboundNotifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns stored in-app notifications into outbox rows, in the same transaction: for each recipient, each enabled
 * channel they may use (admins: all; users: email and the channels the admin opened to them) on which they chose
 * the notification's event. Costs nothing while no channel is enabled.
 */
public final class ChannelDispatcher implements OutboundNotifications {
    private final ChannelStore channels;
    private final PreferenceStore preferences;
    private final DeliveryRepository outbox;

    public ChannelDispatcher(ChannelStore channels, PreferenceStore preferences, DeliveryRepository outbox) {
        this.channels = channels;
        this.preferences = preferences;
        this.outbox = outbox;
    }

    private record Person(Role role, String email, boolean active) {
    }

    @Override
    public void enqueue(Handle h, List<NewNotification> rows) {
        List<ChannelConfig> enabled = channels.all().stream().filter(ChannelConfig::enabled).toList();
        if (enabled.isEmpty() || rows.isEmpty()) {
            return;
        }
        Map<UUID, Optional<Person>> people = new HashMap<>();
        Map<UUID, Map<ChannelKind, Set<NotificationEvent>>> prefs = new HashMap<>();
        List<DeliveryRepository.NewDelivery> out = new ArrayList<>();
        for (NewNotification n : rows) {
            Optional<NotificationEvent> event = NotificationEvent.ofType(n.type(), n.data());
            if (event.isEmpty()) {
                continue;
            }
            Optional<Person> person = people.computeIfAbsent(n.userId(), id -> h.queryOne(
                    "SELECT role, email, status FROM users WHERE id = ?", r -> new Person(Role.parse(r.string("role")),
                            r.string("email"), "active".equals(r.string("status"))), id));
            if (person.isEmpty() || !person.get().active()) {
                continue;
            }
            boolean admin = person.get().role() == Role.ADMIN;
            if (event.get().adminOnly() && !admin) {
                continue;
            }
            Map<ChannelKind, Set<NotificationEvent>> chosen = prefs.computeIfAbsent(n.userId(),
                    id -> preferences.get(h, id, admin));
            for (ChannelConfig c : enabled) {
                if (!(admin || c.openToUsers()) || !chosen.get(c.kind()).contains(event.get())) {
                    continue;
                }
                String recipient = null;
                if (c.kind() == ChannelKind.EMAIL) {
                    recipient = person.get().email();
                    if (recipient == null || recipient.isBlank()) {
                        continue;
                    }
                }
                out.add(new DeliveryRepository.NewDelivery(c.kind(), n.userId(), event.get().wire(), recipient,
                        n.title(), n.message(), n.data(), n.createdAt()));
            }
        }
        outbox.insertAll(h, out);
    }
}
