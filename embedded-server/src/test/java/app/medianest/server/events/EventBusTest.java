package app.medianest.server.events;

import app.medianest.model.MediaRequestView;
import app.medianest.model.MediaType;
import app.medianest.model.RequestStatus;
import app.medianest.model.Role;
import app.medianest.model.ServiceState;
import app.medianest.model.ServiceStatusView;
import app.medianest.model.events.AlertRaised;
import app.medianest.model.events.RequestChange;
import app.medianest.model.events.RequestUpdated;
import app.medianest.model.events.ServerEvent;
import app.medianest.model.events.ServiceStatusChanged;
import app.medianest.server.http.Principal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bus on its own: numbering, audiences, replay ring, bounded client queues, limits and shutdown. */
class EventBusTest {
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration NO_WAIT = Duration.ZERO;

    private final Principal alice = principal(Role.USER);
    private final Principal bob = principal(Role.USER);
    private final Principal admin = principal(Role.ADMIN);

    @Test
    void ownersAndAdminsSeeRequestEventsEveryoneSeesServiceStatusOnlyAdminsSeeAlerts() throws Exception {
        EventBus bus = new EventBus(100, 10, 10, CLOCK);
        Subscription a = bus.subscribe(alice, OptionalLong.empty());
        Subscription b = bus.subscribe(bob, OptionalLong.empty());
        Subscription root = bus.subscribe(admin, OptionalLong.empty());
        bus.publish(request(alice.userId()));
        bus.publish(status());
        bus.publish(new AlertRaised(UUID.randomUUID(), "heap", "jvm.heap", "warning", 0.9, 0.8, "Heap high", NOW));
        assertEquals(List.of("request.updated", "service.status"), types(a));
        assertEquals(List.of("service.status"), types(b));
        assertEquals(List.of("request.updated", "service.status", "alert.raised"), types(root));
    }

    @Test
    void framesCarryIncreasingIdsTypeAndJsonData() throws Exception {
        EventBus bus = new EventBus(100, 10, 10, CLOCK);
        Subscription s = bus.subscribe(admin, OptionalLong.empty());
        bus.publishAll(List.of(status(), status()));
        String first = frame(s.next(NO_WAIT));
        String second = frame(s.next(NO_WAIT));
        long id1 = NOW.toEpochMilli() * 1000 + 1;
        assertTrue(first.startsWith("id: " + id1 + "\nevent: service.status\ndata: {\"status\":{\"name\":\"plex\""),
                first);
        assertTrue(first.endsWith("}\n\n"), first);
        assertTrue(second.startsWith("id: " + (id1 + 1) + "\n"), second);
        assertEquals(id1 + 1, bus.lastId());
    }

    @Test
    void reconnectReplaysTheVisibleEventsAfterLastEventId() throws Exception {
        EventBus bus = new EventBus(100, 10, 10, CLOCK);
        bus.publish(status());
        long seen = bus.lastId();
        bus.publish(request(bob.userId()));
        bus.publish(request(alice.userId()));
        bus.publish(status());
        Subscription again = bus.subscribe(alice, OptionalLong.of(seen));
        List<String> replay = again.replay().stream().map(EventBusTest::frame).toList();
        assertEquals(2, replay.size(), replay.toString());
        assertTrue(replay.get(0).contains("event: request.updated") && replay.get(0).contains(alice.userId().toString()));
        assertTrue(replay.get(1).startsWith("id: " + bus.lastId() + "\nevent: service.status"));
        assertEquals(List.of(), bus.subscribe(alice, OptionalLong.of(bus.lastId())).replay(), "nothing missed");
    }

    @Test
    void aGapTheRingNoLongerCoversGetsOneResetFrame() {
        EventBus bus = new EventBus(2, 10, 10, CLOCK);
        bus.publish(status());
        long old = bus.lastId();
        for (int i = 0; i < 3; i++) {
            bus.publish(status());
        }
        for (long stale : new long[] {old, 5, bus.lastId() + 1}) {
            List<byte[]> replay = bus.subscribe(alice, OptionalLong.of(stale)).replay();
            assertEquals(1, replay.size());
            assertTrue(frame(replay.getFirst()).startsWith("id: " + bus.lastId() + "\nevent: stream.reset\n"),
                    frame(replay.getFirst()));
        }
        assertEquals(2, bus.subscribe(alice, OptionalLong.of(bus.lastId() - 2)).replay().size(), "still covered");
    }

    @Test
    void aClientThatDoesNotKeepUpIsEndedInsteadOfBuffered() throws Exception {
        EventBus bus = new EventBus(100, 3, 10, CLOCK);
        Subscription slow = bus.subscribe(alice, OptionalLong.empty());
        Subscription fast = bus.subscribe(bob, OptionalLong.empty());
        for (int i = 0; i < 10; i++) {
            bus.publish(status());
            assertTrue(fast.next(NO_WAIT) != null);
        }
        assertEquals(Subscription.State.OVERFLOWED, slow.state());
        assertFalse(slow.isOpen());
        assertNull(slow.next(NO_WAIT), "its queue was dropped");
        assertTrue(fast.isOpen());
        assertEquals(2, bus.openStreams(), "its slot is held until its writer lets go");
        slow.close();
        assertEquals(1, bus.openStreams());
        assertEquals(2, bus.streamsOpened(), "streams opened since the start count the ended one too");
    }

    @Test
    void subscriptionsAreLimitedAndClosingFreesTheSlot() {
        EventBus bus = new EventBus(10, 10, 2, CLOCK);
        Subscription one = bus.subscribe(alice, OptionalLong.empty());
        bus.subscribe(bob, OptionalLong.empty());
        assertThrows(EventBus.Full.class, () -> bus.subscribe(admin, OptionalLong.empty()));
        one.close();
        one.close();
        bus.subscribe(admin, OptionalLong.empty());
        assertThrows(EventBus.Full.class, () -> bus.subscribe(admin, OptionalLong.empty()));
    }

    @Test
    void closingTheBusEndsEveryStreamAndRefusesNewOnes() throws Exception {
        EventBus bus = new EventBus(10, 10, 10, CLOCK);
        Subscription s = bus.subscribe(alice, OptionalLong.empty());
        bus.close();
        assertEquals(Subscription.State.SHUT_DOWN, s.state());
        assertNull(s.next(Duration.ofSeconds(5)), "returns at once");
        assertThrows(EventBus.Full.class, () -> bus.subscribe(alice, OptionalLong.empty()));
        bus.publish(status());
    }

    @Test
    void aWriterWaitingForEventsIsWokenWhenItsSubscriptionEnds() throws Exception {
        EventBus bus = new EventBus(10, 1, 10, CLOCK);
        Subscription s = bus.subscribe(alice, OptionalLong.empty());
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                s.next(Duration.ofMinutes(1));
            } catch (InterruptedException ignored) {
                // ends
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (writer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.TIMED_WAITING, writer.getState(), "the writer waits for events");
        bus.close();
        writer.join(Duration.ofSeconds(5));
        assertFalse(writer.isAlive(), "a minute-long wait ended at once");
    }

    private static List<String> types(Subscription s) throws InterruptedException {
        List<String> out = new ArrayList<>();
        byte[] f;
        while ((f = s.next(NO_WAIT)) != null) {
            out.add(frame(f).split("\n")[1].substring("event: ".length()));
        }
        return out;
    }

    private static String frame(byte[] f) {
        return new String(f, StandardCharsets.UTF_8);
    }

    private static ServerEvent request(UUID owner) {
        return new RequestUpdated(RequestChange.CREATED, new MediaRequestView(UUID.randomUUID(), owner, "someone",
                MediaType.MOVIE, 603, "The Matrix", RequestStatus.PENDING, List.of(), null, NOW, NOW));
    }

    private static ServerEvent status() {
        return new ServiceStatusChanged(new ServiceStatusView("plex", "Plex", ServiceState.UP, 20, 99.0, 99.0, NOW,
                "OK"), ServiceState.DOWN);
    }

    private static Principal principal(Role role) {
        return new Principal(UUID.randomUUID(), role.wire(), null, role, UUID.randomUUID(), "hash", NOW.plusSeconds(60),
                null);
    }
}
