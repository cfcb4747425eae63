package fr.cercle.app.sync;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.conflict.ConflictsView;
import fr.cercle.app.conflict.ConflictsViewModel;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sync area: where this installation stands with the server, the sync on demand with its
 * progress and a button that stops it, the exchange through files for a computer without network,
 * and the conflicts screen in its place when asked for. Lays out and binds only.
 */
public final class SyncPage implements Page {

    private static final List<String> FILE_PATTERNS = List.of("*.cercle", "*.cercle.gz");

    private final AppContext context;
    private final I18n i18n;
    private final SyncViewModel model;
    private final ConflictsViewModel conflictsModel;
    private final StackPane root = new StackPane();
    private final ScrollPane status;
    private final ConflictsView conflicts;
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(30), e -> tick()));

    /**
     * @param notify       shows a short confirmation
     * @param openSettings takes the person to the settings (to set a server)
     */
    public SyncPage(AppContext context, Consumer<String> notify, Runnable openSettings) {
        this.context = context;
        this.i18n = context.i18n();
        this.model = new SyncViewModel(context);
        this.conflictsModel = new ConflictsViewModel(context, context.sync()::decided, notify);
        this.conflicts = new ConflictsView(conflictsModel, i18n, this::showStatus);

        Label title = new Label(i18n.get("sync.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = muted(i18n.get("sync.intro"));
        Label message = new Label();
        message.setId("syncMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.getStyleClass().add("banner");
        model.messageProperty().addListener((obs, old, shown) -> showMessage(message, shown));
        showMessage(message, model.messageProperty().get());

        VBox content = new VBox(16, title, intro, message, stateCard(), serverCard(openSettings), fileCard());
        content.setPadding(new Insets(20, 24, 24, 24));
        content.setMaxWidth(900);
        status = new ScrollPane(content);
        status.setFitToWidth(true);
        root.getChildren().setAll(status);
        clock.setCycleCount(Timeline.INDEFINITE);
        // The relative times ("5 minutes ago") move on while the screen shows; the status is read when it appears.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                clock.stop();
            } else {
                model.refresh();
                clock.play();
            }
        });
    }

    @Override
    public Node node() {
        return root;
    }

    /** After a sync, an import or a decision: the conflicts on show are read again. */
    @Override
    public void refresh() {
        if (root.getChildren().contains(conflicts.node())) {
            conflictsModel.load();
        }
    }

    /** Imports a file chosen elsewhere (a bundle double-clicked), with the same report as the button's. */
    public void importFrom(Path file) {
        showStatus();
        model.importFrom(file);
    }

    public void showConflicts() {
        conflictsModel.load();
        root.getChildren().setAll(conflicts.node());
    }

    public void showStatus() {
        model.refresh();
        root.getChildren().setAll(status);
    }

    private void tick() {
        model.tick();
    }

    private VBox stateCard() {
        Label last = line("syncLast", Material2OutlinedMZ.SCHEDULE);
        last.textProperty().bind(model.lastSyncText());
        last.getStyleClass().add(Styles.TEXT_BOLD);
        Label pending = line("syncPending", Material2OutlinedAL.CLOUD_UPLOAD);
        pending.textProperty().bind(model.pendingText());
        Label conflictCount = line("syncConflicts", Material2OutlinedAL.CALL_SPLIT);
        conflictCount.textProperty().bind(model.conflictsText());
        Hyperlink open = new Hyperlink(i18n.get("sync.conflicts.open"));
        open.setId("openConflicts");
        open.visibleProperty().bind(model.hasConflicts());
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> showConflicts());
        HBox conflictRow = new HBox(8, conflictCount, open);
        conflictRow.setAlignment(Pos.CENTER_LEFT);
        return card(i18n.get("sync.state"), last, pending, conflictRow);
    }

    private VBox serverCard(Runnable openSettings) {
        Label server = new Label();
        server.setWrapText(true);
        server.setId("syncServer");
        server.textProperty().bind(model.serverText());
        Label next = muted("");
        next.setId("syncNext");
        next.textProperty().bind(model.nextText());
        next.visibleProperty().bind(model.nextText().isNotEmpty());
        next.managedProperty().bind(next.visibleProperty());

        Button settings = new Button(i18n.get("sync.server.openSettings"), Icons.of(Material2OutlinedMZ.SETTINGS));
        settings.setId("syncOpenSettings");
        settings.setOnAction(e -> openSettings.run());
        settings.visibleProperty().bind(model.serverSet().not());
        settings.managedProperty().bind(settings.visibleProperty());

        Button now = new Button(i18n.get("sync.now"), Icons.of(Material2OutlinedMZ.SYNC));
        now.setId("syncNow");
        now.getStyleClass().add(Styles.ACCENT);
        now.setDefaultButton(true);
        now.visibleProperty().bind(model.serverSet());
        now.managedProperty().bind(now.visibleProperty());
        // While another exchange runs (a file being read or written), a sync waits for it.
        now.disableProperty().bind(model.busyProperty());
        now.setOnAction(e -> model.syncNow());
        Button stop = new Button(i18n.get("sync.cancel"), Icons.of(Material2OutlinedMZ.STOP));
        stop.setId("syncCancel");
        stop.visibleProperty().bind(model.syncingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.disableProperty().bind(model.stoppingProperty());
        stop.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(160);
        progress.visibleProperty().bind(model.syncingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label step = new Label();
        step.setId("syncStep");
        step.textProperty().bind(model.progressText());
        step.visibleProperty().bind(model.syncingProperty());
        step.managedProperty().bind(step.visibleProperty());
        HBox actions = new HBox(12, now, settings, stop, progress, step);
        actions.setAlignment(Pos.CENTER_LEFT);
        return card(i18n.get("sync.server.title"), server, next, actions);
    }

    private VBox fileCard() {
        Label note = muted(i18n.get("sync.file.note"));
        List<FileChooser.ExtensionFilter> kinds = List.of(new FileChooser.ExtensionFilter(i18n.get("sync.file.kind"),
                FILE_PATTERNS));
        Button export = new Button(i18n.get("sync.export"), Icons.of(Material2OutlinedMZ.SAVE_ALT));
        export.setId("exportFile");
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(e -> context.files().toSave(root, i18n.get("sync.export.title"), model.suggestedFileName(), kinds)
                .ifPresent(model::exportTo));
        Button read = new Button(i18n.get("sync.import"), Icons.of(Material2OutlinedAL.FOLDER_OPEN));
        read.setId("importFile");
        read.disableProperty().bind(model.busyProperty());
        read.setOnAction(e -> context.files().toOpen(root, i18n.get("sync.import.title"), List.of(kinds.get(0),
                        new FileChooser.ExtensionFilter(i18n.get("sync.file.any"), "*.*")))
                .ifPresent(model::importFrom));
        CheckBox all = new CheckBox(i18n.get("sync.export.all"));
        all.setId("exportAll");
        all.setWrapText(true);
        all.selectedProperty().bindBidirectional(model.exportAllProperty());
        HBox actions = new HBox(12, export, read);
        actions.setAlignment(Pos.CENTER_LEFT);
        return card(i18n.get("sync.file.title"), note, actions, all);
    }

    private static VBox card(String heading, Node... children) {
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_4);
        VBox card = new VBox(10, title);
        card.getChildren().addAll(children);
        card.getStyleClass().add("card-box");
        card.setPadding(new Insets(14, 16, 16, 16));
        return card;
    }

    private static Label line(String id, Ikon icon) {
        Label label = new Label("", Icons.of(icon));
        label.setId(id);
        label.setWrapText(true);
        label.setGraphicTextGap(10);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static void showMessage(Label label, SyncViewModel.Message message) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, "info");
        if (message == null) {
            label.setText("");
            label.setGraphic(null);
            label.setVisible(false);
            label.setManaged(false);
            return;
        }
        label.setText(message.text());
        switch (message.tone()) {
            case SUCCESS -> {
                label.getStyleClass().add(Styles.SUCCESS);
                label.setGraphic(Icons.of(Material2OutlinedAL.CHECK_CIRCLE));
            }
            case DANGER -> {
                label.getStyleClass().add(Styles.DANGER);
                label.setGraphic(Icons.of(Material2OutlinedMZ.WARNING));
            }
            case INFO -> {
                label.getStyleClass().add("info");
                label.setGraphic(Icons.of(Material2OutlinedAL.INFO));
            }
        }
        label.setVisible(true);
        label.setManaged(true);
    }
}
