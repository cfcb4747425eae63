package fr.cercle.app.sync;

import fr.cercle.app.task.TaskRunner;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.write.ConflictRepository;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.BundleImport;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleLimits;
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
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The client's exchanges of changes: with the central server (on demand, and automatically at the
 * interval of the settings when a server is set) and through files. One exchange at a time, on its
 * own worker thread, never on the JavaFX thread (docs/decisions/0008); what the screens show about
 * it changes on the JavaFX thread. An automatic sync that fails only says so in its status and tries
 * again at the next interval: never a dialog.
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

    /** An exchange is under way (a sync, or a file written or read): another one waits. */
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
     * Writes this installation's own changes to an exchange file: those the server has not confirmed,
     * or all of them. Gzip-compressed when the name ends with {@code .gz}.
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

    /** Imports an exchange file, from the server or from another installation: all of it, or nothing. */
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
        SyncClient client = new SyncClient(db, server, organisation(), BundleLimits.DEFAULT, TIMEOUT);
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
                default -> LOG.warn("{} sync failed ({}): {}", trigger, e.kind(), e.getMessage(), e);
            }
            return SyncOutcome.failed(trigger, clock.instant(), SyncProblem.of(e.kind()));
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
        long after = all ? 0 : SyncState.read(db.localSettings()).acknowledged();
        Path target = file.toAbsolutePath();
        // Written beside the target, then moved into place: a reader never sees half a file.
        Path part = Files.createTempFile(target.getParent(), ".cercle-", ".part");
        try {
            BundleHeader header;
            try (OutputStream out = Files.newOutputStream(part)) {
                header = new BundleExport(db, organisation()).ownChanges(after, out,
                        target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz"));
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("Exchange file {} written: {} change(s) after {}", header.bundleId(), header.changeCount(), after);
            return new ExportResult(target, header.changeCount());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private ImportResult readFile(Path file) {
        try {
            return ImportResult.imported(new BundleImport(db, BundleLimits.DEFAULT).importFile(file));
        } catch (BundleException e) {
            LOG.warn("An exchange file was refused, nothing written: {} (line {})", e.problem(), e.line());
            return ImportResult.refused(e);
        } catch (IOException e) {
            LOG.warn("An exchange file could not be read, nothing written", e);
            return ImportResult.unreadable();
        }
    }

    private String organisation() {
        return new InstallationRepository(db.dsl(), db.deviceId()).find()
                .map(installation -> installation.structure().name()).orElse("");
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
