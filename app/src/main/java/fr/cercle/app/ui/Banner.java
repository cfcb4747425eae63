package fr.cercle.app.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * A message across a section (what went wrong, what just happened), shown only while it has a text and
 * taking no room otherwise.
 */
public final class Banner {

    private Banner() {
    }

    /**
     * @param style AtlantaFX's tone, such as {@code Styles.DANGER} or {@code Styles.SUCCESS}
     * @param text  the message; the banner hides while it is null or empty
     */
    public static Label of(String id, Node icon, String style, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setGraphic(icon);
        label.getStyleClass().addAll("banner", style);
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> text.get() != null && !text.get().isEmpty(), text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
