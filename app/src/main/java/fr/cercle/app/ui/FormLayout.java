package fr.cercle.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Lays out a form the same way everywhere: sections with a title, then one row per field with its
 * label on the left and, under the control, the message that says what to fix (shown only when
 * there is one, with an icon, so colour is never the only signal).
 */
public final class FormLayout {

    private final GridPane grid = new GridPane();
    private int row;

    public FormLayout() {
        grid.getStyleClass().add("form");
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setPadding(new Insets(8, 0, 8, 0));
        ColumnConstraints labels = new ColumnConstraints(150, 200, 260);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints(240, 420, Double.MAX_VALUE);
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    public GridPane node() {
        return grid;
    }

    public void section(String title) {
        Label label = new Label(title);
        label.getStyleClass().addAll("form-section", "title-4");
        GridPane.setMargin(label, new Insets(row == 0 ? 0 : 18, 0, 4, 0));
        grid.add(label, 0, row++, 2, 1);
    }

    /**
     * Adds a field.
     *
     * @param text     the label, ending with " *" when required
     * @param control  the control (or a box of controls)
     * @param error    what to fix in this field, empty when nothing
     * @param focus    the control that receives focus from the label's mnemonic and from the error link
     */
    public Label field(String text, Node control, ObservableStringValue error, Control focus) {
        Label label = new Label(text);
        label.getStyleClass().add("form-label");
        label.setWrapText(true);
        label.setLabelFor(focus);
        GridPane.setValignment(label, VPos.TOP);
        GridPane.setMargin(label, new Insets(6, 0, 0, 0));

        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.setGraphic(Icons.of(Material2OutlinedAL.ERROR_OUTLINE, 14));
        if (error != null) {
            message.textProperty().bind(error);
            message.visibleProperty().bind(Bindings.createBooleanBinding(
                    () -> error.get() != null && !error.get().isEmpty(), error));
            if (focus != null) {
                message.visibleProperty().addListener((obs, was, shown) ->
                        focus.pseudoClassStateChanged(Styles.INVALID, shown));
            }
        } else {
            message.setVisible(false);
        }
        message.managedProperty().bind(message.visibleProperty());
        VBox cell = new VBox(2, control, message);
        grid.add(label, 0, row);
        grid.add(cell, 1, row++);
        return label;
    }

    /** A row without a label, such as a note or a box of buttons. */
    public void full(Node node) {
        grid.add(node, 1, row++);
    }

    /** A row of explanation under a section's title: muted text that wraps. */
    public Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        full(note);
        return note;
    }
}
