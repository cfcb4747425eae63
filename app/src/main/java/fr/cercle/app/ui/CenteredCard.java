package fr.cercle.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A card in the middle of the window, scrolling if the window is short: the welcome, the sign-in. */
public final class CenteredCard {

    private CenteredCard() {
    }

    /** Styles the card and puts it in the middle of a root for the whole window. */
    public static StackPane of(VBox card, double maxWidth) {
        card.setPadding(new Insets(32));
        card.setMaxWidth(maxWidth);
        card.getStyleClass().add("welcome-card");
        VBox centered = new VBox(card);
        centered.setAlignment(Pos.TOP_CENTER);
        centered.setPadding(new Insets(40, 24, 40, 24));
        ScrollPane scroll = new ScrollPane(centered);
        scroll.setFitToWidth(true);
        StackPane root = new StackPane(scroll);
        root.getStyleClass().add("welcome");
        return root;
    }

    /** A paragraph of the card: text that wraps to the card's width. */
    public static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** A field of the card under its label, as wide as the card. */
    public static Node labelled(String text, Control field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        field.setMaxWidth(Double.MAX_VALUE);
        return new VBox(4, label, field);
    }
}
