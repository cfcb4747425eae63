package fr.cercle.app.ui;

import fr.cercle.app.i18n.I18n;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.WeeklySlot;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.function.Function;

/**
 * The weekly grid of time slots: a day per column, a part of the day per row, each cell a toggle
 * bound to its slot's property. A helper's availability and a need's preferred times use it.
 */
public final class WeeklySlotGrid {

    private WeeklySlotGrid() {
    }

    /**
     * @param id         the grid's id
     * @param cellPrefix each cell's id is this prefix and the slot's code
     * @param selected   the property of each slot, bound both ways to its cell
     */
    public static GridPane of(I18n i18n, String id, String cellPrefix, Function<WeeklySlot, BooleanProperty> selected,
                              double cellWidth, double cellHeight) {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.setId(id);
        grid.getStyleClass().add("availability-grid");
        DayOfWeek[] days = DayOfWeek.values();
        for (int d = 0; d < days.length; d++) {
            Label day = new Label(days[d].getDisplayName(TextStyle.SHORT, i18n.locale()));
            GridPane.setHalignment(day, HPos.CENTER);
            grid.add(day, d + 1, 0);
        }
        DayPart[] parts = DayPart.values();
        for (int p = 0; p < parts.length; p++) {
            grid.add(new Label(i18n.label(parts[p])), 0, p + 1);
            for (int d = 0; d < days.length; d++) {
                WeeklySlot slot = new WeeklySlot(days[d], parts[p]);
                ToggleButton cell = new ToggleButton();
                cell.setId(cellPrefix + slot.code());
                cell.getStyleClass().add("slot");
                cell.setPrefSize(cellWidth, cellHeight);
                cell.selectedProperty().bindBidirectional(selected.apply(slot));
                cell.textProperty().bind(Bindings.when(cell.selectedProperty()).then("✓").otherwise(""));
                cell.setAccessibleText(days[d].getDisplayName(TextStyle.FULL, i18n.locale()) + " " + i18n.label(parts[p]));
                grid.add(cell, d + 1, p + 1);
            }
        }
        return grid;
    }
}
