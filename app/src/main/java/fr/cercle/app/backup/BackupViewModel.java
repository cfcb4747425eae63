package fr.cercle.app.backup;

import fr.cercle.app.AppContext;
import fr.cercle.app.access.Session;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.persistence.backup.AutomaticBackups;
import fr.cercle.persistence.backup.BackupFile;
import fr.cercle.persistence.backup.Backups;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The backups section of the settings, for administrators: a backup now to a file the person
 * chooses (on a worker of its own, with its progress, so that the rest of the screens keep working),
 * and the schedule of the automatic ones, with where the latest stands.
 */
public final class BackupViewModel {

    /** How many automatic backups may be kept, as offered. */
    public static final List<Integer> KEEP_CHOICES = List.of(3, 5, 7, 10, 14, 30);

    private final AppContext context;
    private final I18n i18n;
    private final ObjectProperty<Integer> intervalHours = new SimpleObjectProperty<>(this, "intervalHours");
    private final ObjectProperty<Integer> keep = new SimpleObjectProperty<>(this, "keep");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private boolean loading;

    public BackupViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        intervalHours.addListener((o, was, now) -> saveSchedule());
        keep.addListener((o, was, now) -> saveSchedule());
    }

    /** Whether this account may back up the data: all of them go in the file, so an administrator. */
    public boolean allowed() {
        return NeedToKnow.canWrite(context.viewer(), Subject.ACCOUNTS) && context.session().isPresent();
    }

    public ObjectProperty<Integer> intervalHoursProperty() {
        return intervalHours;
    }

    public ObjectProperty<Integer> keepProperty() {
        return keep;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The share of the backup under way that is written, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Where the automatic backups stand, in a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The name proposed for a backup made today. */
    public String suggestedName() {
        return "cercle-" + LocalDate.now(context.clock()).format(DateTimeFormatter.ISO_LOCAL_DATE) + BackupFile.EXTENSION;
    }

    /** Reads the schedule and the state of the automatic backups. */
    public void load() {
        Path dataDir = context.database().directory();
        context.tasks().run(() -> new Loaded(AutomaticBackups.Settings.read(context.localSettings()),
                        AutomaticBackups.latest(dataDir), AutomaticBackups.existing(dataDir).size(),
                        AutomaticBackups.lastFailure(context.localSettings())),
                loaded -> {
                    loading = true;
                    intervalHours.set(loaded.settings().intervalHours());
                    keep.set(loaded.settings().keep());
                    loading = false;
                    status.set(statusText(loaded));
                },
                error -> failure.set(i18n.get("backup.load.failed")));
    }

    private record Loaded(AutomaticBackups.Settings settings, Optional<java.time.Instant> latest, int count,
                          Optional<java.time.Instant> failed) {
    }

    private String statusText(Loaded loaded) {
        String folder = AutomaticBackups.folder(context.database().directory()).toString();
        String text = loaded.latest()
                .map(last -> i18n.format("backup.auto.latest", Date.from(last), loaded.count(), folder))
                .orElse(i18n.format("backup.auto.none", folder));
        return loaded.failed().map(when -> text + " " + i18n.format("backup.auto.failed", Date.from(when))).orElse(text);
    }

    private void saveSchedule() {
        if (loading || intervalHours.get() == null || keep.get() == null) {
            return;
        }
        AutomaticBackups.Settings chosen = new AutomaticBackups.Settings(intervalHours.get(), keep.get());
        context.tasks().run(() -> {
            chosen.write(context.localSettings());
            return chosen;
        }, saved -> failure.set(""), error -> failure.set(i18n.get("backup.schedule.failed")));
    }

    /**
     * Backs up to {@code target} on a worker of its own; {@code done} gets the sentence to show (file
     * and size) on the JavaFX thread.
     */
    public void backupNow(Path target, Consumer<String> done) {
        Session session = context.session().orElseThrow(() -> new IllegalStateException("Nobody signed in"));
        if (!allowed() || busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(0);
        failure.set("");
        TaskRunner worker = context.tasks().sibling("cercle-backup");
        double[] shown = {0};
        worker.run(() -> Backups.create(context.database(), session.key(), target, share -> {
            if (share - shown[0] >= 0.02 || share >= 1) {
                shown[0] = share;
                worker.onUi(() -> progress.set(share));
            }
        }), made -> {
            busy.set(false);
            progress.set(1);
            worker.close();
            done.accept(i18n.format("backup.now.done", made.file().toString(), size(made.bytes())));
        }, error -> {
            busy.set(false);
            worker.close();
            failure.set(i18n.format("backup.now.failed", target.toString()));
        });
    }

    /** A size in kilobytes or megabytes, as people read it. */
    String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return i18n.format("backup.size.kb", Math.max(1, Math.round(bytes / 1024.0)));
        }
        return i18n.format("backup.size.mb", Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0);
    }
}
