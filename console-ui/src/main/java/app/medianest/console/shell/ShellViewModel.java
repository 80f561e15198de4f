package app.medianest.console.shell;

import app.medianest.console.server.ServerEvent;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The window frame's state: is the server running, where, and does the first-run setup still have to happen. */
public final class ShellViewModel {
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Starting the server...");
    private final ReadOnlyStringWrapper baseUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lanUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsSetup = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    /** Applies a server event on the UI thread; {@code setupPending} says whether no admin exists yet. */
    public void apply(ServerEvent event, boolean setupPending) {
        switch (event) {
            case ServerEvent.Starting s -> {
                status.set("Starting the server...");
                failed.set(false);
            }
            case ServerEvent.Started s -> {
                status.set("Running");
                baseUrl.set(s.baseUrl());
                lanUrl.set(s.lanUrl());
                running.set(true);
                needsSetup.set(setupPending);
            }
            case ServerEvent.Stopping s -> status.set("Stopping the server...");
            case ServerEvent.Stopped s -> {
                status.set("Stopped");
                running.set(false);
            }
            case ServerEvent.Failed f -> {
                status.set("Not running: " + f.message());
                running.set(false);
                failed.set(true);
            }
        }
    }

    /** The first admin was created: leave the setup screen. */
    public void setupDone() {
        needsSetup.set(false);
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrl() {
        return baseUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lanUrl() {
        return lanUrl.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty needsSetup() {
        return needsSetup.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failed() {
        return failed.getReadOnlyProperty();
    }
}
