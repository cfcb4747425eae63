package fr.cercle.app.sync;

import fr.cercle.app.task.TaskRunner;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.write.ConflictRepository;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.EnrolmentClient;
import fr.cercle.sync.client.SealedFiles;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.EnrolmentCode;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The client's exchanges of changes with the central server this installation is enrolled with: the
 * enrolment itself (with a one-time code), the sync (on demand, and automatically at the interval of
 * the settings when a server is set) and the files sealed for the server or by it. One exchange at a
 * time, on its own worker thread, never on the JavaFX thread (docs/decisions/0008); what the screens
 * show about it changes on the JavaFX thread. An automatic sync that fails only says so in its status
 * and tries again at the next interval: never a dialog. Without an enrolment nothing is exchanged, and
 * the outcome says so.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** How long to wait for the server before saying it does not answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** The first automatic sync comes this long after the window opens, or after a server is set. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    /** An automatic sync due while a file is being exchanged waits this long. */
    static final Duration BUSY_RETRY = Duration.ofMinutes(1);

    /** Who asked for a sync. */
    public enum Trigger {
        /** The person, with the button. */
        MANUAL,
        /** The automatic sync, at the interval of the settings. */
        AUTOMATIC
    }

    private final CercleDatabase db;
    private final TaskRunner tasks;
    private final TaskRunner exchange;
    private final Clock clock;
    private final Duration firstDelay;
    private final AtomicBoolean stop = new AtomicBoolean();

    private final ReadOnlyObjectWrapper<SyncSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<SyncStatus> status = new ReadOnlyObjectWrapper<>(this, "status", SyncStatus.UNKNOWN);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(this, "syncing");
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper(this, "stopping");
    private final ReadOnlyObjectWrapper<SyncClient.Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyObjectWrapper<SyncOutcome> lastOutcome = new ReadOnlyObjectWrapper<>(this, "lastOutcome");
    private final ReadOnlyObjectWrapper<Instant> nextAttempt = new ReadOnlyObjectWrapper<>(this, "nextAttempt");
    private final ReadOnlyLongWrapper dataChanges = new ReadOnlyLongWrapper(this, "dataChanges");

    private ScheduledExecutorService timer;
    private ScheduledFuture<?> next;
    private boolean automatic;
    private boolean closed;

    /**
     * @param tasks      the database runner, for the quick reads of the status and the settings
     * @param exchange   the runner of the exchanges, a thread of their own
     * @param firstDelay how long after {@link #startAutomatic()} (or after a server is set) the first automatic sync comes
     */
    public SyncService(CercleDatabase db, TaskRunner tasks, TaskRunner exchange, Duration firstDelay) {
        this.db = Objects.requireNonNull(db, "db");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.clock = db.clock();
        this.firstDelay = Objects.requireNonNull(firstDelay, "firstDelay");
    }

    // Properties (they change on the JavaFX thread)

    /** The server and the interval; {@code null} until read. */
    public ReadOnlyObjectProperty<SyncSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** An exchange is under way (a sync, an enrolment, or a file written or read): another one waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A sync with the server is under way (it can be stopped). */
    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** The person asked to stop the sync under way. */
    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping.getReadOnlyProperty();
    }

    /** Where the sync under way is; {@code null} when none is. */
    public ReadOnlyObjectProperty<SyncClient.Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** How the last sync since the start of the program ended; {@code null} before the first. */
    public ReadOnlyObjectProperty<SyncOutcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    /** When the next automatic sync comes; {@code null} when none is planned. */
    public ReadOnlyObjectProperty<Instant> nextAttemptProperty() {
        return nextAttempt.getReadOnlyProperty();
    }

    /** Counts the times the local data changed through an exchange or a decision: open lists reload. */
    public ReadOnlyLongProperty dataChangesProperty() {
        return dataChanges.getReadOnlyProperty();
    }

    // Commands (call them on the JavaFX thread)

    /** Reads the settings and the status again, in the background. */
    public void refresh() {
        tasks.run(() -> SyncSettings.read(db.localSettings()), settings::set, e -> { });
        refreshStatus();
    }

    /** Starts the automatic sync: the first one shortly, then at the interval, while a server is set. */
    public void startAutomatic() {
        if (automatic || closed) {
            return;
        }
        automatic = true;
        tasks.run(() -> SyncSettings.read(db.localSettings()), read -> {
            settings.set(read);
            scheduleNext(firstDelay);
        }, e -> { });
        refreshStatus();
    }

    /** Syncs with the server now, if one is set and no exchange is under way. */
    public void syncNow() {
        sync(Trigger.MANUAL);
    }

    /** Stops the sync under way as soon as it can; what was received so far is kept. */
    public void cancel() {
        if (syncing.get()) {
            stop.set(true);
            stopping.set(true);
        }
    }

    /** Saves the server and the interval, and plans the automatic sync with them. */
    public void saveSettings(SyncSettings wanted, Runnable done, Consumer<Throwable> failed) {
        tasks.run(() -> {
            wanted.write(db.localSettings());
            return wanted;
        }, saved -> {
            SyncSettings before = settings.get();
            settings.set(saved);
            LOG.info("Sync settings saved: {} server, every {} minutes", saved.hasServer() ? "a" : "no",
                    saved.intervalMinutes());
            if (automatic && !syncing.get()) {
                boolean newServer = saved.hasServer() && (before == null || !Objects.equals(before.server(), saved.server()));
                scheduleNext(newServer ? firstDelay : saved.interval());
            }
            done.run();
        }, failed);
    }

    /**
     * Enrols this installation with the server at {@code server}, with the one-time code its
     * administrator issued; a new enrolment replaces the one before. Then the automatic sync is planned
     * as for a new server. Does nothing and returns false while another exchange is under way.
     */
    public boolean enrol(URI server, EnrolmentCode code, Consumer<EnrolmentResult> done) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(code, "code");
        if (!startExchange()) {
            return false;
        }
        stop.set(false);
        exchange.run(() -> runEnrolment(server, code), enrolled -> {
            busy.set(false);
            if (enrolled.result().succeeded()) {
                settings.set(enrolled.settings());
                if (automatic && !syncing.get()) {
                    scheduleNext(firstDelay);
                }
            }
            done.accept(enrolled.result());
        }, e -> {
            busy.set(false);
            done.accept(EnrolmentResult.refused(SyncProblem.UNEXPECTED));
        });
        return true;
    }

    /**
     * Writes this installation's own changes to an exchange file sealed for the server: those the
     * server has not confirmed, or all of them. Not written when this installation is not enrolled.
     */
    public void exportFile(Path file, boolean all, Consumer<ExportResult> done) {
        if (!startExchange()) {
            return;
        }
        exchange.run(() -> writeFile(file, all), written -> {
            busy.set(false);
            refreshStatus();
            done.accept(written);
        }, e -> {
            busy.set(false);
            done.accept(ExportResult.notWritten());
        });
    }

    /**
     * Imports an exchange file the server sealed for this installation: all of it, or nothing. Refused
     * when it was sealed for another, by another than the server, or was imported before.
     */
    public void importFile(Path file, Consumer<ImportResult> done) {
        if (!startExchange()) {
            return;
        }
        exchange.run(() -> readFile(file), result -> {
            busy.set(false);
            if (result.kind() == ImportResult.Kind.IMPORTED && result.report().applied() > 0) {
                dataChanged();
            }
            refreshStatus();
            done.accept(result);
        }, e -> {
            busy.set(false);
            done.accept(ImportResult.failed());
        });
    }

    /** Local data changed by a decision here (a conflict settled): the status and the lists follow. */
    public void decided() {
        dataChanged();
        refreshStatus();
    }

    /** Stops the automatic sync and the exchange under way; waits a little for it to end. */
    @Override
    public void close() {
        closed = true;
        stop.set(true);
        cancelNext();
        if (timer != null) {
            timer.shutdownNow();
        }
        exchange.close();
        LOG.debug("Sync stopped");
    }

    /** For tests: waits until the exchanges submitted so far are done. */
    public void awaitIdle() throws Exception {
        exchange.awaitIdle();
    }

    // The work

    private void sync(Trigger trigger) {
        SyncSettings current = settings.get();
        if (current == null && !closed) {
            // Not read yet: read them, then sync if a server is set.
            tasks.run(() -> SyncSettings.read(db.localSettings()), read -> {
                settings.set(read);
                if (read.hasServer()) {
                    sync(trigger);
                }
            }, e -> { });
            return;
        }
        if (closed || current == null || !current.hasServer()) {
            return;
        }
        if (busy.get()) {
            if (trigger == Trigger.AUTOMATIC && !syncing.get()) {
                scheduleNext(BUSY_RETRY);
            }
            return;
        }
        cancelNext();
        nextAttempt.set(null);
        stop.set(false);
        stopping.set(false);
        busy.set(true);
        syncing.set(true);
        step.set(SyncClient.Step.CONTACTING);
        URI server = current.server();
        exchange.run(() -> runSync(trigger, server), this::synced,
                e -> synced(SyncOutcome.failed(trigger, clock.instant(), SyncProblem.UNEXPECTED)));
    }

    private SyncOutcome runSync(Trigger trigger, URI server) {
        Optional<Enrolment> enrolled = Enrolment.read(db.localSettings());
        if (enrolled.isEmpty()) {
            LOG.info("{} sync: this installation is not enrolled with a server", trigger);
            return SyncOutcome.failed(trigger, clock.instant(), SyncProblem.NOT_ENROLLED);
        }
        SyncClient client = new SyncClient(db, at(enrolled.get(), server), BundleLimits.DEFAULT, TIMEOUT);
        try {
            SyncReport report = client.sync(reached -> exchange.onUi(() -> {
                if (syncing.get()) {
                    step.set(reached);
                }
            }), stop::get);
            return SyncOutcome.done(trigger, clock.instant(), report);
        } catch (SyncException e) {
            switch (e.kind()) {
                case CANCELLED -> LOG.info("Sync stopped: {}", e.getMessage());
                case UNREACHABLE -> LOG.warn("{} sync: the server does not answer: {}", trigger, e.getMessage());
                case REVOKED, NOT_ENROLLED -> LOG.warn("{} sync refused ({}): {}", trigger, e.kind(), e.getMessage());
                default -> LOG.warn("{} sync failed ({}): {}", trigger, e.kind(), e.getMessage(), e);
            }
            return SyncOutcome.failed(trigger, clock.instant(), SyncProblem.of(e.kind()));
        }
    }

    /**
     * The enrolment, at the address of the settings when it differs: an administrator follows a
     * server that moved there (its keys and certificate stay the ones pinned at enrolment).
     */
    private static Enrolment at(Enrolment enrolment, URI server) {
        if (server == null || withSlash(server).equals(withSlash(enrolment.server()))) {
            return enrolment;
        }
        LOG.info("Syncing at the address of the settings, not at the one of the enrolment");
        return new Enrolment(server, enrolment.serverParty(), enrolment.serverName(), enrolment.organisation(),
                enrolment.serverKeys(), enrolment.tlsPin(), enrolment.deviceKeys(), enrolment.enrolledAt());
    }

    private static String withSlash(URI address) {
        String text = address.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    private record Enrolled(EnrolmentResult result, SyncSettings settings) {
    }

    private Enrolled runEnrolment(URI server, EnrolmentCode code) {
        try {
            Enrolment enrolment = new EnrolmentClient(db, TIMEOUT).enrol(server, code, stop::get);
            return new Enrolled(EnrolmentResult.enrolled(enrolment), SyncSettings.read(db.localSettings()));
        } catch (SyncException e) {
            LOG.warn("Enrolment with the server refused ({}): {}", e.kind(), e.getMessage());
            return new Enrolled(EnrolmentResult.refused(SyncProblem.of(e.kind())), null);
        }
    }

    private void synced(SyncOutcome outcome) {
        busy.set(false);
        syncing.set(false);
        stopping.set(false);
        step.set(null);
        lastOutcome.set(outcome);
        // A sync that did not end may still have received some pages.
        if (!outcome.succeeded() || outcome.report().applied() > 0) {
            dataChanged();
        }
        refreshStatus();
        SyncSettings current = settings.get();
        if (current != null) {
            scheduleNext(current.interval());
        }
    }

    private boolean startExchange() {
        if (closed || busy.get()) {
            return false;
        }
        busy.set(true);
        return true;
    }

    private ExportResult writeFile(Path file, boolean all) throws IOException {
        Optional<Enrolment> enrolment = Enrolment.read(db.localSettings());
        if (enrolment.isEmpty()) {
            LOG.info("No exchange file written: this installation is not enrolled with a server");
            return ExportResult.notEnrolled();
        }
        long after = all ? 0 : SyncState.read(db.localSettings()).acknowledged();
        Path target = file.toAbsolutePath();
        // Written beside the target, then moved into place: a reader never sees half a file.
        Path part = Files.createTempFile(target.getParent(), ".cercle-", ".part");
        try {
            BundleHeader header;
            try (OutputStream out = Files.newOutputStream(part)) {
                header = new SealedFiles(db, enrolment.get(), BundleLimits.DEFAULT).export(after, out);
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("Exchange file {} written: {} change(s) after {}", header.bundleId(), header.changeCount(), after);
            return ExportResult.written(target, header.changeCount());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private ImportResult readFile(Path file) {
        Optional<Enrolment> enrolment = Enrolment.read(db.localSettings());
        if (enrolment.isEmpty()) {
            LOG.info("No exchange file imported: this installation is not enrolled with a server");
            return ImportResult.notEnrolled();
        }
        try {
            return ImportResult.imported(new SealedFiles(db, enrolment.get(), BundleLimits.DEFAULT).importFile(file));
        } catch (BundleException e) {
            LOG.warn("An exchange file was refused, nothing written: {} (line {})", e.problem(), e.line());
            return ImportResult.refused(e);
        } catch (IOException e) {
            LOG.warn("An exchange file could not be read, nothing written", e);
            return ImportResult.unreadable();
        }
    }

    private void refreshStatus() {
        tasks.run(() -> {
            long made = db.journal().lastSeq(db.deviceId());
            long confirmed = SyncState.read(db.localSettings()).acknowledged();
            Instant last = SyncState.lastSync(db.localSettings()).map(Instant::parse).orElse(null);
            return new SyncStatus(last, Math.max(0, made - confirmed), ConflictRepository.pending(db.dsl()));
        }, status::set, e -> { });
    }

    private void dataChanged() {
        dataChanges.set(dataChanges.get() + 1);
    }

    private void scheduleNext(Duration delay) {
        cancelNext();
        SyncSettings current = settings.get();
        if (closed || !automatic || current == null || !current.hasServer()) {
            nextAttempt.set(null);
            return;
        }
        nextAttempt.set(clock.instant().plus(delay));
        next = timer().schedule(() -> exchange.onUi(() -> sync(Trigger.AUTOMATIC)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "cercle-sync-timer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }
}
