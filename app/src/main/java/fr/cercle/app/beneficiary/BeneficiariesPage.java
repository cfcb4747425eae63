package fr.cercle.app.beneficiary;

import fr.cercle.app.AppContext;
import fr.cercle.app.ui.Page;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.app.spreadsheet.ListSpreadsheets;
import fr.cercle.model.spreadsheet.ImportKind;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.function.Consumer;

/**
 * The beneficiaries area: the list, and a file's form in its place when one is opened. The list
 * stays alive behind the form, so coming back keeps the search and the position.
 */
public final class BeneficiariesPage implements Page {

    private final AppContext context;
    private final BeneficiaryListViewModel listModel;
    private final BeneficiaryListView list;
    private final StackPane root = new StackPane();
    private final Consumer<String> notify;
    /** The form on show, if one is. */
    private BeneficiaryFormViewModel openForm;

    /**
     * @param notify shows a short confirmation to the user (such as "File saved")
     */
    public BeneficiariesPage(AppContext context, Consumer<String> notify) {
        this.context = context;
        this.notify = notify;
        this.listModel = new BeneficiaryListViewModel(context);
        this.list = new BeneficiaryListView(listModel, context.i18n(), this::open, this::newRecord);
        ListSpreadsheets.add(context, new ListSpreadsheets.Spec(ImportKind.BENEFICIARIES, "beneficiaries", "spreadsheet.export.beneficiaries"),
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
        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(context);
        form.startNew();
        show(form);
    }

    /** Opens a file's form. */
    public void open(BeneficiaryId id) {
        BeneficiaryFormViewModel form = new BeneficiaryFormViewModel(context);
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

    public BeneficiaryListViewModel listModel() {
        return listModel;
    }

    private void show(BeneficiaryFormViewModel form) {
        BeneficiaryFormView view = new BeneficiaryFormView(form, context, this::showList, this::open);
        form.setOnSaved(saved -> saved(saved));
        form.setOnErased(this::erased);
        root.getChildren().setAll(view.node());
        openForm = form;
        view.focusFirstField();
    }

    private void saved(BeneficiarySummary summary) {
        listModel.show(summary);
        showList();
        notify.accept(context.i18n().format("beneficiary.saved", summary.fullName()));
    }

    private void erased(String name) {
        listModel.load();
        showList();
        notify.accept(context.i18n().format("beneficiary.erased", name));
    }

    private void showList() {
        openForm = null;
        root.getChildren().setAll(list.node());
    }
}
