package fr.cercle.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
}
