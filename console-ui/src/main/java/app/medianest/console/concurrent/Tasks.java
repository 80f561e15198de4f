package app.medianest.console.concurrent;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work on a background executor and hands the result to the UI executor. View models take one of
 * these, so the console runs work on virtual threads and applies results on the FX thread, while view-model
 * tests pass {@link #direct()} and run everything synchronously without the toolkit.
 */
public final class Tasks {
    private final Executor background;
    private final Executor ui;

    /**
     * @param background where work runs (never the FX thread)
     * @param ui         where results are applied (the FX thread in the console)
     */
    public Tasks(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Work and results on the calling thread: for tests. */
    public static Tasks direct() {
        return new Tasks(Runnable::run, Runnable::run);
    }

    /** The UI executor, for results that come from elsewhere (listeners, pollers). */
    public Executor ui() {
        return ui;
    }

    /** Runs {@code work} in the background, then exactly one of the callbacks on the UI executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }
}
