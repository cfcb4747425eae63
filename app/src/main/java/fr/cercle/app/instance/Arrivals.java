package fr.cercle.app.instance;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.shell.MainWindow;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the window does with an exchange file given to Cercle, at launch or by a later launch (a
 * second double-click, or macOS's open-file event): it comes to the front, and imports the file in the
 * sync area as the "import a file" button would, once someone has signed in and the screen is not
 * locked. A file that cannot be read gets a plain message instead.
 */
public final class Arrivals {

    private final Stage stage;
    private I18n i18n;
    private MainWindow window;
    private Scene watched;
    /** The file waiting for the sign-in (or for the screen to be unlocked). */
    private Path pending;
    private final InvalidationListener onRoot = obs -> importPending();

    public Arrivals(Stage stage, I18n i18n) {
        this.stage = Objects.requireNonNull(stage);
        this.i18n = Objects.requireNonNull(i18n);
    }

    /** From any thread (the instance's listener): the window reacts on the JavaFX thread. */
    public void arrived(OpenRequest request) {
        Objects.requireNonNull(request);
        Platform.runLater(() -> show(request));
    }

    /** On the JavaFX thread: comes to the front; imports the file now, or after the sign-in. */
    public void show(OpenRequest request) {
        toFront();
        if (request.trouble().isPresent()) {
            unusable(request.file(), request.problem());
            return;
        }
        if (request.bundle().isPresent()) {
            pending = request.file();
            importPending();
        }
    }

    /** The main window is on screen (after the sign-in, or rebuilt in another language). */
    public void mainWindowShown(MainWindow shown, I18n language) {
        window = Objects.requireNonNull(shown);
        i18n = Objects.requireNonNull(language);
        Scene scene = stage.getScene();
        if (scene != watched) {
            if (watched != null) {
                watched.rootProperty().removeListener(onRoot);
            }
            // The screen lock swaps the scene's root: the file waits until the main window is back.
            scene.rootProperty().addListener(onRoot);
            watched = scene;
        }
        importPending();
    }

    private void importPending() {
        if (pending != null && window != null && stage.getScene() != null
                && stage.getScene().getRoot() == window.node()) {
            Path file = pending;
            pending = null;
            window.importBundle(file);
        }
    }

    private void toFront() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.toFront();
        stage.requestFocus();
    }

    private void unusable(Path file, OpenRequest.Problem problem) {
        String key = switch (problem) {
            case MISSING -> "handover.file.missing";
            case NOT_A_FILE -> "handover.file.notAFile";
            case UNREADABLE -> "handover.file.unreadable";
        };
        Path folder = file.getParent();
        Alert alert = new Alert(Alert.AlertType.WARNING, i18n.format(key, String.valueOf(file.getFileName()),
                folder == null ? "" : folder.toString()));
        alert.setTitle(i18n.get("app.name"));
        alert.setHeaderText(i18n.get("handover.file.header"));
        alert.getDialogPane().setId("instanceFileProblem");
        alert.getDialogPane().setMinWidth(560);
        alert.initOwner(stage);
        alert.show();
    }
}
