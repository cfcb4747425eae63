package fr.cercle.app.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * A date picker that reads what people type: {@code 02/03/1938}, {@code 2/3/1938}, {@code 02031938}
 * or {@code 1938-03-02}. When the text cannot be read, {@link #unreadableProperty()} says so instead
 * of silently keeping the previous date.
 */
public final class DateField {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private final DatePicker picker = new DatePicker();
    private final ReadOnlyBooleanWrapper unreadable = new ReadOnlyBooleanWrapper(this, "unreadable");

    public DateField() {
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DISPLAY.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                LocalDate parsed = parse(text);
                unreadable.set(parsed == null && text != null && !text.isBlank());
                return parsed;
            }
        });
        picker.valueProperty().addListener((obs, old, date) -> {
            if (date != null) {
                unreadable.set(false);
            }
        });
        // Commit typed text when focus leaves, not only on Enter.
        picker.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit();
            }
        });
    }

    /** The hint shown while the field is empty: the form a date is typed in, in the interface's language. */
    public DateField prompt(String text) {
        picker.setPromptText(text);
        return this;
    }

    public DatePicker node() {
        return picker;
    }

    public ReadOnlyBooleanProperty unreadableProperty() {
        return unreadable.getReadOnlyProperty();
    }

    /** Reads the text typed so far into the value (the form calls this before saving). */
    public void commit() {
        String text = picker.getEditor().getText();
        LocalDate parsed = parse(text);
        unreadable.set(parsed == null && text != null && !text.isBlank());
        if (!unreadable.get()) {
            picker.setValue(parsed);
        }
    }

    static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return LocalDate.parse(trimmed, format);
            } catch (DateTimeParseException e) {
                // try the next accepted form
            }
        }
        return null;
    }
}
