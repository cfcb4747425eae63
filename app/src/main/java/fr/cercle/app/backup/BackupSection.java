package fr.cercle.app.backup;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.persistence.backup.AutomaticBackups;
import fr.cercle.persistence.backup.BackupFile;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.List;
import java.util.function.Consumer;

/** The backups section of the settings screen: shown to administrators only. */
public final class BackupSection {

    private BackupSection() {
    }

    public static Node of(AppContext context, Consumer<String> notify) {
        BackupViewModel model = new BackupViewModel(context);
        if (!model.allowed()) {
            return new VBox();
        }
        I18n i18n = context.i18n();
        FormLayout form = new FormLayout();
        form.section(i18n.get("backup.title"));
        form.note(i18n.get("backup.note"));

        Button now = new Button(i18n.get("backup.now"), Icons.of(Material2OutlinedAL.BACKUP));
        now.setId("backupNow");
        now.disableProperty().bind(model.busyProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("backupProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setPrefWidth(220);
        Label running = new Label(i18n.get("backup.now.running"));
        for (Node shown : List.of(progress, running)) {
            shown.visibleProperty().bind(model.busyProperty());
            shown.managedProperty().bind(shown.visibleProperty());
        }
        now.setOnAction(e -> context.files().toSave(now, i18n.get("backup.now.dialog"), model.suggestedName(),
                        List.of(new FileChooser.ExtensionFilter(i18n.get("backup.file.kind"), "*" + BackupFile.EXTENSION)))
                .map(chosen -> chosen.getFileName().toString().endsWith(BackupFile.EXTENSION) ? chosen
                        : chosen.resolveSibling(chosen.getFileName() + BackupFile.EXTENSION))
                .ifPresent(target -> model.backupNow(target, notify)));
        HBox row = new HBox(10, now, progress, running);
        row.setAlignment(Pos.CENTER_LEFT);
        form.full(row);

        ComboBox<Integer> interval = Choices.of(AutomaticBackups.INTERVALS, hours -> i18n.format("backup.interval.choice", hours), null);
        interval.setId("backupInterval");
        interval.valueProperty().bindBidirectional(model.intervalHoursProperty());
        form.field(i18n.get("backup.interval"), interval, null, interval);
        ComboBox<Integer> keep = Choices.of(BackupViewModel.KEEP_CHOICES, n -> i18n.format("backup.keep.choice", n), null);
        keep.setId("backupKeep");
        keep.valueProperty().bindBidirectional(model.keepProperty());
        form.field(i18n.get("backup.keep"), keep, null, keep);
        Label status = new Label();
        status.setId("backupStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        form.full(status);

        Label failure = new Label();
        failure.setId("backupFailure");
        failure.setWrapText(true);
        failure.textProperty().bind(model.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        model.load();
        return new VBox(8, form.node(), failure);
    }
}
