package fr.cercle.app.spreadsheet;

import fr.cercle.app.AppContext;
import fr.cercle.app.ui.ListScaffold;
import fr.cercle.model.spreadsheet.ImportKind;
import javafx.scene.layout.StackPane;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The import and export of a list area (the people, the helpers), wired once for all of them:
 * "Import a spreadsheet…" shows the wizard in place of the list, for an account that may create such
 * records, and comes back to the list reloaded; "Export to CSV" asks where, then writes the list as it
 * is shown and records the export in the audit trail ({@link ListExport}).
 *
 * @param <R> the list's row type
 */
public final class ListSpreadsheets<R> {

    /**
     * What differs from one list to the other.
     *
     * @param kind        what an import creates
     * @param list        the list's code in the audit trail ({@code beneficiaries}, {@code helpers})
     * @param fileNameKey the message key of the file name suggested for an export ("personnes")
     */
    public record Spec(ImportKind kind, String list, String fileNameKey) {
    }

    /**
     * The area the list lives in, and what it does around an import.
     *
     * @param root     where the wizard takes the list's place
     * @param reload   reads the list again (after an import)
     * @param showList shows the list again, leaving any form or wizard on show
     */
    public record Area(StackPane root, Runnable reload, Runnable showList) {
    }

    private final AppContext context;
    private final Spec spec;
    private final ListScaffold<R, ?> scaffold;
    private final Supplier<List<R>> rows;
    private final Area area;
    private final Consumer<String> notify;
    private final ListExport export;

    private ListSpreadsheets(AppContext context, Spec spec, ListScaffold<R, ?> scaffold, Supplier<List<R>> rows,
                             Area area, Consumer<String> notify) {
        this.context = context;
        this.spec = spec;
        this.scaffold = scaffold;
        this.rows = rows;
        this.area = area;
        this.notify = notify;
        this.export = new ListExport(context);
    }

    /**
     * Adds the import (when the account may create such records) and export buttons to the list.
     *
     * @param rows   the rows the list shows, in their order (read on the JavaFX thread at the export)
     * @param notify shows a short message ("12 lines exported to …", "15 helpers imported")
     */
    public static <R> ListSpreadsheets<R> add(AppContext context, Spec spec, ListScaffold<R, ?> scaffold,
                                              Supplier<List<R>> rows, Area area, Consumer<String> notify) {
        ListSpreadsheets<R> sheets = new ListSpreadsheets<>(context, spec, scaffold, rows, area, notify);
        SpreadsheetButtons.add(scaffold, context.i18n(), scaffold.idPrefix(),
                ImportWizardViewModel.allowed(context, spec.kind()) ? sheets::showImport : null, sheets::export);
        return sheets;
    }

    /** Shows the import of a spreadsheet in place of the list; back to the list, reloaded, once done. */
    public void showImport() {
        area.showList().run();
        ImportWizardViewModel wizard = new ImportWizardViewModel(context, spec.kind(), written -> {
            area.reload().run();
            area.showList().run();
            notify.accept(context.i18n().format("spreadsheet.import.done", written));
        });
        area.root().getChildren().setAll(new ImportWizardView(wizard, context, area.showList()).node());
    }

    /** Writes the list as it is shown (search, filters, sort) to a CSV file chosen by the person. */
    public void export() {
        context.files().toSave(area.root(), context.i18n().get("spreadsheet.export.button"),
                        ListExport.suggestedName(context.i18n().get(spec.fileNameKey()), LocalDate.now(context.clock())),
                        SpreadsheetButtons.csvFiles(context.i18n()))
                .ifPresent(file -> export.export(spec.list(), scaffold.filterDescription(), rows.get(),
                        scaffold.exportColumns(), file, notify));
    }
}
