package fr.cercle.app.access;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.util.Duration;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Locks the window after a while without a key pressed, a click or the mouse moved, so that a file
 * left open on a shared town-hall PC is not there for the next person. Every input event restarts
 * the count; the delay is read again each time (the settings may change it). Used on the JavaFX
 * thread only.
 */
public final class InactivityLock {

    private final Scene scene;
    private final Supplier<java.time.Duration> after;
    private final PauseTransition countdown = new PauseTransition();
    private final EventHandler<InputEvent> activity = e -> restart();
    private boolean locked;

    /** Starts counting at once; {@code lock} runs when the delay passes without input. */
    public InactivityLock(Scene scene, Supplier<java.time.Duration> after, Runnable lock) {
        this.scene = Objects.requireNonNull(scene);
        this.after = Objects.requireNonNull(after);
        Objects.requireNonNull(lock);
        countdown.setOnFinished(e -> {
            locked = true;
            lock.run();
        });
        scene.addEventFilter(InputEvent.ANY, activity);
        restart();
    }

    private void restart() {
        if (!locked) {
            countdown.setDuration(Duration.millis(after.get().toMillis()));
            countdown.playFromStart();
        }
    }

    public boolean isLocked() {
        return locked;
    }

    /** After the password was given again: counting starts over. */
    public void unlocked() {
        locked = false;
        restart();
    }

    /** Stops watching (the window changes, or closes). */
    public void stop() {
        countdown.stop();
        scene.removeEventFilter(InputEvent.ANY, activity);
    }
}
