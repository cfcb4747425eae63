package fr.cercle.app.backup;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.persistence.NewerDatabaseException;
import fr.cercle.persistence.backup.BackupException;
import fr.cercle.persistence.backup.BackupFile;
import fr.cercle.persistence.backup.Restore;
import fr.cercle.persistence.security.SignInException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Restoring a backup from the sign-in screen, while the data are closed: the file (its plain header
 * read first, to say when it was made), then a login and password of that time or its recovery code.
 * The restore itself runs in the background and changes nothing unless it succeeds entirely.
 */
public final class RestoreViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreViewModel.class);

    private final Path dataDir;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final BooleanProperty withCode = new SimpleBooleanProperty(this, "withCode");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public RestoreViewModel(Path dataDir, TaskRunner tasks, I18n i18n, Clock clock) {
        this.dataDir = Objects.requireNonNull(dataDir);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The backup chosen, once its header was read; null before. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** What the chosen backup is, in a sentence: when it was made. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty codeProperty() {
        return code;
    }

    /** Whether the backup is opened with its recovery code rather than an account. */
    public BooleanProperty withCodeProperty() {
        return withCode;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the chosen file's header: it is a backup, made on such a day. */
    public void choose(Path chosen) {
        busy.set(true);
        message.set("");
        tasks.run(() -> Restore.inspect(chosen), header -> {
            busy.set(false);
            file.set(chosen);
            summary.set(i18n.format("restore.summary", chosen.getFileName().toString(), Date.from(header.createdAt())));
        }, error -> {
            busy.set(false);
            file.set(null);
            summary.set("");
            message.set(problem(error));
        });
    }

    /** Restores the chosen backup; {@code done} gets the sentence to show on the sign-in screen. */
    public void restore(Consumer<String> done) {
        Path chosen = file.get();
        if (chosen == null) {
            message.set(i18n.get("restore.noFile"));
            return;
        }
        Restore.Credentials who;
        if (withCode.get()) {
            if (code.get().isBlank()) {
                message.set(i18n.get("restore.empty"));
                return;
            }
            who = Restore.Credentials.recovery(code.get());
        } else {
            if (login.get().isBlank() || password.get().isEmpty()) {
                message.set(i18n.get("restore.empty"));
                return;
            }
            who = Restore.Credentials.account(login.get(), password.get().toCharArray());
        }
        busy.set(true);
        message.set("");
        tasks.run(() -> Restore.restore(chosen, dataDir, who, clock), restored -> {
            busy.set(false);
            password.set("");
            code.set("");
            String made = i18n.format("restore.done", Date.from(restored.header().createdAt()));
            done.accept(restored.previous()
                    .map(previous -> made + " " + i18n.format("restore.done.previous", previous.toString()))
                    .orElse(made));
        }, error -> {
            busy.set(false);
            password.set("");
            code.set("");
            message.set(problem(error));
        });
    }

    private String problem(Throwable error) {
        if (error instanceof SignInException) {
            return i18n.get(withCode.get() ? "restore.wrongCode" : "restore.wrong");
        }
        if (error instanceof NewerDatabaseException) {
            return i18n.get("restore.newer");
        }
        if (error instanceof BackupException failed) {
            return switch (failed.reason()) {
                case NOT_A_BACKUP -> i18n.get("restore.notABackup");
                case NEWER_FORMAT -> i18n.get("restore.newer");
                case DAMAGED -> i18n.get("restore.damaged");
                case NOT_ADMINISTRATOR -> i18n.get("restore.notAdministrator");
                case IN_USE -> i18n.get("restore.inUse");
                case INPUT_OUTPUT -> i18n.get("restore.failed");
            };
        }
        LOG.error("The backup could not be restored", error);
        return i18n.get("restore.failed");
    }

    /** The kind of file asked for in the system's dialog. */
    public static String extensionPattern() {
        return "*" + BackupFile.EXTENSION;
    }
}
