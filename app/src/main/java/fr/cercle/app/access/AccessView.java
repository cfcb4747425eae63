package fr.cercle.app.access;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.ui.CenteredCard;
import fr.cercle.persistence.security.DatabaseKey;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The screens before the data open: sign in, or, at the very first start, create the administrator's
 * account and note the recovery code. One card in the middle of the window, as the welcome.
 */
public final class AccessView {

    private final TextField login = new TextField();
    private final VBox card = new VBox(14);
    private final StackPane root = CenteredCard.of(card, 520);
    private javafx.scene.control.Control focus = login;
    /** What the sign-in card shows, to come back to from the recovery or restore card. */
    private final java.util.List<Node> home = new java.util.ArrayList<>();

    private AccessView() {
        login.setId("login");
    }

    /** Asks for a login and password; {@code demo} shows the demo account's, filled in. */
    public static AccessView signIn(AccessViewModel model, I18n i18n, boolean demo, Consumer<DatabaseKey> done) {
        AccessView view = new AccessView();
        Label title = title(i18n.get("app.name"));
        Label intro = CenteredCard.wrapped(i18n.get("access.signIn.intro"));
        view.login.textProperty().bindBidirectional(model.loginProperty());
        PasswordField password = passwordField("password", model.passwordProperty());
        Button signIn = primary(i18n.get("access.signIn.button"), "signIn", model.busyProperty(), () -> model.signIn(done));
        javafx.scene.control.Hyperlink useRecovery = new javafx.scene.control.Hyperlink(i18n.get("access.recover.link"));
        useRecovery.setId("useRecovery");
        useRecovery.setWrapText(true);
        view.card.getChildren().addAll(title, intro,
                CenteredCard.labelled(i18n.get("access.login"), view.login), CenteredCard.labelled(i18n.get("access.password"), password),
                message(model), signIn, CenteredCard.wrapped(i18n.get("access.signIn.forgotten")), useRecovery);
        view.home.addAll(view.card.getChildren());
        VBox recover = recoverForm(model, i18n, () -> view.card.getChildren().setAll(view.home));
        useRecovery.setOnAction(e -> {
            model.passwordProperty().set("");
            view.card.getChildren().setAll(recover);
        });
        VBox recovery = recoveryCode(model, i18n, done);
        model.recoveryCodeProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                view.card.getChildren().setAll(recovery);
            }
        });
        if (demo) {
            model.loginProperty().set(AccessViewModel.DEMO_LOGIN);
            model.passwordProperty().set(AccessViewModel.DEMO_PASSWORD);
            Label hint = CenteredCard.wrapped(i18n.format("access.signIn.demo", AccessViewModel.DEMO_LOGIN, AccessViewModel.DEMO_PASSWORD));
            hint.getStyleClass().add(Styles.ACCENT);
            view.card.getChildren().add(2, hint);
        }
        return view;
    }

    /** The window locked after inactivity: the same person's password again, or nothing shows. */
    public static AccessView locked(AccessViewModel model, I18n i18n, String login, long minutes, Runnable done) {
        AccessView view = new AccessView();
        PasswordField password = passwordField("unlockPassword", model.passwordProperty());
        Button unlock = primary(i18n.get("access.locked.button"), "unlock", model.busyProperty(), () -> model.unlock(login, done));
        view.card.getChildren().addAll(title(i18n.get("access.locked.title")),
                CenteredCard.wrapped(i18n.format("access.locked.intro", minutes, login)),
                CenteredCard.labelled(i18n.get("access.password"), password), message(model), unlock);
        view.focus = password;
        return view;
    }

    /** The very first start: the administrator's account, then the recovery code, once. */
    public static AccessView firstAccount(AccessViewModel model, I18n i18n, boolean plainDataHere,
                                          Consumer<DatabaseKey> done) {
        AccessView view = new AccessView();
        VBox create = new VBox(14);
        create.getChildren().add(title(i18n.get("access.first.title")));
        create.getChildren().add(CenteredCard.wrapped(i18n.get("access.first.intro")));
        if (plainDataHere) {
            create.getChildren().add(CenteredCard.wrapped(i18n.get("access.first.existing")));
        }
        view.login.textProperty().bindBidirectional(model.loginProperty());
        view.login.setPromptText(i18n.get("access.login.prompt"));
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField confirmation = passwordField("confirmation", model.confirmationProperty());
        Label rule = CenteredCard.wrapped(i18n.format("access.password.hint", fr.cercle.persistence.security.PasswordRule.MIN_LENGTH));
        rule.getStyleClass().add(Styles.TEXT_MUTED);
        Button createButton = primary(i18n.get("access.first.button"), "createAccount", model.busyProperty(), () -> model.createFirstAccount());
        create.getChildren().addAll(CenteredCard.labelled(i18n.get("access.login"), view.login),
                CenteredCard.labelled(i18n.get("access.password"), password), rule,
                CenteredCard.labelled(i18n.get("access.confirmation"), confirmation), message(model), createButton);

        VBox recovery = recoveryCode(model, i18n, done);

        view.card.getChildren().setAll(create);
        model.recoveryCodeProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                view.card.getChildren().setAll(recovery);
            }
        });
        return view;
    }

    /** The recovery code, shown once (after the first account, or after a recovery renewed it). */
    private static VBox recoveryCode(AccessViewModel model, I18n i18n, Consumer<DatabaseKey> done) {
        Label code = new Label();
        code.setId("recoveryCode");
        code.textProperty().bind(model.recoveryCodeProperty());
        code.getStyleClass().addAll(Styles.TITLE_3, "recovery-code");
        CheckBox noted = new CheckBox(i18n.get("access.recovery.noted"));
        noted.setId("recoveryNoted");
        noted.setWrapText(true);
        Button proceed = primary(i18n.get("access.recovery.continue"), "continue", noted.selectedProperty().not(), () -> model.proceed(done));
        return new VBox(14, title(i18n.get("access.recovery.title")), CenteredCard.wrapped(i18n.get("access.recovery.intro")),
                code, CenteredCard.wrapped(i18n.get("access.recovery.keep")), noted, proceed);
    }

    /** A forgotten administrator password: the recovery code, the login, a new password. */
    private static VBox recoverForm(AccessViewModel model, I18n i18n, Runnable back) {
        TextField login = new TextField();
        login.setId("recoverLogin");
        login.textProperty().bindBidirectional(model.loginProperty());
        TextField code = new TextField();
        code.setId("recoveryCodeInput");
        code.setPromptText(i18n.get("access.recover.code.prompt"));
        code.textProperty().bindBidirectional(model.codeProperty());
        PasswordField password = passwordField("newPassword", model.passwordProperty());
        PasswordField confirmation = passwordField("newConfirmation", model.confirmationProperty());
        Button recover = primary(i18n.get("access.recover.button"), "recover", model.busyProperty(), () -> model.recover());
        javafx.scene.control.Hyperlink cancel = new javafx.scene.control.Hyperlink(i18n.get("access.recover.back"));
        cancel.setOnAction(e -> back.run());
        Label rule = CenteredCard.wrapped(i18n.format("access.password.hint", fr.cercle.persistence.security.PasswordRule.MIN_LENGTH));
        rule.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(14, title(i18n.get("access.recover.title")), CenteredCard.wrapped(i18n.get("access.recover.intro")),
                CenteredCard.labelled(i18n.get("access.login"), login), CenteredCard.labelled(i18n.get("access.recover.code"), code),
                CenteredCard.labelled(i18n.get("access.recover.password"), password), rule,
                CenteredCard.labelled(i18n.get("access.confirmation"), confirmation), message(model), recover, cancel);
    }

    /** The card's main button: large, the default for Enter, off while {@code disabled}. */
    private static Button primary(String text, String id, javafx.beans.value.ObservableValue<Boolean> disabled,
                                  Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        button.setDefaultButton(true);
        button.setMaxWidth(Double.MAX_VALUE);
        button.disableProperty().bind(disabled);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static PasswordField passwordField(String id, javafx.beans.property.StringProperty bound) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(bound);
        return field;
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.TITLE_2);
        return title;
    }


    private static Label message(AccessViewModel model) {
        Label message = new Label();
        message.setId("accessMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.DANGER);
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /**
     * Adds the link that restores a backup in place of this folder's data (the data are closed on
     * this screen); {@code restored} gets the sentence to show once it is done.
     */
    public AccessView offerRestore(fr.cercle.app.backup.RestoreViewModel restore, I18n i18n,
                                   fr.cercle.app.ui.FilePicker files, Consumer<String> restored) {
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(i18n.get("restore.link"));
        link.setId("restoreBackup");
        link.setWrapText(true);
        card.getChildren().add(link);
        if (!home.isEmpty()) {
            home.add(link);
        }
        link.setOnAction(e -> {
            java.util.List<Node> before = java.util.List.copyOf(card.getChildren());
            card.getChildren().setAll(fr.cercle.app.backup.RestoreView.form(restore, i18n, files,
                    () -> card.getChildren().setAll(before), restored));
        });
        return this;
    }

    /** A sentence of good news above the card's content (a backup restored, for instance). */
    public void showNotice(String text) {
        Label notice = CenteredCard.wrapped(text);
        notice.setId("accessNotice");
        notice.getStyleClass().add(Styles.SUCCESS);
        card.getChildren().add(1, notice);
        if (!home.isEmpty()) {
            home.add(1, notice);
        }
    }

    public StackPane node() {
        return root;
    }

    public void focusFirstField() {
        focus.requestFocus();
    }
}
