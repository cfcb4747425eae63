package fr.cercle.app.task;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs every database task of the client off the JavaFX thread, on one named worker thread, and
 * brings results back to the JavaFX thread. The exchanges with the server and through files have a
 * runner of their own (see docs/decisions/0008). Tests use {@link #direct()}, which runs everything
 * on the calling thread, so that asynchronous code is deterministic.
 */
public final class TaskRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final Executor background;
    private final Executor ui;
    private final ExecutorService owned;
    private final boolean javaFx;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);

    private TaskRunner(Executor background, Executor ui, ExecutorService owned, boolean javaFx) {
        this.background = background;
        this.ui = ui;
        this.owned = owned;
        this.javaFx = javaFx;
    }

    /** The application's runner: one worker thread for the database, results on the JavaFX thread. */
    public static TaskRunner forJavaFx() {
        return forJavaFx("cercle-db");
    }

    /** A runner with one worker thread of this name, results on the JavaFX thread. */
    public static TaskRunner forJavaFx(String threadName) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        return new TaskRunner(worker, Platform::runLater, worker, true);
    }

    /** Everything on the calling thread: for view-model tests. */
    public static TaskRunner direct() {
        return new TaskRunner(Runnable::run, Runnable::run, null, false);
    }

    /** Another runner of the same kind, with its own worker thread of this name (a direct one for a direct one). */
    public TaskRunner sibling(String threadName) {
        return javaFx ? forJavaFx(threadName) : direct();
    }

    /** Runs something cheap on the UI thread, such as showing progress reported by the work. */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /** How many tasks are under way; the main window shows progress when one lasts. Changes on the UI thread. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Runs the work in the background, then one of the callbacks on the UI thread. Keep the callbacks
     * cheap: they run on the JavaFX thread.
     */
    public <T> Handle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        Handle handle = new Handle();
        ui.execute(() -> running.set(running.get() + 1));
        background.execute(() -> {
            if (handle.isCancelled()) {
                ui.execute(() -> running.set(running.get() - 1));
                return;
            }
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                if (!(e instanceof CancellationException)) {
                    LOG.error("A background task failed", e);
                }
                ui.execute(() -> {
                    running.set(running.get() - 1);
                    if (!handle.isCancelled() || !(e instanceof CancellationException)) {
                        onFailure.accept(e);
                    }
                });
                return;
            }
            ui.execute(() -> {
                running.set(running.get() - 1);
                if (!handle.isCancelled()) {
                    onSuccess.accept(result);
                }
            });
        });
        return handle;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
            try {
                if (!owned.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("Background tasks still running at shutdown");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A running task. Cancelling it drops its result; long work that checks {@link #isCancelled()}
     * stops early.
     */
    public static final class Handle {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        public void cancel() {
            cancelled.set(true);
        }

        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    /** For tests that must wait until the worker has finished what was submitted so far. */
    public void awaitIdle() throws Exception {
        if (owned != null) {
            Future<?> marker = owned.submit(() -> { });
            marker.get(30, TimeUnit.SECONDS);
        }
    }
}
