package fr.cercle.app.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of a cold start: a JavaFX application that shows one window with one label, started the
 * way Cercle is (a launcher class on a plain class path, the same JVM and toolkit). Prints when its
 * window is shown.
 */
public final class HelloWindow {

    static final String READY = "HELLO WINDOW SHOWN AT ";

    private HelloWindow() {
    }

    /** Not in the {@code Application} itself: the java launcher refuses one on the class path, as for Cercle's Main. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The application. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1280, 800));
            stage.show();
            System.out.println(READY + System.currentTimeMillis());
            System.out.flush();
        }
    }
}
