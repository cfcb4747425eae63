package fr.cercle.app.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a list shows when it has nothing to show: what it means, and what to do next. */
public final class EmptyState {

    private EmptyState() {
    }

    public static VBox of(Node icon, String message, Button action) {
        Label text = new Label(message);
        text.getStyleClass().add("empty-message");
        text.setWrapText(true);
        VBox box = new VBox(12, icon, text);
        if (action != null) {
            box.getChildren().add(action);
        }
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
