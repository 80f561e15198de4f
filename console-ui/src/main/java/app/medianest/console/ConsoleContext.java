package app.medianest.console;

import app.medianest.console.api.ApiClient;
import app.medianest.console.backups.BackupsViewModel;
import app.medianest.console.concurrent.Poller;
import app.medianest.console.concurrent.Tasks;
import app.medianest.console.dashboard.DashboardSource;
import app.medianest.console.dashboard.DashboardViewModel;
import app.medianest.console.caches.CachesViewModel;
import app.medianest.console.loadtest.LoadTestViewModel;
import app.medianest.console.logs.LogsViewModel;
import app.medianest.console.requests.RequestsViewModel;
import app.medianest.console.services.ServicesViewModel;
import app.medianest.console.settings.SettingsViewModel;
import app.medianest.console.users.UsersViewModel;
import app.medianest.console.logs.RingBufferHandler;
import app.medianest.console.server.ConsoleSignIn;
import app.medianest.console.server.ServerController;
import app.medianest.console.server.ServerEvent;
import app.medianest.console.setup.SetupViewModel;
import app.medianest.console.shell.ShellViewModel;
import app.medianest.server.EmbeddedServer;
import app.medianest.server.config.ServerConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The console's composition root: the non-UI object graph (server controller, API client, pollers, view
 * models), built before the FX toolkit starts. Views are built from it on the FX thread.
 */
public final class ConsoleContext implements AutoCloseable {
    private final Supplier<ServerConfig> config;
    private final ServerController controller;
    private final ApiClient api = new ApiClient(Duration.ofSeconds(15));
    private final Tasks tasks;
    private final Poller poller = new Poller();
    private final RingBufferHandler logs;
    private final Clock clock;
    private final ShellViewModel shell = new ShellViewModel();
    private final Models models;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile java.util.function.Consumer<EmbeddedServer> afterStart = s -> { };

    /**
     * @param config where the server's configuration comes from (called at every start)
     * @param tasks  background work and the hop to the UI thread
     * @param logs   the log capture shown by the Logs view
     */
    public ConsoleContext(Supplier<ServerConfig> config, Clock clock, Tasks tasks, RingBufferHandler logs) {
        this.clock = clock;
        this.tasks = tasks;
        this.logs = logs;
        this.config = config;
        this.controller = new ServerController(config, clock, this::onServerEvent);
        this.models = new Models(this);
    }

    /** The view models, one per view. */
    public record Models(DashboardViewModel dashboard, SetupViewModel setup, LogsViewModel logs,
                         RequestsViewModel requests, UsersViewModel users, ServicesViewModel services,
                         CachesViewModel caches, BackupsViewModel backups, LoadTestViewModel loadTest,
                         SettingsViewModel settings) {
        Models(ConsoleContext c) {
            this(new DashboardViewModel(new DashboardSource(c.api, c.clock), c.api, c.tasks),
                    new SetupViewModel(c.api, c::pendingSetupToken, c.tasks, c::signedIn),
                    new LogsViewModel(c.logs, c.tasks),
                    new RequestsViewModel(c.api, c.tasks),
                    new UsersViewModel(c.api, c.tasks),
                    new ServicesViewModel(c.api, c.tasks),
                    new CachesViewModel(c.api, c.tasks),
                    new BackupsViewModel(c.api, c.tasks, c.clock),
                    new LoadTestViewModel(c.api, c.tasks, () -> c.dataDir().resolve("reports")),
                    new SettingsViewModel(c::dataDir, System.getenv(), c.tasks, () -> c.controller.restartAsync()));
        }
    }

    /** The server's data directory (of the running server, else as configured now). */
    public Path dataDir() {
        return controller.server().map(s -> s.components().config().dataDir()).orElseGet(() -> config.get().dataDir());
    }

    /** Runs on the controller thread: points the client at the server and signs it in, then tells the UI. */
    private void onServerEvent(ServerEvent e) {
        boolean setupPending = false;
        switch (e) {
            case ServerEvent.Started s -> {
                api.baseUrl(s.baseUrl());
                EmbeddedServer server = controller.server().orElseThrow();
                setupPending = server.components().accounts().setupToken().isPresent();
                api.token(ConsoleSignIn.issue(server).orElse(null));
                afterStart.accept(server);
            }
            case ServerEvent.Stopping s -> {
                controller.server().ifPresent(server -> ConsoleSignIn.revoke(server, api.token()));
                api.token(null);
            }
            default -> { }
        }
        boolean pending = setupPending;
        tasks.ui().execute(() -> {
            shell.apply(e, pending);
            if (e instanceof ServerEvent.Started s) {
                models.dashboard().lanUrl(s.lanUrl());
                if (pending) {
                    models.setup().refresh();
                }
            }
        });
    }

    private void signedIn(String session) {
        api.token(session);
        shell.setupDone();
    }

    private Optional<String> pendingSetupToken() {
        return controller.server().flatMap(s -> s.components().accounts().setupToken());
    }

    /** Work to do on the controller thread each time the server has started (demo mode fills its data). */
    public void afterStart(java.util.function.Consumer<EmbeddedServer> action) {
        this.afterStart = action;
    }

    /** Starts the server (in the background) and the pollers. */
    public CompletableFuture<EmbeddedServer> start() {
        poller.every("dashboard", Duration.ofSeconds(1), () -> {
            if (api.signedIn()) {
                models.dashboard().poll();
            }
        });
        poller.every("logs", Duration.ofMillis(500), models.logs()::poll);
        return controller.startAsync();
    }

    public ServerController controller() {
        return controller;
    }

    public ApiClient api() {
        return api;
    }

    public Tasks tasks() {
        return tasks;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public Models models() {
        return models;
    }

    public RingBufferHandler logs() {
        return logs;
    }

    /** Stops polling and the server; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            poller.close();
            controller.close();
        }
    }
}
