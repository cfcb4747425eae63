package fr.cercle.app.helper;

import fr.cercle.app.AppContext;
import fr.cercle.app.ui.Page;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.app.spreadsheet.ImportWizardView;
import fr.cercle.app.spreadsheet.ImportWizardViewModel;
import fr.cercle.app.spreadsheet.ListExport;
import fr.cercle.app.spreadsheet.SpreadsheetButtons;
import fr.cercle.model.spreadsheet.ImportKind;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.function.Consumer;

/** The helpers area: the roster, and a helper's form in its place when one is opened. */
public final class HelpersPage implements Page {

    private final AppContext context;
    private final HelperListViewModel listModel;
    private final HelperListView list;
    private final StackPane root = new StackPane();
    private final Consumer<String> notify;
    private final ListExport export;
    /** The form on show, if one is. */
    private HelperFormViewModel openForm;

    public HelpersPage(AppContext context, Consumer<String> notify) {
        this.context = context;
        this.notify = notify;
        this.listModel = new HelperListViewModel(context);
        this.list = new HelperListView(listModel, context.i18n(), this::open, this::newRecord);
        this.export = new ListExport(context.tasks(), context.i18n());
        list.addSpreadsheetActions(context.i18n(),
                ImportWizardViewModel.allowed(context, ImportKind.HELPERS) ? this::showImport : null, this::export);
        root.getChildren().setAll(list.node());
        listModel.load();
    }

    /** Shows the import of a spreadsheet in place of the list; back to the list, reloaded, once done. */
    public void showImport() {
        openForm = null;
        ImportWizardViewModel wizard = new ImportWizardViewModel(context, ImportKind.HELPERS, written -> {
            listModel.load();
            showList();
            notify.accept(context.i18n().format("spreadsheet.import.done", written));
        });
        root.getChildren().setAll(new ImportWizardView(wizard, context, this::showList).node());
    }

    /** Writes the list as it is shown (search, filters, sort) to a CSV file chosen by the person. */
    private void export() {
        context.files().toSave(root, context.i18n().get("spreadsheet.export.button"),
                        ListExport.suggestedName(context.i18n().get("spreadsheet.export.helpers"),
                                java.time.LocalDate.now(context.clock())),
                        SpreadsheetButtons.csvFiles(context.i18n()))
                .ifPresent(file -> export.export(listModel.rows(), list.exportColumns(), file, notify));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void newRecord() {
        HelperFormViewModel form = new HelperFormViewModel(context);
        form.startNew();
        show(form);
    }

    public void open(HelperId id) {
        HelperFormViewModel form = new HelperFormViewModel(context);
        form.load(id);
        show(form);
    }

    /**
     * Data came from elsewhere (a sync, a file, a conflict settled): the list reloads, keeping its
     * search, filters and sort, and the form on show follows, keeping what the person typed.
     */
    @Override
    public void refresh() {
        listModel.load();
        if (openForm != null) {
            openForm.refresh();
        }
    }

    @Override
    public void focusSearch() {
        showList();
        list.focusSearch();
    }

    private void show(HelperFormViewModel form) {
        HelperFormView view = new HelperFormView(form, context, this::showList);
        form.setOnSaved(this::saved);
        root.getChildren().setAll(view.node());
        openForm = form;
        view.focusFirstField();
    }

    private void saved(HelperSummary summary) {
        listModel.show(summary);
        showList();
        notify.accept(context.i18n().format("helper.saved", summary.fullName()));
    }

    private void showList() {
        openForm = null;
        root.getChildren().setAll(list.node());
    }
}
