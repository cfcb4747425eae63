package fr.cercle.app.backup;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.backup.AutomaticBackups;
import fr.cercle.persistence.security.DatabaseKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the automatic local backups while someone is signed in: looks every quarter of an hour
 * whether one is due ({@link AutomaticBackups}), on a thread of its own so that nobody waits for it.
 * A failure is logged and recorded for the settings screen; it never interrupts anyone's work.
 */
public final class AutomaticBackupService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutomaticBackupService.class);
    /** Leaves the first minutes after sign-in to the person's own work. */
    public static final Duration FIRST_CHECK = Duration.ofMinutes(2);
    public static final Duration CHECK_EVERY = Duration.ofMinutes(15);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cercle-auto-backup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    /** Starts checking for this database, opened with this key. */
    public AutomaticBackupService(CercleDatabase db, DatabaseKey key) {
        timer.scheduleWithFixedDelay(() -> check(db, key), FIRST_CHECK.toSeconds(), CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One look: a backup if one is due. Public for the application's tests. */
    public static void check(CercleDatabase db, DatabaseKey key) {
        try {
            AutomaticBackups.runIfDue(db, key);
        } catch (RuntimeException e) {
            LOG.warn("The automatic backup failed; it will be tried again in {} minutes", CHECK_EVERY.toMinutes(), e);
        }
    }

    /** Stops; a backup under way finishes first (within a minute), so that the database closes after it. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("An automatic backup was still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
