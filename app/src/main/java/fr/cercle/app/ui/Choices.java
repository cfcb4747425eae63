package fr.cercle.app.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.Callback;
import javafx.scene.control.ListView;

import java.util.List;
import java.util.function.Function;

/** Combo boxes whose entries read in the interface's words. */
public final class Choices {

    private Choices() {
    }

    public static <T> ComboBox<T> of(List<T> values, Function<T, String> label, String prompt) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setPromptText(prompt);
        Callback<ListView<T>, ListCell<T>> cells = list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? (empty ? null : prompt) : label.apply(item));
            }
        };
        box.setCellFactory(cells);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? prompt : label.apply(item));
            }
        });
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
