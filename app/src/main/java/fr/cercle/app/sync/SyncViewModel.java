package fr.cercle.app.sync;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.sync.client.ImportReport;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.client.SyncSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sync screen in words: when the last sync succeeded, what the server still lacks, the conflicts
 * waiting, where a sync under way is, and how the last exchange ended. Bindings to the shared
 * {@link SyncService} are weak: a screen that is gone does not stay attached to it.
 */
public final class SyncViewModel {

    /** How a message reads: good news, a neutral note, or something that went wrong. */
    public enum Tone { SUCCESS, INFO, DANGER }

    /** A message about the last exchange. */
    public record Message(Tone tone, String text) {
    }

    static final String GZ = ".cercle.gz";
    static final String PLAIN = ".cercle";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final I18n i18n;
    private final SyncService sync;
    private final Clock clock;
    private final ObjectProperty<Instant> now;
    private final BooleanProperty exportAll = new SimpleBooleanProperty(this, "exportAll");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final StringBinding lastSyncText;
    private final StringBinding pendingText;
    private final StringBinding conflictsText;
    private final StringBinding serverText;
    private final StringBinding nextText;
    private final StringBinding progressText;
    private final BooleanBinding serverSet;
    private final BooleanBinding hasConflicts;
    private final ChangeListener<SyncOutcome> onOutcome;

    public SyncViewModel(AppContext context) {
        this.i18n = context.i18n();
        this.sync = context.sync();
        this.clock = context.clock();
        this.now = new SimpleObjectProperty<>(this, "now", clock.instant());
        var status = sync.statusProperty();
        var settings = sync.settingsProperty();
        lastSyncText = Bindings.createStringBinding(() -> lastSync(status.get().lastSync()), status, now);
        pendingText = Bindings.createStringBinding(() -> status.get().pending() == 0 ? i18n.get("sync.pending.none")
                : i18n.format("sync.pending", status.get().pending()), status);
        conflictsText = Bindings.createStringBinding(() -> status.get().conflicts() == 0 ? i18n.get("sync.conflicts.none")
                : i18n.format("sync.conflicts", status.get().conflicts()), status);
        serverSet = Bindings.createBooleanBinding(() -> settings.get() != null && settings.get().hasServer(), settings);
        hasConflicts = Bindings.createBooleanBinding(() -> status.get().conflicts() > 0, status);
        serverText = Bindings.createStringBinding(() -> server(settings.get()), settings);
        nextText = Bindings.createStringBinding(() -> next(sync.nextAttemptProperty().get()), sync.nextAttemptProperty());
        progressText = Bindings.createStringBinding(() -> progress(sync.stepProperty().get()),
                sync.stepProperty(), sync.stoppingProperty());
        onOutcome = (obs, old, outcome) -> {
            if (outcome != null) {
                message.set(messageFor(outcome));
            }
        };
        sync.lastOutcomeProperty().addListener(new WeakChangeListener<>(onOutcome));
        if (sync.lastOutcomeProperty().get() != null) {
            message.set(messageFor(sync.lastOutcomeProperty().get()));
        }
    }

    // Properties

    public StringBinding lastSyncText() {
        return lastSyncText;
    }

    public StringBinding pendingText() {
        return pendingText;
    }

    public StringBinding conflictsText() {
        return conflictsText;
    }

    public StringBinding serverText() {
        return serverText;
    }

    /** When the next automatic sync comes, or empty. */
    public StringBinding nextText() {
        return nextText;
    }

    /** Where the sync under way is, in words, or empty. */
    public StringBinding progressText() {
        return progressText;
    }

    public BooleanBinding serverSet() {
        return serverSet;
    }

    public BooleanBinding hasConflicts() {
        return hasConflicts;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return sync.syncingProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return sync.busyProperty();
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return sync.stoppingProperty();
    }

    /** Export every change made here, not only those the server lacks. */
    public BooleanProperty exportAllProperty() {
        return exportAll;
    }

    /** How the last exchange ended; {@code null} before any. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    // Commands

    /** Reads the status again (the screen is shown). */
    public void refresh() {
        tick();
        sync.refresh();
    }

    /** Brings "5 minutes ago" up to date. */
    public void tick() {
        now.set(clock.instant());
    }

    public void syncNow() {
        message.set(null);
        sync.syncNow();
    }

    public void cancel() {
        sync.cancel();
    }

    /** The name proposed for an exported file. */
    public String suggestedFileName() {
        // Sealed files are encrypted, so not compressed on the outside: plain ".cercle".
        return i18n.format("sync.export.fileName", LocalDate.now(clock).toString()) + PLAIN;
    }

    /** Writes the exchange file where the person chose, adding the usual ending to a bare name. */
    public void exportTo(Path chosen) {
        String name = chosen.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Path file = lower.endsWith(GZ) || lower.endsWith(PLAIN) ? chosen : chosen.resolveSibling(name + PLAIN);
        boolean all = exportAll.get();
        message.set(null);
        sync.exportFile(file, all, result -> message.set(exported(result, all)));
    }

    public void importFrom(Path file) {
        message.set(null);
        sync.importFile(file, result -> message.set(imported(result)));
    }

    // Words

    private String lastSync(Instant last) {
        if (last == null) {
            return i18n.get("sync.last.never");
        }
        ZonedDateTime at = last.atZone(clock.getZone());
        return i18n.format("sync.last", ago(last), i18n.date(at.toLocalDate()), TIME.format(at));
    }

    private String ago(Instant then) {
        Duration since = Duration.between(then, now.get());
        if (since.toMinutes() < 1) {
            return i18n.get("time.justNow");
        }
        if (since.toHours() < 1) {
            return i18n.format("time.minutesAgo", since.toMinutes());
        }
        if (since.toDays() < 1) {
            return i18n.format("time.hoursAgo", since.toHours());
        }
        return i18n.format("time.daysAgo", since.toDays());
    }

    private String server(SyncSettings settings) {
        if (settings == null) {
            return "";
        }
        if (!settings.hasServer()) {
            return i18n.get("sync.server.none");
        }
        return i18n.format("sync.server", settings.server().toString(), settings.intervalMinutes());
    }

    private String next(Instant at) {
        return at == null ? "" : i18n.format("sync.next", TIME.format(at.atZone(clock.getZone())));
    }

    private String progress(SyncClient.Step step) {
        if (step == null) {
            return "";
        }
        if (sync.stoppingProperty().get()) {
            return i18n.get("sync.step.stopping");
        }
        return switch (step) {
            case CONTACTING -> i18n.get("sync.step.contacting");
            case SENDING -> i18n.get("sync.step.sending");
            case RECEIVING -> i18n.get("sync.step.receiving");
            case DONE -> i18n.get("sync.step.done");
        };
    }

    Message messageFor(SyncOutcome outcome) {
        if (outcome.succeeded()) {
            SyncReport report = outcome.report();
            List<String> parts = new ArrayList<>();
            parts.add(i18n.format("sync.done", report.sent(), report.applied()));
            if (report.held() > 0) {
                parts.add(i18n.format("sync.done.held", report.held()));
            }
            if (report.newServerEpoch()) {
                parts.add(i18n.get("sync.done.restored"));
            }
            return new Message(Tone.SUCCESS, String.join(" ", parts));
        }
        String text = switch (outcome.problem()) {
            case UNREACHABLE -> i18n.get("sync.error.unreachable");
            case REFUSED -> i18n.get("sync.error.refused");
            case SERVER_ERROR -> i18n.get("sync.error.serverError");
            case BAD_ANSWER -> i18n.get("sync.error.badAnswer");
            case CANCELLED -> i18n.get("sync.error.cancelled");
            case NOT_ENROLLED -> i18n.get("sync.error.notEnrolled");
            case REVOKED -> i18n.get("sync.error.revoked");
            // Only an enrolment is refused this way; said here too should a server answer a sync with it.
            case ENROLMENT_REFUSED -> i18n.get("sync.error.refused");
            case UNEXPECTED -> i18n.get("sync.error.unexpected");
        };
        if (outcome.trigger() == SyncService.Trigger.AUTOMATIC) {
            text = i18n.format("sync.error.automatic", TIME.format(outcome.at().atZone(clock.getZone()))) + " " + text;
        }
        return new Message(outcome.problem() == SyncProblem.CANCELLED ? Tone.INFO : Tone.DANGER, text);
    }

    Message exported(ExportResult result, boolean all) {
        switch (result.kind()) {
            case NOT_ENROLLED -> {
                return new Message(Tone.DANGER, i18n.get("sync.export.notEnrolled"));
            }
            case FAILED -> {
                return new Message(Tone.DANGER, i18n.get("sync.export.failed"));
            }
            case WRITTEN -> {
                // said below
            }
        }
        String name = result.file().getFileName().toString();
        if (result.changes() == 0) {
            return new Message(Tone.INFO, i18n.format(all ? "sync.export.emptyAll" : "sync.export.empty", name));
        }
        return new Message(Tone.SUCCESS, i18n.format("sync.export.done", result.changes(), name));
    }

    Message imported(ImportResult result) {
        return switch (result.kind()) {
            case IMPORTED -> new Message(Tone.SUCCESS, importReport(result.report()));
            case REFUSED -> new Message(Tone.DANGER, refused(result));
            case NOT_ENROLLED -> new Message(Tone.DANGER, i18n.get("sync.import.notEnrolled"));
            case UNREADABLE -> new Message(Tone.DANGER, i18n.get("sync.import.unreadable"));
            case FAILED -> new Message(Tone.DANGER, i18n.get("sync.import.failed"));
        };
    }

    private String importReport(ImportReport report) {
        List<String> parts = new ArrayList<>();
        parts.add(i18n.format("sync.import.done", report.applied()));
        if (report.duplicates() > 0) {
            parts.add(i18n.format("sync.import.duplicates", report.duplicates()));
        }
        if (report.held() > 0) {
            parts.add(i18n.format("sync.import.held", report.held()));
        }
        if (report.afterDeletion() > 0) {
            parts.add(i18n.format("sync.import.afterDeletion", report.afterDeletion()));
        }
        if (!report.aheadOfTime().isEmpty()) {
            parts.add(i18n.format("sync.import.aheadOfTime", report.aheadOfTime().size()));
        }
        return String.join(" ", parts);
    }

    private String refused(ImportResult result) {
        String why = switch (result.problem()) {
            case MALFORMED -> i18n.get("sync.import.problem.malformed");
            case TRUNCATED -> i18n.get("sync.import.problem.truncated");
            case CHECKSUM -> i18n.get("sync.import.problem.checksum");
            case UNKNOWN_FORMAT_VERSION -> i18n.get("sync.import.problem.unknownFormat");
            case NEWER_SCHEMA -> i18n.get("sync.import.problem.newerSchema");
            case TOO_LARGE -> i18n.get("sync.import.problem.tooLarge");
            case INVALID_CHANGE -> i18n.get("sync.import.problem.invalidChange");
            case FOREIGN -> i18n.get("sync.import.problem.foreign");
            case NOT_SEALED -> i18n.get("sync.import.problem.notSealed");
            case TAMPERED -> i18n.get("sync.import.problem.tampered");
            case NOT_FOR_US -> i18n.get("sync.import.problem.notForUs");
            case UNKNOWN_SENDER -> i18n.get("sync.import.problem.unknownSender");
            case REVOKED -> i18n.get("sync.import.problem.revoked");
            case REPLAYED -> i18n.get("sync.import.problem.replayed");
            case OUT_OF_ORDER -> i18n.get("sync.import.problem.outOfOrder");
        };
        String where = result.line() > 0 ? " " + i18n.format("sync.import.problem.line", result.line()) : "";
        return why + where + " " + i18n.get("sync.import.nothingChanged");
    }
}
