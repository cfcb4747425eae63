package fr.cercle.app.ui;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/** Keeps the field that has the keyboard focus in view, as one moves through a long form with Tab. */
public final class Scrolling {

    private Scrolling() {
    }

    /**
     * Scrolls the pane whenever focus lands on one of its fields that is out of view. The listener
     * lives on the scene only while the pane is in it.
     */
    public static void keepFocusedVisible(ScrollPane pane) {
        ChangeListener<Node> onFocus = (obs, old, focused) -> {
            if (focused != null && isInside(focused, pane.getContent())) {
                reveal(pane, focused);
            }
        };
        pane.sceneProperty().addListener((obs, oldScene, newScene) -> {
            if (oldScene != null) {
                oldScene.focusOwnerProperty().removeListener(onFocus);
            }
            if (newScene != null) {
                newScene.focusOwnerProperty().addListener(onFocus);
            }
        });
        Scene current = pane.getScene();
        if (current != null) {
            current.focusOwnerProperty().addListener(onFocus);
        }
    }

    /** Scrolls so that the node is in view, with a little room above it. */
    public static void reveal(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        Bounds viewport = pane.getViewportBounds();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double scrollable = contentHeight - viewport.getHeight();
        if (scrollable <= 0 || inContent == null) {
            return;
        }
        double top = -viewport.getMinY();
        double bottom = top + viewport.getHeight();
        if (inContent.getMinY() >= top + 8 && inContent.getMaxY() <= bottom - 8) {
            return;
        }
        double target = Math.max(0, Math.min(scrollable, inContent.getMinY() - viewport.getHeight() / 3));
        pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * target / scrollable);
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
