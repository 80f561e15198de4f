package app.medianest.console.concurrent;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/** Runs on the FX application thread: directly when already there, else through {@link Platform#runLater}. */
public final class FxExecutor implements Executor {
    /** The one instance. */
    public static final FxExecutor INSTANCE = new FxExecutor();

    private FxExecutor() {
    }

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
