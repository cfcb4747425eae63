package fr.cercle.persistence.backup;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.security.DatabaseKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local backups made on their own while someone is signed in, in {@code backups/auto/} of the
 * data folder: one when the latest is older than the interval (a day by default), the last few kept
 * (seven by default). The older ones are pruned only once the new one is complete. Each file is named
 * after its time (UTC), which is all the schedule needs to know.
 */
public final class AutomaticBackups {

    private static final Logger LOG = LoggerFactory.getLogger(AutomaticBackups.class);
    public static final String FOLDER = "auto";
    static final String PREFIX = "cercle-auto-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static final String INTERVAL_KEY = "backup.auto.interval.hours";
    static final String KEEP_KEY = "backup.auto.keep";
    static final String FAILED_KEY = "backup.auto.failed";
    /** The intervals offered, in hours: every 6 hours, 12 hours, day, week. */
    public static final List<Integer> INTERVALS = List.of(6, 12, 24, 168);
    public static final int DEFAULT_INTERVAL_HOURS = 24;
    public static final int DEFAULT_KEEP = 7;
    public static final int MIN_KEEP = 1;
    public static final int MAX_KEEP = 60;

    private AutomaticBackups() {
    }

    /** How often, and how many are kept; stored in the installation's own settings. */
    public record Settings(int intervalHours, int keep) {

        public static final Settings DEFAULT = new Settings(DEFAULT_INTERVAL_HOURS, DEFAULT_KEEP);

        public Settings {
            if (!INTERVALS.contains(intervalHours)) {
                throw new IllegalArgumentException("The interval is one of " + INTERVALS + " hours, not " + intervalHours);
            }
            if (keep < MIN_KEEP || keep > MAX_KEEP) {
                throw new IllegalArgumentException("Between " + MIN_KEEP + " and " + MAX_KEEP + " backups are kept, not " + keep);
            }
        }

        public Duration interval() {
            return Duration.ofHours(intervalHours);
        }

        /** The stored settings; a damaged value counts as not set. */
        public static Settings read(LocalSettings settings) {
            int interval = settings.get(INTERVAL_KEY).flatMap(AutomaticBackups::number)
                    .filter(INTERVALS::contains).orElse(DEFAULT_INTERVAL_HOURS);
            int keep = settings.get(KEEP_KEY).flatMap(AutomaticBackups::number)
                    .filter(n -> n >= MIN_KEEP && n <= MAX_KEEP).orElse(DEFAULT_KEEP);
            return new Settings(interval, keep);
        }

        public void write(LocalSettings settings) {
            settings.put(INTERVAL_KEY, Integer.toString(intervalHours));
            settings.put(KEEP_KEY, Integer.toString(keep));
        }
    }

    private static Optional<Integer> number(String stored) {
        try {
            return Optional.of(Integer.parseInt(stored.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Path folder(Path dataDir) {
        return dataDir.resolve(CercleDatabase.BACKUP_FOLDER).resolve(FOLDER);
    }

    /** The automatic backups of this data folder, newest first. */
    public static List<Path> existing(Path dataDir) {
        Path folder = folder(dataDir);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> made(p).isPresent())
                    .sorted(Comparator.comparing((Path p) -> made(p).orElseThrow()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new BackupException(BackupException.Reason.INPUT_OUTPUT, "The folder " + folder + " cannot be read", e);
        }
    }

    /** When the latest automatic backup was made, if any. */
    public static Optional<Instant> latest(Path dataDir) {
        return existing(dataDir).stream().findFirst().flatMap(AutomaticBackups::made);
    }

    /** Whether a backup is due at {@code now}: none yet, the latest older than the interval, or dated after now (the clock moved back). */
    public static boolean due(Path dataDir, Settings settings, Instant now) {
        return latest(dataDir).map(last -> last.isAfter(now) || !now.isBefore(last.plus(settings.interval()))).orElse(true);
    }

    /**
     * Makes a backup if one is due, then prunes the older ones beyond the number kept.
     *
     * @return the backup made, empty if none was due
     */
    public static Optional<Backups.Made> runIfDue(CercleDatabase db, DatabaseKey key) {
        Settings settings = Settings.read(db.localSettings());
        Instant now = db.clock().instant();
        if (!due(db.directory(), settings, now)) {
            return Optional.empty();
        }
        Path target = folder(db.directory()).resolve(PREFIX + STAMP.format(now) + BackupFile.EXTENSION);
        try {
            Backups.Made made = Backups.create(db, key, target, share -> {
            });
            db.localSettings().removeStartingWith(FAILED_KEY, List.of());
            prune(db.directory(), settings.keep());
            return Optional.of(made);
        } catch (RuntimeException e) {
            db.localSettings().put(FAILED_KEY, now.toString());
            throw e;
        }
    }

    /** When the last automatic backup failed, if the latest attempt did (the settings screen says so). */
    public static Optional<Instant> lastFailure(LocalSettings settings) {
        return settings.get(FAILED_KEY).flatMap(stored -> {
            try {
                return Optional.of(Instant.parse(stored));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Deletes the automatic backups beyond the {@code keep} newest; returns those deleted. */
    public static List<Path> prune(Path dataDir, int keep) {
        List<Path> all = existing(dataDir);
        List<Path> deleted = new ArrayList<>();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
                deleted.add(old);
            } catch (IOException e) {
                LOG.warn("Could not delete the old automatic backup {}", old.getFileName(), e);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("{} old automatic backup(s) deleted, {} kept", deleted.size(), keep);
        }
        return deleted;
    }

    /** When a file of the folder was made, read from its name; empty for any other file (a partial one too). */
    static Optional<Instant> made(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(BackupFile.EXTENSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(STAMP.parse(name.substring(PREFIX.length(), name.length() - BackupFile.EXTENSION.length()))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
