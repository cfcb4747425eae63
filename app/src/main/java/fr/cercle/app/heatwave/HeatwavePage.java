package fr.cercle.app.heatwave;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.spreadsheet.ListExport;
import fr.cercle.app.spreadsheet.SpreadsheetButtons;
import fr.cercle.app.ui.Banner;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.DateField;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.heatwave.CallOutcome;
import fr.cercle.model.heatwave.Campaign;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;

/**
 * The heatwave area: with no alert, the register and a short form to declare one; during an alert,
 * today's round of calls with its progress, one line per call with a button per outcome, and the
 * register below. Lays out and binds only.
 */
public final class HeatwavePage implements Page {

    private final HeatwaveViewModel model;
    private final I18n i18n;
    private final VBox root = new VBox(14);
    private final VBox calls = new VBox(6);
    private final VBox register = new VBox(4);
    private final javafx.beans.property.StringProperty exportNotice = new javafx.beans.property.SimpleStringProperty();

    private final AppContext context;
    private final ListExport export;

    public HeatwavePage(AppContext context) {
        this.context = context;
        this.model = new HeatwaveViewModel(context);
        this.export = new ListExport(context);
        this.i18n = context.i18n();
        root.setId("heatwavePage");

        Label title = new Label(i18n.get("heatwave.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(i18n.get("heatwave.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        Label failure = Banner.of("heatwaveFailure", Icons.of(Material2OutlinedMZ.WARNING), Styles.DANGER,
                model.failureProperty());
        Label notice = Banner.of("heatwaveNotice", Icons.of(Material2OutlinedAL.CHECK_CIRCLE), Styles.SUCCESS,
                model.noticeProperty());

        Label exported = Banner.of("registerExported", Icons.of(Material2OutlinedMZ.SAVE_ALT), Styles.ACCENT, exportNotice);

        VBox declare = declareForm();
        declare.visibleProperty().bind(model.campaignProperty().isNull().and(model.loadedProperty()));
        declare.managedProperty().bind(declare.visibleProperty());
        VBox alert = alertSection();
        alert.visibleProperty().bind(model.campaignProperty().isNotNull());
        alert.managedProperty().bind(alert.visibleProperty());

        Label registerTitle = new Label();
        registerTitle.getStyleClass().addAll("form-section", "title-4");
        registerTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.format("heatwave.register.title", model.register().size()), model.register()));
        register.setId("heatwaveRegister");
        Button exportRegister = new Button(i18n.get("heatwave.export"), Icons.of(Material2OutlinedMZ.SAVE_ALT));
        exportRegister.setId("exportRegister");
        exportRegister.getStyleClass().add(Styles.BUTTON_OUTLINED);
        exportRegister.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.register())
                .or(export.runningProperty()));
        exportRegister.setOnAction(e -> exportRegister());
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        HBox registerHeader = new HBox(10, registerTitle, push, exportRegister);
        registerHeader.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(14, title, intro, failure, notice, exported, declare, alert, registerHeader, register);
        content.setPadding(new Insets(24));
        content.setMaxWidth(960);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().setAll(scroll);

        model.calls().addListener((ListChangeListener<HeatwaveViewModel.CallRow>) c -> showCalls());
        model.register().addListener((ListChangeListener<HeatwaveViewModel.RegisterRow>) c -> showRegister());
        model.startDeclaration();
        model.load();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        model.load();
    }

    /** The register for the prefecture, as a CSV file, in the background. */
    private void exportRegister() {
        context.files().toSave(root, i18n.get("heatwave.export"),
                        ListExport.suggestedName(i18n.get("heatwave.export.name"),
                                java.time.LocalDate.now(context.clock())),
                        SpreadsheetButtons.csvFiles(i18n))
                .ifPresent(file -> export.export("heatwave_register", "", model.entries(), model.registerColumns(), file,
                        exportNotice::set));
    }


    private VBox declareForm() {
        Label none = new Label(i18n.get("heatwave.none"), Icons.of(Material2OutlinedAL.INFO));
        none.setWrapText(true);
        FormLayout layout = new FormLayout();
        ComboBox<AlertLevel> level = Choices.of(List.of(AlertLevel.values()), i18n::label, i18n.get("field.choose"));
        level.setId("alertLevel");
        level.valueProperty().bindBidirectional(model.levelProperty());
        layout.field(i18n.get("heatwave.level") + " *", level, model.error(Campaign.LEVEL), level);
        DateField starts = new DateField().prompt(i18n.get("field.date.prompt"));
        starts.node().setId("alertStartsOn");
        starts.node().valueProperty().bindBidirectional(model.startsOnProperty());
        layout.field(i18n.get("heatwave.startsOn") + " *", starts.node(), model.error(Campaign.STARTS_ON), starts.node());
        DateField ends = new DateField().prompt(i18n.get("field.date.prompt"));
        ends.node().setId("alertEndsOn");
        ends.node().valueProperty().bindBidirectional(model.endsOnProperty());
        layout.field(i18n.get("heatwave.endsOn"), ends.node(), model.error(Campaign.ENDS_ON), ends.node());
        TextField note = new TextField();
        note.setId("alertNote");
        note.textProperty().bindBidirectional(model.noteProperty());
        layout.field(i18n.get("heatwave.note"), note, model.error(Campaign.NOTE), note);
        Button declare = new Button(i18n.get("heatwave.declare"), Icons.of(Material2OutlinedMZ.WB_SUNNY));
        declare.setId("declareAlert");
        declare.getStyleClass().add(Styles.DANGER);
        declare.disableProperty().bind(model.busyProperty());
        declare.setOnAction(e -> {
            starts.commit();
            ends.commit();
            model.declare();
        });
        layout.full(declare);
        VBox box = new VBox(10, none, layout.node());
        box.getStyleClass().add("need-form");
        box.setPadding(new Insets(12));
        return box;
    }

    private VBox alertSection() {
        Label alert = new Label();
        alert.setId("alertText");
        alert.setWrapText(true);
        alert.setMaxWidth(Double.MAX_VALUE);
        alert.setGraphic(Icons.of(Material2OutlinedMZ.WB_SUNNY));
        alert.getStyleClass().addAll("banner", Styles.WARNING);
        alert.textProperty().bind(model.campaignTextProperty());

        Button start = new Button(i18n.get("heatwave.round.start"), Icons.of(Material2OutlinedMZ.PHONE));
        start.setId("startRound");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.busyProperty().or(model.roundStartedProperty()));
        Button close = new Button(i18n.get("heatwave.close"), Icons.of(Material2OutlinedAL.CHECK));
        close.setId("closeAlert");
        close.getStyleClass().add(Styles.BUTTON_OUTLINED);
        close.disableProperty().bind(model.busyProperty());
        close.setOnAction(e -> model.closeCampaign());
        start.setOnAction(e -> model.startRound());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(10, start, grow, close);
        actions.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("roundProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label progress = new Label();
        progress.setId("roundProgressText");
        progress.setWrapText(true);
        progress.textProperty().bind(model.progressTextProperty());
        VBox round = new VBox(6, bar, progress);
        round.visibleProperty().bind(model.roundStartedProperty());
        round.managedProperty().bind(round.visibleProperty());
        calls.setId("roundCalls");
        return new VBox(10, alert, actions, round, calls);
    }

    private void showCalls() {
        calls.getChildren().clear();
        for (HeatwaveViewModel.CallRow row : model.calls()) {
            Label who = new Label(row.person() + (row.phone().isEmpty() ? "" : " — " + row.phone()));
            who.getStyleClass().add(Styles.TEXT_BOLD);
            Label step = new Label(row.step() + " · " + row.caller());
            step.setWrapText(true);
            step.getStyleClass().add(Styles.TEXT_MUTED);
            VBox text = new VBox(2, who, step);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(10, text);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setPadding(new Insets(8, 12, 8, 12));
            line.getStyleClass().addAll("heatwave-call", row.done() ? "done" : "to-do");
            line.setUserData(row);
            if (row.done()) {
                Label outcome = new Label(row.outcome(), Icons.of(Material2OutlinedAL.CHECK_CIRCLE, 14));
                outcome.setWrapText(true);
                outcome.setMaxWidth(320);
                line.getChildren().add(outcome);
            } else {
                TextField remark = new TextField();
                remark.setPromptText(i18n.get("heatwave.remark.prompt"));
                remark.setPrefColumnCount(16);
                remark.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().addAll(remark,
                        outcome(row, CallOutcome.REACHED_FINE, remark, Styles.SUCCESS, "reachedFine"),
                        outcome(row, CallOutcome.NEEDS_HELP, remark, Styles.WARNING, "needsHelp"),
                        outcome(row, CallOutcome.UNREACHABLE, remark, Styles.DANGER, "unreachable"));
            }
            calls.getChildren().add(line);
        }
    }

    private Button outcome(HeatwaveViewModel.CallRow row, CallOutcome outcome, TextField remark, String style, String id) {
        Button button = new Button(i18n.label(outcome));
        button.setId(id);
        button.getStyleClass().addAll(style, Styles.SMALL);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.disableProperty().bind(model.busyProperty());
        button.setOnAction(e -> model.record(row, outcome, remark.getText()));
        return button;
    }

    private void showRegister() {
        register.getChildren().clear();
        if (model.register().isEmpty()) {
            Label empty = new Label(i18n.get("heatwave.register.empty"));
            empty.setWrapText(true);
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            register.getChildren().add(empty);
            return;
        }
        for (HeatwaveViewModel.RegisterRow row : model.register()) {
            Label name = new Label(row.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label details = new Label(i18n.format("heatwave.register.line", row.address(), row.phone(), row.emergency(),
                    row.registered()));
            details.setWrapText(true);
            details.getStyleClass().add(Styles.TEXT_MUTED);
            VBox line = new VBox(2, name, details);
            line.getStyleClass().add("heatwave-registered");
            line.setPadding(new Insets(6, 12, 6, 12));
            register.getChildren().add(line);
        }
    }
}
