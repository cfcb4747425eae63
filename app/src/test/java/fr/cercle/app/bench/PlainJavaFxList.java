package fr.cercle.app.bench;

import fr.cercle.app.beneficiary.BeneficiaryColumn;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.I18n;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.Text;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The baseline: the list screen as plain JavaFX builds it, over the same rows and with the same
 * columns as Cercle's beneficiaries list. A {@code FilteredList} inside a {@code SortedList}; the search
 * field and the filters set the {@code FilteredList}'s predicate, which matches exactly as Cercle's
 * list does (every word in the row's folded search text, then domain and status).
 * <p>
 * Two kinds: {@link #boundToTable} is the documented pattern, the {@code SortedList}'s comparator bound
 * to the table's (which compares the cells' values, per column); {@link #withKeyComparator} gives the
 * {@code SortedList} Cercle's own comparators on precomputed keys, to tell the cost of the comparator
 * from the cost of re-sorting on every change.
 */
final class PlainJavaFxList {

    private final ObservableList<BeneficiaryRow> source;
    private final FilteredList<BeneficiaryRow> filtered;
    private final SortedList<BeneficiaryRow> sorted;
    private final TableView<BeneficiaryRow> table;
    private final TextField search = new TextField();
    private final boolean boundToTable;
    private final Stage stage;
    private String[] tokens = new String[0];
    private Domain domain;
    private BeneficiaryStatus status;

    private PlainJavaFxList(Collection<BeneficiaryRow> rows, I18n i18n, boolean boundToTable, String title) {
        this.boundToTable = boundToTable;
        source = FXCollections.observableArrayList(rows);
        filtered = new FilteredList<>(source);
        sorted = new SortedList<>(filtered);
        table = new TableView<>(sorted);
        table.getColumns().setAll(columns(i18n));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (boundToTable) {
            sorted.comparatorProperty().bind(table.comparatorProperty());
        } else {
            table.setSortPolicy(t -> true);
        }
        search.textProperty().addListener((obs, old, typed) -> {
            String folded = Text.fold(typed);
            tokens = folded.isEmpty() ? new String[0] : folded.split(" ");
            refilter();
        });
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(
                () -> sorted.size() + " / " + source.size(), sorted, source));
        BorderPane root = new BorderPane(table);
        root.setTop(new HBox(10, search, count));
        root.setPadding(new Insets(20, 24, 20, 24));
        stage = CercleWindow.show(root, title);
    }

    /** FilteredList in SortedList bound to the table's comparator: what the JavaFX documentation shows. */
    static PlainJavaFxList boundToTable(Collection<BeneficiaryRow> rows, I18n i18n) {
        return new PlainJavaFxList(rows, i18n, true, "FilteredList + SortedList bound to the table");
    }

    /** FilteredList in SortedList, given Cercle's comparators on precomputed keys. */
    static PlainJavaFxList withKeyComparator(Collection<BeneficiaryRow> rows, I18n i18n) {
        return new PlainJavaFxList(rows, i18n, false, "FilteredList + SortedList with key comparators");
    }

    /** The same 8 columns and cell values as {@code BeneficiaryListView}. */
    static List<TableColumn<BeneficiaryRow, String>> columns(I18n i18n) {
        return List.of(
                column(i18n, "column.lastName", r -> r.summary().lastName(), 160),
                column(i18n, "column.firstName", r -> r.summary().firstName(), 140),
                column(i18n, "column.age", r -> r.age() == null ? "" : i18n.format("column.ageValue", r.age()), 70),
                column(i18n, "column.birthDate", BeneficiaryRow::birthDateText, 110),
                column(i18n, "column.commune", r -> r.summary().communeName(), 160),
                column(i18n, "column.domains", BeneficiaryRow::domainsText, 170),
                column(i18n, "column.status", BeneficiaryRow::statusText, 100),
                column(i18n, "column.referent", r -> r.summary().referentName(), 150));
    }

    private static TableColumn<BeneficiaryRow, String> column(I18n i18n, String key, Function<BeneficiaryRow, String> value,
                                                              double width) {
        TableColumn<BeneficiaryRow, String> column = new TableColumn<>(i18n.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** By last name then first name: clicking the two headers in the plain list, Cercle's LAST_NAME sort. */
    void sortByName() {
        if (boundToTable) {
            table.getSortOrder().setAll(List.of(table.getColumns().get(0), table.getColumns().get(1)));
        } else {
            sorted.setComparator(BeneficiaryColumn.LAST_NAME.comparator());
        }
    }

    void sortByCommune() {
        if (boundToTable) {
            table.getSortOrder().setAll(List.of(table.getColumns().get(4)));
        } else {
            sorted.setComparator(BeneficiaryColumn.COMMUNE.comparator());
        }
    }

    TextField search() {
        return search;
    }

    TableView<BeneficiaryRow> table() {
        return table;
    }

    ObservableList<BeneficiaryRow> source() {
        return source;
    }

    void chooseDomain(Domain value) {
        domain = value;
        refilter();
    }

    void chooseStatus(BeneficiaryStatus value) {
        status = value;
        refilter();
    }

    void layout() {
        CercleWindow.layout(stage.getScene());
    }

    void close() {
        stage.close();
    }

    private void refilter() {
        String[] words = tokens;
        Domain d = domain;
        BeneficiaryStatus s = status;
        Predicate<BeneficiaryRow> matches = row -> {
            String text = row.searchText();
            for (String word : words) {
                if (!text.contains(word)) {
                    return false;
                }
            }
            return (d == null || row.summary().domains().contains(d)) && (s == null || row.summary().status() == s);
        };
        filtered.setPredicate(matches);
    }
}
