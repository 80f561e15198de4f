package app.medianest.server.notifications.channels;

import app.medianest.server.overseerr.Backoff;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Delivers the notification outbox, channel by channel, oldest message first. A channel's messages leave in the
 * order they were queued: when one fails, that channel stops for this run and the message is retried after an
 * exponential backoff (with jitter), so nothing behind it overtakes it; messages are never dropped for a channel
 * being down. Each channel has its own circuit breaker: while it is open the channel is not even tried. A message
 * a channel refuses for good (a rejected address, a 4xx) is set aside with its error. Runs on the job thread,
 * never on a request thread.
 */
public final class DeliveryWorker {
    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());
    private static final int BATCH = 50;

    private final DeliveryRepository outbox;
    private final ChannelStore channels;
    private final Map<ChannelKind, ChannelSender> senders;
    private final Backoff backoff;
    private final Clock clock;
    private final Map<ChannelKind, CircuitBreaker> breakers = new EnumMap<>(ChannelKind.class);

    public DeliveryWorker(DeliveryRepository outbox, ChannelStore channels, Map<ChannelKind, ChannelSender> senders,
                          Backoff backoff, Duration breakerOpen, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.senders = Map.copyOf(senders);
        this.backoff = backoff;
        this.clock = clock;
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindow(4, 2, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(50)
                .waitDurationInOpenState(breakerOpen)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(t -> t instanceof DeliveryException d && !d.permanent())
                .writableStackTraceEnabled(false)
                .build());
        for (ChannelKind k : ChannelKind.values()) {
            CircuitBreaker b = registry.circuitBreaker("notify-" + k.wire());
            b.getEventPublisher().onStateTransition(e -> LOG.log(System.Logger.Level.INFO,
                    "Notification channel {0}: breaker {1}", k.wire(), e.getStateTransition()));
            breakers.put(k, b);
        }
    }

    /** What one run did. */
    public record RunResult(int sent, int failed, int setAside) {
    }

    /** The breaker state of a channel ({@code closed}, {@code open}, {@code half_open}). */
    public String breakerState(ChannelKind kind) {
        return breakers.get(kind).getState().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Delivers what is due on every enabled channel; runs never overlap. */
    public synchronized RunResult runOnce() {
        int sent = 0;
        int failed = 0;
        int aside = 0;
        for (ChannelKind k : ChannelKind.values()) {
            ChannelConfig c = channels.get(k);
            ChannelSender sender = senders.get(k);
            if (!c.enabled() || sender == null || sender.incomplete(c) != null) {
                continue;
            }
            CircuitBreaker breaker = breakers.get(k);
            channel:
            for (DeliveryRepository.Queued q : outbox.pending(k, BATCH)) {
                if (q.nextAttemptAt().isAfter(clock.instant())) {
                    break;
                }
                long start = System.nanoTime();
                try {
                    breaker.executeRunnable(() -> sender.send(c, q.message()));
                    outbox.markSent(q.message().id(), clock.instant());
                    sent++;
                } catch (CallNotPermittedException e) {
                    break channel;
                } catch (DeliveryException e) {
                    if (e.permanent()) {
                        outbox.markFailed(q.message().id(), clock.instant(), e.getMessage());
                        LOG.log(System.Logger.Level.WARNING, "Notification {0} via {1} set aside: {2}",
                                q.message().id(), k.wire(), e.getMessage());
                        aside++;
                        continue;
                    }
                    failed++;
                    outbox.reschedule(q.message().id(), clock.instant().plus(backoff.delay(q.attempts() + 1)),
                            e.getMessage());
                    LOG.log(System.Logger.Level.INFO, "Notification {0} via {1} failed (attempt {2}, {3} ms): {4}",
                            q.message().id(), k.wire(), q.attempts() + 1, (System.nanoTime() - start) / 1_000_000,
                            e.getMessage());
                    break channel;
                } catch (RuntimeException e) {
                    failed++;
                    outbox.reschedule(q.message().id(), clock.instant().plus(backoff.delay(q.attempts() + 1)),
                            e.getClass().getSimpleName());
                    LOG.log(System.Logger.Level.WARNING, "Notification " + q.message().id() + " via " + k.wire()
                            + " failed unexpectedly", e);
                    break channel;
                }
            }
        }
        return new RunResult(sent, failed, aside);
    }
}
