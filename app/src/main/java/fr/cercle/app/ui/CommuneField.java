package fr.cercle.app.ui;

import fr.cercle.model.commune.Commune;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Popup;
import javafx.util.Duration;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A commune chosen from the national reference by typing the start of its name or its postal code.
 * Suggestions come from a search run in the background; arrows move in them, Enter or a click
 * chooses, Escape closes them. Typing after a choice clears it, so the field never holds a commune
 * that does not match its text.
 */
public final class CommuneField {

    private static final int MAX_SUGGESTIONS = 12;

    private final TextField text = new TextField();
    private final ObjectProperty<Commune> commune = new SimpleObjectProperty<>(this, "commune");
    private final ListView<Commune> suggestions = new ListView<>();
    private final Popup popup = new Popup();
    private final PauseTransition pause = new PauseTransition(Duration.millis(150));
    private final BiConsumer<String, Consumer<List<Commune>>> search;
    private long query;
    private boolean updating;
    /** Enter was pressed before the suggestions came: take the first one when they do. */
    private boolean chooseFirst;
    /** A key is being passed from the suggestions to the field (see {@link #fromPopup}). */
    private boolean forwarding;

    /**
     * @param search runs a search for the typed text in the background and passes the communes found
     *               to the consumer on the JavaFX thread
     */
    public CommuneField(BiConsumer<String, Consumer<List<Commune>>> search, String prompt) {
        this.search = search;
        text.setPromptText(prompt);
        text.getStyleClass().add("commune-field");
        suggestions.setPrefHeight(260);
        suggestions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Commune item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : suggestionText(item));
            }
        });
        suggestions.setOnMouseClicked(e -> choose(suggestions.getSelectionModel().getSelectedItem()));
        // Some platforms give the popup the keyboard: keys then act as if typed in the field.
        suggestions.addEventFilter(KeyEvent.ANY, this::fromPopup);
        suggestions.getStyleClass().add("commune-suggestions");
        popup.getContent().add(suggestions);
        popup.setAutoHide(true);

        pause.setOnFinished(e -> runSearch());
        text.textProperty().addListener((obs, old, typed) -> {
            if (updating) {
                return;
            }
            if (commune.get() != null) {
                setCommuneQuietly(null);
            }
            pause.playFromStart();
        });
        text.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        text.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
        commune.addListener((obs, old, chosen) -> {
            if (!updating) {
                updating = true;
                text.setText(chosen == null ? "" : display(chosen));
                updating = false;
            }
        });
    }

    public TextField node() {
        return text;
    }

    public ObjectProperty<Commune> communeProperty() {
        return commune;
    }

    /** How a chosen commune reads in the field. */
    public static String display(Commune commune) {
        return commune.name() + " (" + commune.mainPostalCode() + ")";
    }

    static String suggestionText(Commune commune) {
        return commune.name() + " — " + String.join(", ", commune.postalCodes()) + " — " + commune.department();
    }

    private void setCommuneQuietly(Commune value) {
        updating = true;
        commune.set(value);
        updating = false;
    }

    private void runSearch() {
        String typed = text.getText() == null ? "" : text.getText().strip();
        long current = ++query;
        if ((typed.length() < 2 && !chooseFirst) || typed.isEmpty() || commune.get() != null) {
            chooseFirst = false;
            popup.hide();
            return;
        }
        search.accept(typed, found -> {
            if (current != query) {
                return;
            }
            if (chooseFirst) {
                chooseFirst = false;
                if (!found.isEmpty()) {
                    choose(found.get(0));
                }
                return;
            }
            if (text.isFocused()) {
                show(found.size() > MAX_SUGGESTIONS ? found.subList(0, MAX_SUGGESTIONS) : found);
            }
        });
    }

    private void show(List<Commune> found) {
        suggestions.getItems().setAll(found);
        if (found.isEmpty() || text.getScene() == null || text.getScene().getWindow() == null) {
            popup.hide();
            return;
        }
        suggestions.getSelectionModel().selectFirst();
        suggestions.setPrefWidth(Math.max(text.getWidth(), 320));
        suggestions.setPrefHeight(Math.min(found.size(), 8) * 28 + 4);
        Bounds bounds = text.localToScreen(text.getBoundsInLocal());
        if (bounds != null) {
            popup.show(text, bounds.getMinX(), bounds.getMaxY());
        }
    }

    private void onKey(KeyEvent event) {
        if (!popup.isShowing()) {
            // Enter on a typed name or postal code takes the first match, rather than saving the form.
            if (event.getCode() == KeyCode.ENTER && commune.get() == null && !text.getText().isBlank()) {
                chooseFirst = true;
                pause.stop();
                runSearch();
                event.consume();
            }
            return;
        }
        var selection = suggestions.getSelectionModel();
        if (event.getCode() == KeyCode.DOWN) {
            selection.selectNext();
            suggestions.scrollTo(selection.getSelectedIndex());
            event.consume();
        } else if (event.getCode() == KeyCode.UP) {
            selection.selectPrevious();
            suggestions.scrollTo(selection.getSelectedIndex());
            event.consume();
        } else if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.TAB) {
            if (selection.getSelectedItem() != null) {
                choose(selection.getSelectedItem());
                if (event.getCode() == KeyCode.ENTER) {
                    event.consume();
                }
            }
        } else if (event.getCode() == KeyCode.ESCAPE) {
            popup.hide();
            event.consume();
        }
    }

    private void fromPopup(KeyEvent event) {
        if (forwarding) {
            // The key passed on to the field comes back here: while the suggestions show, the field's
            // window hands its keys to them first. Let it go on to the field rather than passing it on again.
            return;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.UP || code == KeyCode.DOWN || code == KeyCode.PAGE_UP || code == KeyCode.PAGE_DOWN) {
            return;
        }
        event.consume();
        boolean command = code == KeyCode.ENTER || code == KeyCode.TAB || code == KeyCode.ESCAPE;
        if (command) {
            if (event.getEventType() == KeyEvent.KEY_PRESSED) {
                onKey(event);
            }
            return;
        }
        forwarding = true;
        try {
            text.fireEvent(event.copyFor(text, text));
        } finally {
            forwarding = false;
        }
    }

    private void choose(Commune chosen) {
        if (chosen == null) {
            return;
        }
        popup.hide();
        commune.set(chosen);
        text.positionCaret(text.getLength());
    }
}
