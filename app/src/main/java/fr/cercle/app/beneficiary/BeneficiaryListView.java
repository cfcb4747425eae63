package fr.cercle.app.beneficiary;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.ColumnWidth;
import fr.cercle.app.ui.FilterChoice;
import fr.cercle.app.ui.ListScaffold;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.function.Consumer;

/** The list of beneficiaries: search, filters by domain and status, sortable columns, a new file. */
public final class BeneficiaryListView {

    private final ListScaffold<BeneficiaryRow, BeneficiaryColumn> scaffold;

    public BeneficiaryListView(BeneficiaryListViewModel model, I18n i18n, Consumer<BeneficiaryId> open, Runnable create) {
        scaffold = new ListScaffold<>(i18n, new ListScaffold.Spec<>("beneficiary",
                i18n.get("beneficiaries.title"), i18n.get("beneficiaries.new"), i18n.get("beneficiaries.search"),
                i18n.get("beneficiaries.empty"), Material2OutlinedMZ.PEOPLE,
                model.searchProperty(), model.countText(), model.loadingProperty(), model.totalProperty(),
                model.errorProperty(), create, row -> open.accept(row.summary().id()), model::sortBy), model.rows());
        scaffold.addFilter("domainFilter",
                FilterChoice.withAll(i18n.get("filter.allDomains"), List.of(Domain.values()), i18n::label),
                model.domainProperty()::set);
        scaffold.addFilter("statusFilter",
                FilterChoice.withAll(i18n.get("filter.allStatuses"), List.of(BeneficiaryStatus.values()), i18n::label),
                model.statusProperty()::set);
        TableColumn<BeneficiaryRow, String> lastName = scaffold.column("column.lastName", BeneficiaryColumn.LAST_NAME,
                r -> r.summary().lastName(), ColumnWidth.flexible(90, 126));
        lastName.getStyleClass().add("strong-column");
        // Age, date and status are fixed to their longest value ("100 ans", "16/02/1941", "En pause") or
        // their header with its sort arrow; the five text columns share the rest (672 px at 1280 wide), the
        // names keeping the most of it when the window is at its narrowest.
        scaffold.columns(
                lastName,
                scaffold.column("column.firstName", BeneficiaryColumn.FIRST_NAME, r -> r.summary().firstName(),
                        ColumnWidth.flexible(80, 112)),
                scaffold.column("column.age", BeneficiaryColumn.BIRTH_DATE,
                        r -> r.age() == null ? "" : i18n.format("column.ageValue", r.age()), ColumnWidth.fixed(74)),
                scaffold.column("column.birthDate", BeneficiaryColumn.BIRTH_DATE, BeneficiaryRow::birthDateText,
                        ColumnWidth.fixed(100)),
                scaffold.column("column.commune", BeneficiaryColumn.COMMUNE, r -> r.summary().communeName(),
                        ColumnWidth.flexible(60, 122)),
                scaffold.column("column.domains", BeneficiaryColumn.DOMAINS, BeneficiaryRow::domainsText,
                        ColumnWidth.flexible(60, 162)),
                scaffold.column("column.status", BeneficiaryColumn.STATUS, BeneficiaryRow::statusText,
                        ColumnWidth.fixed(84)),
                scaffold.column("column.referent", BeneficiaryColumn.REFERENT, r -> r.summary().referentName(),
                        ColumnWidth.flexible(60, 150)));
    }

    /** The list's frame, for what every list shares (its import and export). */
    public ListScaffold<BeneficiaryRow, BeneficiaryColumn> scaffold() {
        return scaffold;
    }

    public BorderPane node() {
        return scaffold.node();
    }

    public void focusSearch() {
        scaffold.focusSearch();
    }
}
