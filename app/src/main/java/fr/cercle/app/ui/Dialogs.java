package fr.cercle.app.ui;

import fr.cercle.app.i18n.I18n;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

import java.util.Optional;

/** Confirmations asked before something that cannot be undone at a click. */
public final class Dialogs {

    private Dialogs() {
    }

    /** Asks a yes/no question; the safe answer is the default. */
    public static boolean confirm(Node owner, I18n i18n, String header, String content, String yes) {
        return ask(Alert.AlertType.CONFIRMATION, owner, i18n, header, content, yes);
    }

    /**
     * Asks before something that can never be undone (an erasure): the same question, with the
     * warning sign instead of the question mark; the safe answer is the default.
     */
    public static boolean confirmIrreversible(Node owner, I18n i18n, String header, String content, String yes) {
        return ask(Alert.AlertType.WARNING, owner, i18n, header, content, yes);
    }

    private static boolean ask(Alert.AlertType type, Node owner, I18n i18n, String header, String content, String yes) {
        ButtonType confirm = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(type, content, confirm, cancel);
        alert.setTitle(i18n.get("app.name"));
        alert.setHeaderText(header);
        if (owner != null && owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == confirm;
    }
}
