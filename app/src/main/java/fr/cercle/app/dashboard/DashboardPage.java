package fr.cercle.app.dashboard;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.dashboard.DashboardLine;
import fr.cercle.model.helper.HelperId;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.List;
import java.util.function.Consumer;

/**
 * The dashboard area: the figures as tiles, the citizen hours per month and the people followed per
 * domain as bar charts; a tile opens the list behind it, whose lines open the person's file (or the
 * helper's). The figures are computed again each time the area is shown and when data arrive from
 * elsewhere.
 */
public final class DashboardPage implements Page {

    private final DashboardViewModel model;
    private final I18n i18n;
    private final Consumer<BeneficiaryId> openFile;
    private final Consumer<HelperId> openHelper;
    private final StackPane root = new StackPane();
    private final VBox figures;
    private final VBox list;
    private final TilePane tiles = new TilePane(12, 12);
    private final XYChart.Series<String, Number> hours = new XYChart.Series<>();
    private final XYChart.Series<Number, String> domains = new XYChart.Series<>();
    private final TableView<DashboardViewModel.Row> table = new TableView<>();

    /**
     * @param openFile   opens a person's file in the beneficiaries area
     * @param openHelper opens a helper's record in the helpers area
     */
    public DashboardPage(AppContext context, Consumer<BeneficiaryId> openFile, Consumer<HelperId> openHelper) {
        this.model = new DashboardViewModel(context);
        this.i18n = context.i18n();
        this.openFile = openFile;
        this.openHelper = openHelper;
        this.figures = figures();
        this.list = list();
        ScrollPane shown = scroll(figures);
        root.getChildren().setAll(shown);
        root.setId("dashboard");
        model.openedProperty().addListener((obs, old, tile) -> root.getChildren().setAll(tile == null ? shown : list));
        // Computed when the area is shown: what the person recorded elsewhere in the meantime counts.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                model.load();
            }
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    public DashboardViewModel model() {
        return model;
    }

    private VBox figures() {
        Label title = new Label(i18n.get("dashboard.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label asOf = new Label();
        asOf.setId("dashboardAsOf");
        asOf.getStyleClass().add(Styles.TEXT_MUTED);
        asOf.textProperty().bind(model.asOfProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("dashboardProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.loadingProperty());
        Label loading = new Label(i18n.get("dashboard.loading"));
        loading.getStyleClass().add(Styles.TEXT_MUTED);
        loading.visibleProperty().bind(model.loadingProperty());
        HBox header = new HBox(12, title, asOf, progress, loading);
        header.setAlignment(Pos.BASELINE_LEFT);

        Label failure = new Label();
        failure.setId("dashboardFailure");
        failure.setWrapText(true);
        failure.getStyleClass().add(Styles.DANGER);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        tiles.setPrefColumns(5);
        tiles.setPrefTileWidth(174);
        tiles.setPrefTileHeight(124);
        tiles.setId("dashboardTiles");
        model.tiles().addListener((ListChangeListener<DashboardViewModel.Tile>) c ->
                tiles.getChildren().setAll(model.tiles().stream().map(this::tile).toList()));

        BarChart<String, Number> hoursChart = hoursChart();
        // People per domain as horizontal bars: the domains' names read whole.
        NumberAxis count = new NumberAxis();
        count.setLabel(i18n.get("dashboard.chart.domains.axis"));
        BarChart<Number, String> domainsChart = new BarChart<>(count, new CategoryAxis());
        domainsChart.setTitle(i18n.get("dashboard.chart.domains"));
        domainsChart.setLegendVisible(false);
        domainsChart.setAnimated(false);
        domainsChart.setPrefHeight(280);
        domainsChart.getData().add(domains);
        domainsChart.setId("domainsChart");
        model.hours().addListener((ListChangeListener<DashboardViewModel.Bar>) c -> hours.getData().setAll(
                model.hours().stream().map(b -> new XYChart.Data<String, Number>(b.label(), b.value())).toList()));
        model.domains().addListener((ListChangeListener<DashboardViewModel.Bar>) c -> domains.getData().setAll(
                model.domains().stream().map(b -> new XYChart.Data<Number, String>(b.value(), b.label())).toList()));
        HBox charts = new HBox(16, hoursChart, domainsChart);
        HBox.setHgrow(hoursChart, Priority.ALWAYS);
        hoursChart.setMinWidth(420);
        domainsChart.setPrefWidth(380);
        domainsChart.setMinWidth(320);

        VBox box = new VBox(14, header, failure, tiles, charts, dropoutSection());
        box.setPadding(new Insets(20, 24, 20, 24));
        return box;
    }

    /**
     * The dropout path: two tiles (followed now, solutions found) beside a chart of horizontal bars, the
     * steps in one colour and the year's outcomes in another (stacked: each bar is in one series only);
     * a bar opens the list of the young people it counts. Shown to who sees school files or indicators.
     */
    private VBox dropoutSection() {
        Label title = new Label(i18n.get("dashboard.dropout.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        XYChart.Series<Number, String> steps = new XYChart.Series<>();
        steps.setName(i18n.get("dashboard.dropout.series.steps"));
        XYChart.Series<Number, String> outcomes = new XYChart.Series<>();
        outcomes.setName(i18n.get("dashboard.dropout.series.outcomes"));
        NumberAxis count = new NumberAxis();
        count.setLabel(i18n.get("dashboard.dropout.chart.axis"));
        count.setMinorTickVisible(false);
        // Counts of young people: whole numbers only on the axis.
        count.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue()) ? String.valueOf(value.intValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Integer.valueOf(text);
            }
        });
        CategoryAxis categories = new CategoryAxis();
        // The categories in the path's order from the top, not in the order the series bring them.
        categories.setAutoRanging(false);
        StackedBarChart<Number, String> chart = new StackedBarChart<>(count, categories);
        chart.setTitle(i18n.get("dashboard.dropout.chart"));
        chart.setAnimated(false);
        chart.setPrefHeight(360);
        chart.setId("dropoutChart");
        chart.getData().addAll(List.of(steps, outcomes));
        model.dropout().addListener((ListChangeListener<DashboardViewModel.DropoutBar>) c -> {
            // Every category in the chart's order (top to bottom: the path, then how it ended).
            List<String> order = new java.util.ArrayList<>(model.dropout().stream().map(DashboardViewModel.DropoutBar::label).toList());
            java.util.Collections.reverse(order);
            categories.getCategories().setAll(order);
            steps.getData().setAll(model.dropout().stream().filter(b -> !b.outcome()).map(this::bar).toList());
            outcomes.getData().setAll(model.dropout().stream().filter(DashboardViewModel.DropoutBar::outcome).map(this::bar).toList());
        });
        Label hint = new Label(i18n.get("dashboard.dropout.chart.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.dropout().stream().anyMatch(b -> b.tile().opens()), model.dropout()));
        hint.managedProperty().bind(hint.visibleProperty());

        VBox dropoutTiles = new VBox(12);
        dropoutTiles.setId("dropoutTiles");
        model.dropoutTiles().addListener((ListChangeListener<DashboardViewModel.Tile>) c ->
                dropoutTiles.getChildren().setAll(model.dropoutTiles().stream().map(t -> {
                    Button b = tile(t);
                    b.setPrefSize(174, 124);
                    return b;
                }).toList()));
        VBox chartBox = new VBox(4, chart, hint);
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        HBox row = new HBox(16, dropoutTiles, chartBox);
        VBox section = new VBox(8, title, row);
        section.setId("dropoutSection");
        section.visibleProperty().bind(model.dropoutShownProperty());
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    /** A bar of the dropout chart, which opens its list when it may. */
    private XYChart.Data<Number, String> bar(DashboardViewModel.DropoutBar b) {
        XYChart.Data<Number, String> data = new XYChart.Data<>(b.value(), b.label());
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null && b.tile().opens()) {
                node.setCursor(javafx.scene.Cursor.HAND);
                node.setOnMouseClicked(e -> model.open(b.tile()));
                javafx.scene.control.Tooltip.install(node, new javafx.scene.control.Tooltip(
                        b.tile().label() + " : " + b.tile().value()));
            }
        });
        return data;
    }

    private Button tile(DashboardViewModel.Tile t) {
        Label value = new Label(t.value());
        value.getStyleClass().addAll(Styles.TITLE_2, "dashboard-value");
        value.setId("tileValue-" + t.id());
        Label label = new Label(t.label());
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        Label hint = new Label(t.hint());
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox content = new VBox(2, value, label, hint);
        content.setAlignment(Pos.TOP_LEFT);
        content.setMaxWidth(Double.MAX_VALUE);
        Button button = new Button(null, content);
        button.setId("tile-" + t.id());
        button.setUserData(t);
        button.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        button.setAlignment(Pos.TOP_LEFT);
        button.getStyleClass().add("dashboard-tile");
        button.setAccessibleText(t.label() + " : " + t.value() + ". " + t.hint());
        if (t.opens()) {
            button.setTooltip(new javafx.scene.control.Tooltip(i18n.get("dashboard.open")));
            button.setOnAction(e -> model.open(t));
        } else {
            button.setFocusTraversable(false);
            button.setMouseTransparent(true);
        }
        return button;
    }

    private BarChart<String, Number> hoursChart() {
        NumberAxis y = new NumberAxis();
        y.setLabel(i18n.get("dashboard.chart.hours.axis"));
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y);
        chart.setTitle(i18n.get("dashboard.chart.hours"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(280);
        chart.getData().add(hours);
        chart.setId("hoursChart");
        return chart;
    }

    private VBox list() {
        Button back = new Button(i18n.get("dashboard.back"), Icons.of(Material2OutlinedAL.ARROW_BACK));
        back.setId("dashboardBack");
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> model.closeList());
        Label title = new Label();
        title.setId("dashboardListTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(model.listTitleProperty());
        Label count = new Label();
        count.setId("dashboardListCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(model.listCountProperty());
        Label hint = new Label(i18n.get("dashboard.list.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        TableColumn<DashboardViewModel.Row, String> name = new TableColumn<>(i18n.get("dashboard.list.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(260);
        TableColumn<DashboardViewModel.Row, String> detail = new TableColumn<>(i18n.get("dashboard.list.detail"));
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        detail.setPrefWidth(520);
        table.getColumns().setAll(List.of(name, detail));
        table.setId("dashboardList");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(i18n.get("dashboard.list.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<DashboardViewModel.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openLine(row.getItem().line());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                openLine(table.getSelectionModel().getSelectedItem().line());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button more = new Button(i18n.get("dashboard.more"));
        more.setId("dashboardMore");
        more.visibleProperty().bind(model.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> model.more());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(12, count, grow, hint, more);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(10, back, title, table, footer);
        box.setPadding(new Insets(16, 24, 24, 24));
        return box;
    }

    private void openLine(DashboardLine line) {
        if (line.file() != null) {
            openFile.accept(line.file());
        } else if (line.helper() != null) {
            openHelper.accept(line.helper());
        }
    }

    private static ScrollPane scroll(VBox content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.getStyleClass().add("edge-to-edge");
        return pane;
    }
}
