package fr.cercle.app.ui;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.list.SortSpec;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The frame every list screen shares, so they all look and behave alike: a title with the button
 * that adds a record, the search field always in the same place, filters, a count, the table, and
 * what to show while loading, when there is nothing yet, or when nothing matches.
 *
 * @param <R> the row type
 * @param <C> the sortable-column type
 */
public final class ListScaffold<R, C> {

    private static final String EXPORT = "exportCellText";

    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final CustomTextField search = new CustomTextField();
    private final TableView<R> table = new TableView<>();
    private final HBox filters;
    private final HBox heading;
    private final Button clear;
    private final String idPrefix;
    private final List<ComboBox<? extends FilterChoice<?>>> filterMenus = new java.util.ArrayList<>();

    /** What a list screen says and does; the view model's properties it shows. */
    public record Spec<R, C>(
            String idPrefix,
            String title,
            String addLabel,
            String searchPrompt,
            String emptyMessage,
            Ikon emptyIcon,
            StringProperty query,
            ObservableStringValue count,
            ReadOnlyBooleanProperty loading,
            ReadOnlyIntegerProperty total,
            ReadOnlyStringProperty error,
            Runnable create,
            Consumer<R> open,
            Consumer<List<SortSpec<C>>> sort) {
    }

    public ListScaffold(I18n i18n, Spec<R, C> spec, javafx.collections.ObservableList<R> rows) {
        this.i18n = i18n;
        this.idPrefix = spec.idPrefix();
        Label title = new Label(spec.title());
        title.getStyleClass().add(Styles.TITLE_2);
        Button add = new Button(spec.addLabel(), Icons.of(Material2OutlinedAL.ADD));
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> spec.create().run());
        add.setId(spec.idPrefix() + "New");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        heading = new HBox(12, title, spacer, add);
        heading.setAlignment(Pos.CENTER_LEFT);

        search.setId(spec.idPrefix() + "Search");
        search.setPromptText(spec.searchPrompt());
        search.setLeft(Icons.of(Material2OutlinedMZ.SEARCH));
        search.textProperty().bindBidirectional(spec.query());
        // The search field starts narrow and grows into the room the filters leave, up to a comfortable
        // width, so that the filters show whole at 1280 px; on a narrower window they all give up room,
        // but the count is never cut.
        search.setPrefColumnCount(16);
        search.setMaxWidth(420);
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        Label count = new Label();
        count.setId(spec.idPrefix() + "Count");
        count.textProperty().bind(spec.count());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setMinWidth(Region.USE_PREF_SIZE);
        filters = new HBox(10, search);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox countBox = new HBox(count);
        countBox.setAlignment(Pos.CENTER_LEFT);
        filters.getChildren().add(countBox);

        Label failure = new Label();
        failure.textProperty().bind(spec.error());
        failure.visibleProperty().bind(spec.error().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        failure.getStyleClass().add(Styles.DANGER);

        table.setId(spec.idPrefix() + "Table");
        table.setItems(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The view model sorts (once per change of sort), so that searching never re-sorts.
        table.setSortPolicy(t -> {
            @SuppressWarnings("unchecked")
            List<SortSpec<C>> specs = t.getSortOrder().stream()
                    .map(c -> new SortSpec<>((C) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING))
                    .toList();
            spec.sort().accept(specs);
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<R> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    spec.open().accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            R selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                spec.open().accept(selected);
                e.consume();
            }
        });

        Button addFirst = new Button(spec.addLabel(), Icons.of(Material2OutlinedAL.ADD));
        addFirst.setOnAction(e -> spec.create().run());
        clear = new Button(i18n.get("list.clearSearch"));
        clear.setOnAction(e -> search.clear());
        StackPane placeholder = new StackPane();
        Runnable update = () -> placeholder.getChildren().setAll(spec.loading().get() ? loadingState()
                : spec.total().get() == 0 ? EmptyState.of(Icons.of(spec.emptyIcon(), 40), spec.emptyMessage(), addFirst)
                : EmptyState.of(Icons.of(Material2OutlinedMZ.SEARCH_OFF, 40), i18n.get("list.noMatch"), clear));
        spec.loading().addListener((obs, was, now) -> update.run());
        spec.total().addListener((obs, was, now) -> update.run());
        update.run();
        table.setPlaceholder(placeholder);

        VBox top = new VBox(12, heading, filters, failure);
        top.setPadding(new Insets(0, 0, 12, 0));
        root.setTop(top);
        root.setCenter(table);
        root.setPadding(new Insets(20, 24, 20, 24));
    }

    public BorderPane node() {
        return root;
    }

    /** What the ids of the list's controls start with ("beneficiary": {@code #beneficiarySearch}). */
    public String idPrefix() {
        return idPrefix;
    }

    public TableView<R> table() {
        return table;
    }

    /** Adds a filter menu before the count; "clear the search" resets it to its first entry too. */
    public <T> ComboBox<FilterChoice<T>> addFilter(String id, List<FilterChoice<T>> choices, Consumer<T> onChoice) {
        ComboBox<FilterChoice<T>> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices);
        box.getSelectionModel().selectFirst();
        box.valueProperty().addListener((obs, old, choice) -> {
            if (choice != null) {
                onChoice.accept(choice.value());
            }
        });
        filters.getChildren().add(filters.getChildren().size() - 1, box);
        filterMenus.add(box);
        var previous = clear.getOnAction();
        clear.setOnAction(e -> {
            previous.handle(e);
            box.getSelectionModel().selectFirst();
        });
        return box;
    }

    /** A text column, sorted by the view model with the given column key. */
    public TableColumn<R, String> column(String key, C sortKey, Function<R, String> value, ColumnWidth width) {
        TableColumn<R, String> column = new TableColumn<>(i18n.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.getProperties().put(EXPORT, value);
        column.setUserData(sortKey);
        width.applyTo(column);
        return column;
    }

    /** Sets the columns, the first one sorting the list. */
    @SafeVarargs
    public final void columns(TableColumn<R, ?>... columns) {
        table.getColumns().setAll(columns);
        table.getSortOrder().setAll(columns[0]);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private VBox loadingState() {
        VBox box = new VBox(8, new ProgressIndicator(), new Label(i18n.get("list.loading")));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** Adds a button beside the one that adds a record (an import, an export). */
    public void addAction(Button action) {
        action.setMinWidth(Region.USE_PREF_SIZE);
        heading.getChildren().forEach(n -> {
            if (n instanceof Region region && !(n.getClass() == Region.class)) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        heading.getChildren().add(heading.getChildren().size() - 1, action);
    }

    /** Adds a button at the right end of the filter row, after the count (an export of what is shown). */
    public void addTrailing(Button action) {
        action.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        filters.getChildren().addAll(spacer, action);
    }

    /** The columns shown, in their order, with the texts their cells show: what an export writes. */
    @SuppressWarnings("unchecked")
    public List<fr.cercle.app.spreadsheet.ListExport.Column<R>> exportColumns() {
        return table.getColumns().stream().filter(TableColumn::isVisible)
                .filter(c -> c.getProperties().get(EXPORT) instanceof Function)
                .map(c -> new fr.cercle.app.spreadsheet.ListExport.Column<>(c.getText(),
                        (Function<R, String>) c.getProperties().get(EXPORT)))
                .toList();
    }

    /**
     * The filters in force, in words, for the audit trail of an export: the chosen entries of the filter
     * menus, and that a search narrowed the list, without what was typed (it may be a person's name).
     * Empty when the whole list is shown.
     */
    public String filterDescription() {
        List<String> parts = new java.util.ArrayList<>();
        for (ComboBox<? extends FilterChoice<?>> menu : filterMenus) {
            FilterChoice<?> choice = menu.getValue();
            if (choice != null && choice.value() != null) {
                parts.add(choice.label());
            }
        }
        if (!search.getText().isBlank()) {
            parts.add(i18n.get("spreadsheet.export.searched"));
        }
        return String.join(", ", parts);
    }

    /** For views that add controls of their own to the filter row. */
    public void addToFilters(Node node) {
        filters.getChildren().add(filters.getChildren().size() - 1, node);
    }
}
