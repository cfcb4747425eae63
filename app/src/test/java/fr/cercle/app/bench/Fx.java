package fr.cercle.app.bench;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The JavaFX thread, driven from the benchmark's own thread. */
final class Fx {

    private Fx() {
    }

    /** Starts the toolkit once (Monocle headless when the system properties say so). */
    static void start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyStarted) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start");
        }
    }

    static <T> T call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed on the JavaFX thread", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The JavaFX thread did not answer", e);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Lets pending pulses and the rendering of the last change pass, so that measurements do not overlap. */
    static void settle(long millis) throws InterruptedException {
        run(() -> { });
        Thread.sleep(millis);
        run(() -> { });
    }
}
