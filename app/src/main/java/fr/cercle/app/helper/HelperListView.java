package fr.cercle.app.helper;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.ColumnWidth;
import fr.cercle.app.ui.FilterChoice;
import fr.cercle.app.ui.ListScaffold;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.List;
import java.util.function.Consumer;

/** The roster of helpers: search, filters by skill and status, sortable columns, a new helper. */
public final class HelperListView {

    private final ListScaffold<HelperRow, HelperColumn> scaffold;

    public HelperListView(HelperListViewModel model, I18n i18n, Consumer<HelperId> open, Runnable create) {
        scaffold = new ListScaffold<>(i18n, new ListScaffold.Spec<>("helper",
                i18n.get("helpers.title"), i18n.get("helpers.new"), i18n.get("helpers.search"),
                i18n.get("helpers.empty"), Material2OutlinedAL.EMOJI_PEOPLE,
                model.searchProperty(), model.countText(), model.loadingProperty(), model.totalProperty(),
                model.errorProperty(), create, row -> open.accept(row.summary().id()), model::sortBy), model.rows());
        scaffold.addFilter("skillFilter",
                FilterChoice.withAll(i18n.get("filter.allSkills"), List.of(Skill.values()), i18n::label),
                model.skillProperty()::set);
        scaffold.addFilter("helperStatusFilter",
                FilterChoice.withAll(i18n.get("filter.allStatuses"), List.of(HelperStatus.values()), i18n::label),
                model.statusProperty()::set);
        TableColumn<HelperRow, String> lastName = scaffold.column("column.lastName", HelperColumn.LAST_NAME,
                r -> r.summary().lastName(), ColumnWidth.flexible(90, 128));
        lastName.getStyleClass().add("strong-column");
        // The commitments and the background check are as wide as their header with its sort arrow (the widest
        // is "Background check") when there is room, never narrower than their values ("Non demandée"); the
        // status is fixed to its own; the four text columns share the rest (530 px at 1280 wide), the names
        // keeping the most of it when the window is at its narrowest.
        scaffold.columns(
                lastName,
                scaffold.column("column.firstName", HelperColumn.FIRST_NAME, r -> r.summary().firstName(),
                        ColumnWidth.flexible(80, 112)),
                scaffold.column("column.commune", HelperColumn.COMMUNE, r -> r.summary().communeName(),
                        ColumnWidth.flexible(60, 124)),
                scaffold.column("column.skills", HelperColumn.SKILLS, HelperRow::skillsText,
                        ColumnWidth.flexible(60, 166)),
                scaffold.column("column.maxCommitments", HelperColumn.MAX_COMMITMENTS,
                        r -> Integer.toString(r.summary().maxCommitments()), ColumnWidth.bounded(56, 140)),
                scaffold.column("column.backgroundCheck", HelperColumn.BACKGROUND_CHECK, HelperRow::checkText,
                        ColumnWidth.bounded(126, 175)),
                scaffold.column("column.status", HelperColumn.STATUS, HelperRow::statusText, ColumnWidth.fixed(84)));
    }

    /** The list's frame, for what every list shares (its import and export). */
    public ListScaffold<HelperRow, HelperColumn> scaffold() {
        return scaffold;
    }

    public BorderPane node() {
        return scaffold.node();
    }

    public void focusSearch() {
        scaffold.focusSearch();
    }
}
