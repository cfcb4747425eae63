package fr.cercle.app.access;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.persistence.security.DatabaseEncryption;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import fr.cercle.persistence.security.PasswordRule;
import fr.cercle.persistence.security.SignInException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Who may open this installation's data: the first start creates the administrator's account (and
 * encrypts data made before encryption existed); every later start asks for a login and password.
 * Both end with the key that opens the database. The slow part (the key derivation, a quarter of a second
 * by design) runs in the background.
 */
public final class AccessViewModel {

    /** The demo folder's account, shown on its sign-in screen: the people in it are invented. */
    public static final String DEMO_LOGIN = "demo";
    public static final String DEMO_PASSWORD = "demo-cercle-2026";

    private static final Logger LOG = LoggerFactory.getLogger(AccessViewModel.class);

    /** What the screen asks for. */
    public enum Mode {
        /** No account yet: create the administrator. */
        FIRST_ACCOUNT,
        /** Accounts exist: sign in. */
        SIGN_IN
    }

    private final Path dataDir;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper recoveryCode = new ReadOnlyStringWrapper(this, "recoveryCode", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private DatabaseKey created;

    public AccessViewModel(Path dataDir, TaskRunner tasks, I18n i18n, Clock clock) {
        this.dataDir = Objects.requireNonNull(dataDir);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * What this data folder needs (reads the disk: call it in the background). A demo folder gets
     * its demo account, so that it opens at once with the credentials shown.
     */
    public static Mode prepare(Path dataDir, boolean demo) {
        if (Keyring.exists(dataDir)) {
            return Mode.SIGN_IN;
        }
        if (demo) {
            boolean plain = DatabaseEncryption.needed(dataDir);
            Keyring.Created made = Keyring.create(dataDir, DEMO_LOGIN, DEMO_PASSWORD.toCharArray());
            if (plain) {
                DatabaseEncryption.encryptInPlace(dataDir, made.key());
            }
            return Mode.SIGN_IN;
        }
        return Mode.FIRST_ACCOUNT;
    }

    /** Whether this folder already holds data that the first account's creation will encrypt. */
    public static boolean holdsPlainData(Path dataDir) {
        return DatabaseEncryption.needed(dataDir);
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** What went wrong, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The recovery code to show once, after the first account was created; empty before. */
    public ReadOnlyStringProperty recoveryCodeProperty() {
        return recoveryCode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Unlocks a locked window: {@code login}'s password again, checked against the keyring (failures
     * count towards the lockout as at sign-in); {@code done} runs on the JavaFX thread.
     */
    public void unlock(String login, Runnable done) {
        if (password.get().isEmpty()) {
            message.set(i18n.get("access.signIn.empty"));
            return;
        }
        char[] typed = password.get().toCharArray();
        busy.set(true);
        message.set("");
        tasks.run(() -> Keyring.load(dataDir).unlock(login, typed, clock.instant()), key -> {
            busy.set(false);
            password.set("");
            done.run();
        }, error -> {
            busy.set(false);
            password.set("");
            message.set(signInProblem(error));
        });
    }

    /** Signs in; {@code done} gets the database key on the JavaFX thread. */
    public void signIn(Consumer<DatabaseKey> done) {
        if (login.get().isBlank() || password.get().isEmpty()) {
            message.set(i18n.get("access.signIn.empty"));
            return;
        }
        String typedLogin = login.get();
        char[] typed = password.get().toCharArray();
        busy.set(true);
        message.set("");
        tasks.run(() -> Keyring.load(dataDir).unlock(typedLogin, typed, clock.instant()), key -> {
            busy.set(false);
            password.set("");
            done.accept(key);
        }, error -> {
            busy.set(false);
            password.set("");
            message.set(signInProblem(error));
        });
    }

    private String signInProblem(Throwable error) {
        if (error instanceof SignInException refused) {
            if (refused.reason() == SignInException.Reason.LOCKED) {
                String until = DateTimeFormatter.ofPattern("HH:mm").withZone(zone()).format(refused.lockedUntil());
                return i18n.format("access.signIn.locked", Keyring.MAX_FAILURES, until);
            }
            return i18n.format("access.signIn.wrong", refused.attemptsLeft());
        }
        LOG.error("The keyring could not be used", error);
        return i18n.get("access.keyring.unreadable");
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Creates the administrator's account and the key of this installation's data (encrypting the
     * data already here, if any), then shows the recovery code: {@link #recoveryCodeProperty()}.
     */
    public void createFirstAccount() {
        String chosen = login.get().strip();
        if (!chosen.toLowerCase(java.util.Locale.ROOT).matches("[a-z0-9][a-z0-9.-]{1,39}")) {
            message.set(i18n.get("access.login.rule"));
            return;
        }
        if (!newPasswordAccepted()) {
            return;
        }
        char[] typed = password.get().toCharArray();
        busy.set(true);
        message.set("");
        tasks.run(() -> create(chosen, typed), made -> {
            busy.set(false);
            password.set("");
            confirmation.set("");
            created = made.key();
            recoveryCode.set(made.recoveryCode());
        }, error -> {
            busy.set(false);
            LOG.error("The first account could not be created", error);
            message.set(i18n.get("access.create.failed"));
        });
    }

    private Keyring.Created create(String chosen, char[] typed) throws IOException {
        boolean plain = DatabaseEncryption.needed(dataDir);
        Keyring.Created made = Keyring.create(dataDir, chosen, typed);
        if (plain) {
            try {
                DatabaseEncryption.encryptInPlace(dataDir, made.key());
            } catch (RuntimeException e) {
                // Without the encryption, the keyring would open nothing: the next start tries again.
                Files.deleteIfExists(dataDir.resolve(Keyring.FILE_NAME));
                throw e;
            }
        }
        return made;
    }

    private final StringProperty code = new SimpleStringProperty(this, "code", "");

    /** The recovery code typed, for a forgotten administrator password. */
    public StringProperty codeProperty() {
        return code;
    }

    /**
     * A forgotten password: the recovery code opens the data's key, the login (which must exist) gets
     * the new password, and a new recovery code replaces the one used, shown once like the first.
     */
    public void recover() {
        String typedLogin = login.get().strip();
        if (typedLogin.isEmpty() || code.get().isBlank()) {
            message.set(i18n.get("access.recover.empty"));
            return;
        }
        if (!newPasswordAccepted()) {
            return;
        }
        String typedCode = code.get();
        char[] typed = password.get().toCharArray();
        busy.set(true);
        message.set("");
        tasks.run(() -> {
            Keyring keyring = Keyring.load(dataDir);
            if (!keyring.logins().contains(Keyring.normaliseLogin(typedLogin))) {
                throw new UnknownLogin();
            }
            DatabaseKey key = keyring.recover(typedCode, clock.instant());
            keyring.enrol(key, typedLogin, typed);
            return new Recovered(key, keyring.renewRecoveryCode(key));
        }, recovered -> {
            busy.set(false);
            password.set("");
            confirmation.set("");
            code.set("");
            created = recovered.key();
            recoveryCode.set(recovered.newCode());
        }, error -> {
            busy.set(false);
            code.set("");
            if (error instanceof UnknownLogin) {
                message.set(i18n.get("access.recover.unknownLogin"));
            } else if (error instanceof SignInException refused && refused.reason() == SignInException.Reason.WRONG) {
                message.set(i18n.format("access.recover.wrongCode", refused.attemptsLeft()));
            } else {
                message.set(signInProblem(error));
            }
        });
    }

    /** Whether the new password and its confirmation may be used; if not, the message says why. */
    private boolean newPasswordAccepted() {
        if (!PasswordRule.accepts(password.get().toCharArray())) {
            message.set(i18n.format("access.password.rule", PasswordRule.MIN_LENGTH));
            return false;
        }
        if (!password.get().equals(confirmation.get())) {
            message.set(i18n.get("access.password.mismatch"));
            return false;
        }
        return true;
    }

    private record Recovered(DatabaseKey key, String newCode) {
    }

    private static final class UnknownLogin extends RuntimeException {
        UnknownLogin() {
            super("No such login in the keyring", null, false, false);
        }
    }

    /** After the recovery code was noted: the key of the data, to open them. */
    public void proceed(Consumer<DatabaseKey> done) {
        if (created == null) {
            throw new IllegalStateException("No account was created");
        }
        recoveryCode.set("");
        done.accept(created);
    }
}
