package fr.cercle.app.spreadsheet;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.ListScaffold;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;

/** The import and export buttons of a list screen, alike on every list. */
public final class SpreadsheetButtons {

    private SpreadsheetButtons() {
    }

    /** The kinds of file the import dialog offers. */
    public static List<FileChooser.ExtensionFilter> csvFiles(I18n i18n) {
        return List.of(new FileChooser.ExtensionFilter(i18n.get("spreadsheet.csvFiles"), "*.csv", "*.txt"));
    }

    /**
     * Adds "Import a spreadsheet…" beside the list's button that adds a record (only when
     * {@code importSheet} is given: the account may create such records), and "Export to CSV" at the
     * end of the filter row, since it writes what the search and filters show.
     */
    public static void add(ListScaffold<?, ?> scaffold, I18n i18n, String idPrefix, Runnable importSheet,
                           Runnable export) {
        Button exportButton = new Button(i18n.get("spreadsheet.export.button"), Icons.of(Material2OutlinedMZ.SAVE_ALT));
        exportButton.setId(idPrefix + "Export");
        exportButton.setTooltip(new Tooltip(i18n.get("spreadsheet.export.tooltip")));
        exportButton.setOnAction(e -> export.run());
        scaffold.addTrailing(exportButton);
        if (importSheet != null) {
            Button importButton = new Button(i18n.get("spreadsheet.import.button"), Icons.of(Material2OutlinedAL.FILE_UPLOAD));
            importButton.setId(idPrefix + "Import");
            importButton.setOnAction(e -> importSheet.run());
            scaffold.addAction(importButton);
        }
    }
}
