package fr.cercle.app.flow;

import fr.cercle.app.ui.Scrolling;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;

/** What the flow tests do as a user would, on forms longer than the screen. */
final class Ui {

    private Ui() {
    }

    /** Scrolls the form to the node, as a user would with the wheel, and returns it. */
    static Node reveal(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane pane) {
                    Scrolling.reveal(pane, node);
                    return;
                }
            }
        });
        return node;
    }

    static void click(FxRobot robot, String query) {
        robot.clickOn(reveal(robot, query));
    }

    static void type(FxRobot robot, String query, String text) {
        robot.clickOn(reveal(robot, query)).write(text);
    }

    /** Chooses an entry of a combo box by its text. */
    static void choose(FxRobot robot, String query, String entry) {
        robot.clickOn(reveal(robot, query));
        robot.clickOn(entry);
    }

    /**
     * Waits, up to ten seconds, for something the UI does in the background, then for the JavaFX
     * thread to finish what it was doing (the condition may hold halfway through a change of screen).
     */
    static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        waitUntil(10, condition, () -> "");
    }

    /**
     * As {@link #waitUntil(java.util.concurrent.Callable)}, up to {@code seconds}, for work that reads
     * the whole demo; on failure, says what the screen showed ({@code state}).
     */
    static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition,
                          java.util.function.Supplier<String> state) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The interface did not get there in " + seconds + " seconds. " + state.get(), e);
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the field's whole text, as a user does, and types over it. */
    static void replace(FxRobot robot, String query, String text) {
        TextField field = (TextField) reveal(robot, query);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }
}
