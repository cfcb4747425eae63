package fr.cercle.app.helper;

import fr.cercle.app.AppContext;
import fr.cercle.app.ui.Page;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.app.spreadsheet.ListSpreadsheets;
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
    /** The form on show, if one is. */
    private HelperFormViewModel openForm;

    public HelpersPage(AppContext context, Consumer<String> notify) {
        this.context = context;
        this.notify = notify;
        this.listModel = new HelperListViewModel(context);
        this.list = new HelperListView(listModel, context.i18n(), this::open, this::newRecord);
        ListSpreadsheets.add(context, new ListSpreadsheets.Spec(ImportKind.HELPERS, "helpers", "spreadsheet.export.helpers"),
                list.scaffold(), listModel::rows, new ListSpreadsheets.Area(root, listModel::load, this::showList), notify);
        root.getChildren().setAll(list.node());
        listModel.load();
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
