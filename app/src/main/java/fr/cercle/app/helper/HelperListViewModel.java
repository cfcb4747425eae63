package fr.cercle.app.helper;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.list.ListModel;
import fr.cercle.app.list.LiveList;
import fr.cercle.app.list.SortSpec;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.helper.Skill;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;

/** The roster of helpers: searched as one types (name, commune, postal code, skill), filtered by skill and status. */
public final class HelperListViewModel {

    private final AppContext context;
    private final I18n i18n;
    private final ListModel<HelperRow, HelperColumn> list;
    private final ObjectProperty<Skill> skill = new SimpleObjectProperty<>(this, "skill");
    private final ObjectProperty<HelperStatus> status = new SimpleObjectProperty<>(this, "status");

    public HelperListViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.list = new ListModel<>(context.tasks(), i18n,
                new LiveList<>(HelperRow::searchText, row -> row.summary().id()),
                HelperColumn::comparator, "helpers.count", "helpers.countFiltered");
        skill.addListener((obs, old, value) -> applyFilter());
        status.addListener((obs, old, value) -> applyFilter());
    }

    public ObservableList<HelperRow> rows() {
        return list.rows();
    }

    public StringProperty searchProperty() {
        return list.searchProperty();
    }

    public ObjectProperty<Skill> skillProperty() {
        return skill;
    }

    public ObjectProperty<HelperStatus> statusProperty() {
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

    public void load() {
        list.load(() -> context.helpers().summaries().stream().map(s -> HelperRow.of(s, i18n)).toList());
    }

    public void sortBy(List<SortSpec<HelperColumn>> specs) {
        list.sortBy(specs);
    }

    public void show(HelperSummary saved) {
        list.upsert(HelperRow.of(saved, i18n));
    }

    private void applyFilter() {
        Skill k = skill.get();
        HelperStatus s = status.get();
        list.setFilter(row -> (k == null || row.summary().skills().contains(k))
                && (s == null || row.summary().status() == s));
    }
}
