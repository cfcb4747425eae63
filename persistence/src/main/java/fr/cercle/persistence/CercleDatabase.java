package fr.cercle.persistence;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.time.HybridLogicalClock;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.write.ChangeJournal;
import fr.cercle.persistence.write.ChangeWriter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static fr.cercle.persistence.jooq.Tables.TOMBSTONE;

/**
 * One installation's H2 file database: opened once per process, migrated by Flyway at start (after a
 * copy of the file aside when a migration is pending), then shared through a small connection pool.
 * Refuses, with a specific exception and without writing anything, a database that another program
 * holds, that cannot be read, or that a newer Cercle wrote.
 */
public final class CercleDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CercleDatabase.class);
    public static final String FILE_NAME = "cercle";
    public static final String BACKUP_FOLDER = "backups";
    private static final List<String> MIGRATIONS = List.of("classpath:db/migration");

    private final Path directory;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final DeviceId deviceId;
    private final ChangeWriter writer;
    private final Clock clock;
    /** How many records had been deleted when the database was opened: more at close means erasures to compact away. */
    private final int deletedAtOpen;
    private boolean closed;

    private CercleDatabase(Path directory, JdbcConnectionPool pool, Clock clock) {
        this.directory = directory;
        this.pool = pool;
        this.clock = clock;
        this.dsl = DSL.using(pool, SQLDialect.H2);
        this.deviceId = deviceId(new LocalSettings(dsl));
        HybridLogicalClock hlc = new HybridLogicalClock(clock, new ChangeJournal(dsl).resumeAfter(deviceId, clock.instant()));
        this.writer = new ChangeWriter(dsl, deviceId, hlc, clock);
        this.deletedAtOpen = dsl.fetchCount(TOMBSTONE);
    }

    /** Opens (creating if needed) the database in this folder, migrated to the current schema. */
    public static CercleDatabase open(Path directory, Clock clock) {
        return open(directory, clock, MIGRATIONS);
    }

    /**
     * Opens (creating if needed) the encrypted database in this folder ({@code CIPHER=AES}) with the
     * key a sign-in unwrapped from the {@link fr.cercle.persistence.security.Keyring}.
     *
     * @throws WrongDatabaseKeyException if the file is not encrypted with this key
     */
    public static CercleDatabase open(Path directory, Clock clock, DatabaseKey key) {
        return open(directory, clock, key, MIGRATIONS);
    }

    /** As {@link #open(Path, Clock)}, with other migration locations (tests of upgrades use this). */
    public static CercleDatabase open(Path directory, Clock clock, List<String> migrationLocations) {
        return openWith(directory, clock, migrationLocations, null);
    }

    /** As {@link #open(Path, Clock, DatabaseKey)}, with other migration locations (tests of upgrades use this). */
    public static CercleDatabase open(Path directory, Clock clock, DatabaseKey key, List<String> migrationLocations) {
        return openWith(directory, clock, migrationLocations, Objects.requireNonNull(key, "key"));
    }

    /** Opens the database, encrypted with {@code key}, or not encrypted if it is null. */
    private static CercleDatabase openWith(Path directory, Clock clock, List<String> migrationLocations, DatabaseKey key) {
        Path file = directory.resolve(FILE_NAME + ".mv.db");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DatabaseUnreadableException(file, e);
        }
        if (Files.exists(file)) {
            refuseIfNewer(directory, file, migrationLocations, key);
        }
        JdbcConnectionPool pool = key == null ? JdbcConnectionPool.create(url(directory), "sa", "")
                : JdbcConnectionPool.create(url(directory) + ";CIPHER=AES", "sa", key.h2Password());
        pool.setMaxConnections(8);
        try {
            checkOpens(pool, file);
            migrate(pool, directory, file, migrationLocations, clock);
            return new CercleDatabase(directory, pool, clock);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    static String url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve(FILE_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static void checkOpens(JdbcConnectionPool pool, Path file) {
        try (Connection ignored = pool.getConnection()) {
            LOG.debug("Database file {} opened", file);
        } catch (SQLException e) {
            throw refusal(file, e);
        }
    }

    private static StorageException refusal(Path file, SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new DatabaseLockedException(file, e);
        }
        if (e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1 || e.getErrorCode() == ErrorCode.WRONG_PASSWORD_FORMAT
                || e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new WrongDatabaseKeyException(file, e);
        }
        return new DatabaseUnreadableException(file, e);
    }

    /**
     * Refuses a database that a newer Cercle wrote, reading its schema version with the file opened
     * read-only: H2 rewrites a file it opened for writing when it closes it, even with nothing changed,
     * and a refused database must stay byte for byte as the newer version left it.
     */
    private static void refuseIfNewer(Path directory, Path file, List<String> locations, DatabaseKey key) {
        JdbcDataSource readOnly = new JdbcDataSource();
        readOnly.setURL(url(directory) + (key == null ? "" : ";CIPHER=AES") + ";ACCESS_MODE_DATA=r");
        readOnly.setUser("sa");
        readOnly.setPassword(key == null ? "" : key.h2Password());
        // The connection held keeps the database open while Flyway takes and gives back its own.
        try (Connection ignored = readOnly.getConnection()) {
            MigrationInfo current = Flyway.configure().dataSource(readOnly).locations(locations.toArray(String[]::new))
                    .failOnMissingLocations(true).load().info().current();
            if (current != null && current.getState().name().startsWith("FUTURE")) {
                throw new NewerDatabaseException(file, current.getVersion().getVersion());
            }
        } catch (SQLException e) {
            throw refusal(file, e);
        } catch (FlywayException e) {
            throw new StorageException("The schema version of the database could not be read", e);
        }
    }

    private static void migrate(JdbcConnectionPool pool, Path directory, Path file, List<String> locations, Clock clock) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(locations.toArray(String[]::new))
                    .failOnMissingLocations(true)
                    .load();
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            if (current != null && current.getState().name().startsWith("FUTURE")) {
                throw new NewerDatabaseException(file, current.getVersion().getVersion());
            }
            if (info.pending().length > 0 && current != null) {
                backup(pool, directory, current.getVersion().getVersion(), clock);
            }
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.info("Database migrated to schema version {} ({} migration(s))",
                        flyway.info().current().getVersion(), applied);
            }
            Arrays.stream(flyway.info().applied())
                    .filter(m -> !m.getState().isApplied() || m.getState().isFailed())
                    .findAny()
                    .ifPresent(m -> {
                        throw new StorageException("Migration " + m.getVersion() + " is in state " + m.getState());
                    });
        } catch (FlywayException e) {
            throw new StorageException("The database could not be brought to the current schema", e);
        }
    }

    /** A consistent copy of the database, taken before a migration, in {@code backups/}. */
    private static void backup(JdbcConnectionPool pool, Path directory, String version, Clock clock) {
        Path folder = directory.resolve(BACKUP_FOLDER);
        String stamp = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = folder.resolve("cercle-v" + version + "-before-upgrade-" + stamp + ".zip");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            Files.createDirectories(folder);
            statement.execute("BACKUP TO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            LOG.info("Database copied to {} before migration", target);
        } catch (SQLException | IOException e) {
            throw new StorageException("Could not copy the database aside before upgrading it; nothing was changed", e);
        }
    }

    private static DeviceId deviceId(LocalSettings settings) {
        return settings.get(LocalSettings.DEVICE_ID).map(DeviceId::parse).orElseGet(() -> {
            DeviceId created = DeviceId.newId();
            settings.put(LocalSettings.DEVICE_ID, created.toString());
            LOG.info("New installation: device id {}", created);
            return created;
        });
    }

    /** Reads; writes of synced data go through {@link #writer()}. */
    public DSLContext dsl() {
        return dsl;
    }

    public ChangeWriter writer() {
        return writer;
    }

    public ChangeJournal journal() {
        return new ChangeJournal(dsl);
    }

    public LocalSettings localSettings() {
        return new LocalSettings(dsl);
    }

    public DeviceId deviceId() {
        return deviceId;
    }

    public Clock clock() {
        return clock;
    }

    public Path directory() {
        return directory;
    }

    /** Rewrites the file without its free pages; H2 closes the database as it does. */
    private void compact() {
        long started = System.nanoTime();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // Closing the connection of a database that has just shut down says so: that is the success.
            if (e.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                throw new StorageException("Compacting the database failed", e);
            }
        }
        LOG.info("Database compacted after erasures in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Closes the database. If records were deleted (erased) since it was opened, the file is
     * rewritten without its free space first ({@code SHUTDOWN COMPACT}), so that their data, gone
     * from every table, are not left behind in unused pages of the file either.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (dsl.fetchCount(TOMBSTONE) > deletedAtOpen) {
                compact();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not compact the database at close; it will be at the next erasure: {}", e.toString());
        }
        pool.dispose();
        LOG.debug("Database closed");
    }
}
