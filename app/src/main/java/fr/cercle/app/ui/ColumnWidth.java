package fr.cercle.app.ui;

import javafx.scene.control.TableColumn;

/**
 * How wide a list column is, and how it shares the table's width with the others.
 *
 * <ul>
 *   <li>{@linkplain #fixed Fixed}: a value of known length (an age, a date, a status), always as wide
 *       as its longest value and its header with the sort arrow, in every language.
 *   <li>{@linkplain #bounded Bounded}: a short value under a longer header (a number of commitments):
 *       as wide as the header with its sort arrow when there is room, never narrower than its values.
 *   <li>{@linkplain #flexible Flexible}: names and other free text, which share whatever room the
 *       others leave, and any extra room, without going below their minimum.
 * </ul>
 *
 * <p>At 1280 × 800 a table has about 930 pixels for its columns, and about 610 at the window's
 * minimum width of 960: the minimums of a table's columns must fit in that.
 */
public record ColumnWidth(double min, double pref, double max) {

    public ColumnWidth {
        if (min <= 0 || min > pref || pref > max) {
            throw new IllegalArgumentException("Widths must be 0 < min <= pref <= max: " + min + ", " + pref + ", " + max);
        }
    }

    public static ColumnWidth fixed(double width) {
        return new ColumnWidth(width, width, width);
    }

    public static ColumnWidth bounded(double min, double pref) {
        return new ColumnWidth(min, pref, pref);
    }

    public static ColumnWidth flexible(double min, double pref) {
        return new ColumnWidth(min, pref, Double.MAX_VALUE);
    }

    void applyTo(TableColumn<?, ?> column) {
        column.setMinWidth(min);
        column.setPrefWidth(pref);
        column.setMaxWidth(max);
        column.setResizable(min < max);
    }
}
