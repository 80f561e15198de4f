package app.medianest.server.notifications.channels;

import app.medianest.server.Jobs;
import app.medianest.server.auth.SecretBox;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import app.medianest.server.db.Jdbc;
import app.medianest.server.http.RouteTable;
import app.medianest.server.overseerr.Backoff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The outbound notifications' part of the object graph: channels, preferences, dispatcher, outbox and worker. */
public final class Notifications {
    /** How long delivered and set-aside messages stay in the outbox (for inspection) before they are deleted. */
    static final Duration KEEP = Duration.ofDays(30);

    private final Settings settings;
    private final ChannelStore channels;
    private final PreferenceStore preferences;
    private final DeliveryRepository outbox;
    private final ChannelDispatcher dispatcher;
    private final DeliveryWorker worker;
    private final NotificationChannelsHttp http;
    private final Clock clock;

    public Notifications(Settings s, Jdbc jdbc, SecretBox box, Clock clock, Consumer<UUID> userChanged) {
        this.settings = s;
        this.clock = clock;
        this.channels = new ChannelStore(jdbc, box, clock);
        this.preferences = new PreferenceStore(jdbc, clock);
        this.outbox = new DeliveryRepository(jdbc);
        this.dispatcher = new ChannelDispatcher(channels, preferences, outbox);
        Duration timeout = s.duration(SettingsCatalog.NOTIFY_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(5));
        HttpSenders httpSenders = new HttpSenders(timeout, timeout);
        Map<ChannelKind, ChannelSender> senders = Map.of(ChannelKind.EMAIL, new EmailSender(timeout),
                ChannelKind.WEBHOOK, httpSenders.webhook(), ChannelKind.NTFY, httpSenders.ntfy(),
                ChannelKind.DISCORD, httpSenders.discord());
        Duration initial = s.duration(SettingsCatalog.NOTIFY_RETRY_INITIAL, Duration.ofMillis(10), Duration.ofHours(1));
        Duration max = s.duration(SettingsCatalog.NOTIFY_RETRY_MAX, Duration.ofMillis(10), Duration.ofDays(1));
        this.worker = new DeliveryWorker(outbox, channels, senders, new Backoff(initial,
                max.compareTo(initial) < 0 ? initial : max, 0.2, new SecureRandom()),
                s.duration(SettingsCatalog.NOTIFY_BREAKER_OPEN, Duration.ofMillis(100), Duration.ofHours(1)), clock);
        this.http = new NotificationChannelsHttp(channels, preferences, senders, outbox, worker, jdbc, clock,
                userChanged);
    }

    public ChannelDispatcher dispatcher() {
        return dispatcher;
    }

    public ChannelStore channels() {
        return channels;
    }

    public DeliveryRepository outbox() {
        return outbox;
    }

    public DeliveryWorker worker() {
        return worker;
    }

    public void routes(RouteTable r) {
        http.routes(r);
    }

    public void startJobs(Jobs jobs) {
        Duration every = settings.duration(SettingsCatalog.NOTIFY_INTERVAL, Duration.ofMillis(50), Duration.ofHours(1));
        jobs.every("notification-delivery", every, every, worker::runOnce);
        jobs.every("notification-outbox-purge", Duration.ofMinutes(5), Duration.ofHours(6),
                () -> outbox.purge(clock.instant().minus(KEEP)));
    }
}
