package fr.cercle.app.access;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.preferences.UserPreferences;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The main window's lock: after the inactivity delay of the preferences, the window's content is
 * replaced by a card asking for the signed-in person's password, and the keyboard shortcuts are
 * taken away with it, so that nothing behind can be reached. The password given again, everything
 * comes back as it was. The data stay open meanwhile: this is a screen lock (docs/security.md).
 */
public final class ScreenLock {

    private final Scene scene;
    private final AccessViewModel model;
    private final I18n i18n;
    private final String login;
    private final java.util.function.Supplier<java.time.Duration> after;
    private final InactivityLock inactivity;
    private volatile Parent hidden;
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();

    /** Locks after the delay chosen in the settings. */
    public ScreenLock(Scene scene, AccessViewModel model, I18n i18n, String login, UserPreferences preferences) {
        this(scene, model, i18n, login, preferences::lockAfter);
    }

    /** Locks after {@code after}, read again at each input. */
    public ScreenLock(Scene scene, AccessViewModel model, I18n i18n, String login,
                      java.util.function.Supplier<java.time.Duration> after) {
        this.scene = Objects.requireNonNull(scene);
        this.model = Objects.requireNonNull(model);
        this.i18n = Objects.requireNonNull(i18n);
        this.login = Objects.requireNonNull(login);
        this.after = Objects.requireNonNull(after);
        this.inactivity = new InactivityLock(scene, after, this::lock);
    }

    /** Locks now (also what the inactivity does). */
    public void lock() {
        if (hidden != null) {
            return;
        }
        Parent content = scene.getRoot();
        shortcuts.clear();
        shortcuts.putAll(scene.getAccelerators());
        scene.getAccelerators().clear();
        AccessView view = AccessView.locked(model, i18n, login, after.get().toMinutes(), this::unlock);
        scene.setRoot(view.node());
        view.focusFirstField();
        hidden = content; // locked once the content is out of the window
    }

    public boolean isLocked() {
        return hidden != null;
    }

    private void unlock() {
        scene.setRoot(hidden);
        scene.getAccelerators().putAll(shortcuts);
        hidden = null;
        shortcuts.clear();
        inactivity.unlocked();
    }

    /** Stops watching: the window shows something else (another language's main window, or closes). */
    public void stop() {
        inactivity.stop();
    }
}
