package fr.cercle.app.backup;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.CenteredCard;
import fr.cercle.app.ui.FilePicker;
import fr.cercle.app.ui.Icons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.util.List;
import java.util.function.Consumer;

/**
 * The card of the sign-in screen that restores a backup: the file, who opens it, what happens to the
 * data here, and the button. Laid out as the other cards of that screen.
 */
public final class RestoreView {

    private RestoreView() {
    }

    /**
     * @param back     back to the sign-in card
     * @param restored the sentence to show once the backup is in place
     */
    public static VBox form(RestoreViewModel model, I18n i18n, FilePicker files, Runnable back, Consumer<String> restored) {
        Label title = new Label(i18n.get("restore.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = CenteredCard.wrapped(i18n.get("restore.intro"));

        Button choose = new Button(i18n.get("restore.choose"), Icons.of(Material2OutlinedAL.FOLDER_OPEN));
        choose.setId("restoreChoose");
        choose.disableProperty().bind(model.busyProperty());
        choose.setOnAction(e -> files.toOpen(choose, i18n.get("restore.choose.dialog"),
                        List.of(new FileChooser.ExtensionFilter(i18n.get("backup.file.kind"), RestoreViewModel.extensionPattern())))
                .ifPresent(model::choose));
        Label summary = CenteredCard.wrapped("");
        summary.setId("restoreSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.ACCENT);
        summary.visibleProperty().bind(model.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        TextField login = new TextField();
        login.setId("restoreLogin");
        login.textProperty().bindBidirectional(model.loginProperty());
        PasswordField password = new PasswordField();
        password.setId("restorePassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        VBox account = new VBox(14, CenteredCard.labelled(i18n.get("access.login"), login), CenteredCard.labelled(i18n.get("access.password"), password));
        TextField code = new TextField();
        code.setId("restoreCode");
        code.setPromptText(i18n.get("access.recover.code.prompt"));
        code.textProperty().bindBidirectional(model.codeProperty());
        Node recovery = CenteredCard.labelled(i18n.get("access.recover.code"), code);
        CheckBox withCode = new CheckBox(i18n.get("restore.withCode"));
        withCode.setId("restoreWithCode");
        withCode.setWrapText(true);
        withCode.selectedProperty().bindBidirectional(model.withCodeProperty());
        account.visibleProperty().bind(model.withCodeProperty().not());
        account.managedProperty().bind(account.visibleProperty());
        recovery.visibleProperty().bind(model.withCodeProperty());
        recovery.managedProperty().bind(recovery.visibleProperty());

        Label warning = CenteredCard.wrapped(i18n.get("restore.warning"));
        warning.getStyleClass().add(Styles.TEXT_MUTED);
        Label message = CenteredCard.wrapped("");
        message.setId("restoreMessage");
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.DANGER);
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Button restore = new Button(i18n.get("restore.button"));
        restore.setId("restore");
        restore.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        restore.setDefaultButton(true);
        restore.setMaxWidth(Double.MAX_VALUE);
        restore.disableProperty().bind(model.busyProperty().or(model.fileProperty().isNull()));
        restore.setOnAction(e -> model.restore(restored));
        Hyperlink cancel = new Hyperlink(i18n.get("restore.back"));
        cancel.setId("restoreBack");
        cancel.setOnAction(e -> back.run());
        return new VBox(14, title, intro, choose, summary, account, withCode, recovery, warning, message, restore, cancel);
    }

}
