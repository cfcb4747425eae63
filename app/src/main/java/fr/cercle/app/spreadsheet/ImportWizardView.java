package fr.cercle.app.spreadsheet;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.spreadsheet.ImportWizardViewModel.ColumnChoice;
import fr.cercle.app.spreadsheet.ImportWizardViewModel.PreviewLine;
import fr.cercle.app.spreadsheet.ImportWizardViewModel.TargetChoice;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.Icons;
import fr.cercle.model.common.Domain;
import fr.cercle.model.spreadsheet.ImportKind;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The import of a spreadsheet, on one screen: the file and how it was read, for each column a menu
 * of what it holds above its first lines, the problems line by line, and the import with its
 * progress. Lays out and binds; {@link ImportWizardViewModel} decides.
 */
public final class ImportWizardView {

    private final ImportWizardViewModel model;
    private final AppContext context;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<PreviewLine> table = new TableView<>();

    /**
     * @param back returns to the list (the person gave up, or after an import)
     */
    public ImportWizardView(ImportWizardViewModel model, AppContext context, Runnable back) {
        this.model = model;
        this.context = context;
        this.i18n = context.i18n();

        Label title = new Label(model.title());
        title.getStyleClass().add(Styles.TITLE_2);
        Button close = new Button(i18n.get("spreadsheet.import.back"), Icons.of(Material2OutlinedAL.ARROW_BACK));
        close.setId("importBack");
        close.setOnAction(e -> {
            model.cancel();
            back.run();
        });
        close.disableProperty().bind(model.importingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(12, title, spacer, close);
        heading.setAlignment(Pos.CENTER_LEFT);

        Button choose = new Button(i18n.get("spreadsheet.import.choose"), Icons.of(Material2OutlinedAL.FOLDER_OPEN));
        choose.setId("importChoose");
        choose.setOnAction(e -> context.files().toOpen(root, i18n.get("spreadsheet.import.choose"),
                SpreadsheetButtons.csvFiles(i18n)).ifPresent(model::open));
        choose.disableProperty().bind(model.importingProperty());
        Label fileName = new Label();
        fileName.setId("importFileName");
        fileName.textProperty().bind(model.fileNameProperty());
        fileName.getStyleClass().add(Styles.TEXT_BOLD);
        Label fileInfo = new Label();
        fileInfo.textProperty().bind(model.fileInfoProperty());
        fileInfo.getStyleClass().add(Styles.TEXT_MUTED);
        Button reload = new Button(i18n.get("spreadsheet.import.reload"), Icons.of(Material2OutlinedMZ.REFRESH));
        reload.setId("importReload");
        reload.setOnAction(e -> model.reload());
        reload.visibleProperty().bind(model.fileNameProperty().isNotEmpty());
        reload.disableProperty().bind(model.importingProperty());
        HBox fileRow = new HBox(12, choose, fileName, fileInfo, reload);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(12, heading, fileRow);
        if (model.kind() == ImportKind.BENEFICIARIES) {
            ComboBox<Domain> domain = Choices.of(model.domains(), i18n::label, i18n.get("spreadsheet.import.domain"));
            domain.setId("importDomain");
            domain.setPrefWidth(240);
            domain.setMinWidth(Region.USE_PREF_SIZE);
            domain.valueProperty().bindBidirectional(model.domainProperty());
            Label domainLabel = new Label(i18n.get("spreadsheet.import.domain"));
            domainLabel.setMinWidth(Region.USE_PREF_SIZE);
            Label defaults = new Label(model.defaultsText());
            defaults.setWrapText(true);
            defaults.getStyleClass().add(Styles.TEXT_MUTED);
            HBox.setHgrow(defaults, Priority.ALWAYS);
            HBox options = new HBox(12, domainLabel, domain, defaults);
            options.setAlignment(Pos.CENTER_LEFT);
            top.getChildren().add(options);
        } else {
            Label defaults = new Label(model.defaultsText());
            defaults.setWrapText(true);
            defaults.getStyleClass().add(Styles.TEXT_MUTED);
            top.getChildren().add(defaults);
        }
        Label failure = new Label();
        failure.setId("importFailure");
        failure.setWrapText(true);
        failure.textProperty().bind(model.failureProperty());
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        failure.getStyleClass().add(Styles.DANGER);
        top.getChildren().add(failure);
        top.setPadding(new Insets(0, 0, 12, 0));

        Label hint = new Label(i18n.get("spreadsheet.import.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox empty = new VBox(12, hint);
        empty.setAlignment(Pos.TOP_LEFT);
        empty.visibleProperty().bind(model.loadedProperty().not());
        empty.managedProperty().bind(empty.visibleProperty());

        table.setId("importPreview");
        table.setItems(model.preview());
        table.setPlaceholder(new Label(""));
        table.setPrefHeight(300);
        table.setMinHeight(200);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        model.columns().addListener((ListChangeListener<ColumnChoice>) change -> buildColumns());
        model.linesInError().addListener((javafx.collections.SetChangeListener<Integer>) change -> table.refresh());
        Label columnsTitle = new Label(i18n.get("spreadsheet.import.columns"));
        columnsTitle.getStyleClass().add(Styles.TITLE_4);
        Label mapping = new Label();
        mapping.setId("importMapping");
        mapping.setWrapText(true);
        mapping.textProperty().bind(model.mappingTextProperty());
        mapping.visibleProperty().bind(model.mappingTextProperty().isNotEmpty());
        mapping.managedProperty().bind(mapping.visibleProperty());
        mapping.getStyleClass().add(Styles.DANGER);

        Label summary = new Label();
        summary.setId("importSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.TITLE_4);
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("importProblems");
        problems.setPlaceholder(new Label(i18n.get("spreadsheet.import.noProblem")));
        problems.setPrefHeight(180);
        VBox.setVgrow(problems, Priority.ALWAYS);
        VBox checked = new VBox(8, columnsTitle, table, mapping, summary, problems);
        checked.visibleProperty().bind(model.loadedProperty());
        checked.managedProperty().bind(checked.visibleProperty());
        VBox.setVgrow(checked, Priority.ALWAYS);
        VBox center = new VBox(empty, checked);

        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(240);
        Label progressText = new Label();
        progressText.textProperty().bind(model.progressTextProperty());
        Button cancel = new Button(i18n.get("spreadsheet.import.stop"));
        cancel.setId("importStop");
        cancel.setOnAction(e -> model.cancel());
        HBox running = new HBox(12, progress, progressText, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.importingProperty());
        running.managedProperty().bind(running.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button run = new Button(i18n.get("spreadsheet.import.run"), Icons.of(Material2OutlinedAL.FILE_UPLOAD));
        run.setId("importRun");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(model.importableProperty().not().or(model.busyProperty()));
        HBox bottom = new HBox(12, running, gap, run);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        run.setOnAction(e -> model.importAll());

        root.setTop(top);
        root.setCenter(center);
        root.setBottom(bottom);
        root.setPadding(new Insets(20, 24, 20, 24));
    }

    public Node node() {
        return root;
    }

    /** One column per column of the file: its header, and under it the menu of what it holds. */
    private void buildColumns() {
        table.getColumns().clear();
        TableColumn<PreviewLine, String> line = new TableColumn<>(i18n.get("spreadsheet.import.lineHeader"));
        line.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().line())));
        line.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean wrong = !empty && getTableRow() != null && getTableRow().getItem() != null
                        && model.linesInError().contains(getTableRow().getItem().line());
                setText(empty ? null : item);
                setGraphic(wrong ? Icons.of(Material2OutlinedMZ.WARNING) : null);
                getStyleClass().remove(Styles.DANGER);
                if (wrong) {
                    getStyleClass().add(Styles.DANGER);
                }
            }
        });
        line.setSortable(false);
        line.setPrefWidth(72);
        table.getColumns().add(line);
        for (ColumnChoice choice : model.columns()) {
            TableColumn<PreviewLine, String> column = new TableColumn<>();
            int index = choice.index();
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cells().get(index)));
            column.setSortable(false);
            Label header = new Label(choice.header());
            header.getStyleClass().add(Styles.TEXT_BOLD);
            ComboBox<TargetChoice> target = new ComboBox<>();
            target.setId("importTarget" + index);
            target.getItems().setAll(model.targetChoices());
            target.valueProperty().bindBidirectional(choice.target());
            target.disableProperty().bind(model.importingProperty());
            target.setPrefWidth(200);
            VBox graphic = new VBox(4, header, target);
            graphic.setPadding(new Insets(4, 0, 4, 0));
            column.setGraphic(graphic);
            column.setPrefWidth(212);
            table.getColumns().add(column);
        }
    }
}
