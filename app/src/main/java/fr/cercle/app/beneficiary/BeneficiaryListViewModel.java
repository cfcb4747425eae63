package fr.cercle.app.beneficiary;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.list.ListModel;
import fr.cercle.app.list.LiveList;
import fr.cercle.app.list.SortSpec;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.common.Domain;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.List;

/**
 * The beneficiaries list: every file loaded once in the background, then searched as one types
 * (name, commune, postal code), filtered by domain and status, and sorted by column.
 */
public final class BeneficiaryListViewModel {

    private final AppContext context;
    private final I18n i18n;
    private final ListModel<BeneficiaryRow, BeneficiaryColumn> list;
    private final ObjectProperty<Domain> domain = new SimpleObjectProperty<>(this, "domain");
    private final ObjectProperty<BeneficiaryStatus> status = new SimpleObjectProperty<>(this, "status");

    public BeneficiaryListViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.list = new ListModel<>(context.tasks(), i18n,
                new LiveList<>(BeneficiaryRow::searchText, row -> row.summary().id()),
                BeneficiaryColumn::comparator, "beneficiaries.count", "beneficiaries.countFiltered");
        domain.addListener((obs, old, value) -> applyFilter());
        status.addListener((obs, old, value) -> applyFilter());
    }

    // Properties

    public ObservableList<BeneficiaryRow> rows() {
        return list.rows();
    }

    public StringProperty searchProperty() {
        return list.searchProperty();
    }

    public ObjectProperty<Domain> domainProperty() {
        return domain;
    }

    public ObjectProperty<BeneficiaryStatus> statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return list.loadingProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return list.errorProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return list.totalProperty();
    }

    public StringBinding countText() {
        return list.countText();
    }

    // Commands

    /** Loads every file in the background. */
    public void load() {
        LocalDate today = LocalDate.now(context.clock());
        list.load(() -> context.beneficiaries().summaries().stream().map(s -> BeneficiaryRow.of(s, i18n, today)).toList());
    }

    public void sortBy(List<SortSpec<BeneficiaryColumn>> specs) {
        list.sortBy(specs);
    }

    /** Takes a saved file into the list, at its sorted place, without reloading the others. */
    public void show(BeneficiarySummary saved) {
        list.upsert(BeneficiaryRow.of(saved, i18n, LocalDate.now(context.clock())));
    }

    /** Reloads one file after it changed elsewhere. */
    public void refresh(BeneficiaryId id) {
        context.tasks().run(() -> context.beneficiaries().summary(id), found -> found.ifPresent(this::show),
                e -> list.failed());
    }

    private void applyFilter() {
        Domain d = domain.get();
        BeneficiaryStatus s = status.get();
        list.setFilter(row -> (d == null || row.summary().domains().contains(d))
                && (s == null || row.summary().status() == s));
    }
}
