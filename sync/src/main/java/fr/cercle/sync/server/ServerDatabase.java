package fr.cercle.sync.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.cercle.persistence.StorageException;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The central server's database: an H2 file by default, PostgreSQL when given a JDBC URL. The same
 * Flyway migrations ({@code db/server}) and the same jOOQ code serve both; names are rendered
 * unquoted, so each database folds them to its own case.
 */
public final class ServerDatabase implements AutoCloseable {

    public static final String H2_FILE = "cercle-server";

    private final HikariDataSource pool;
    private final DSLContext dsl;

    private ServerDatabase(HikariDataSource pool, SQLDialect dialect) {
        this.pool = pool;
        this.dsl = DSL.using(pool, dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    }

    /** The default: one H2 file in this folder. */
    public static ServerDatabase h2(Path folder) {
        return open("jdbc:h2:file:" + folder.resolve(H2_FILE).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    /** Any supported JDBC URL: {@code jdbc:h2:…} or {@code jdbc:postgresql://…}. */
    public static ServerDatabase open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        SQLDialect dialect;
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            dialect = SQLDialect.POSTGRES;
        } else if (lower.startsWith("jdbc:h2:")) {
            dialect = SQLDialect.H2;
        } else {
            throw new IllegalArgumentException("The server stores its data in H2 or PostgreSQL; not " + jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("cercle-server");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari wraps the driver's reason (a wrong password, no such database, nothing listening).
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new StorageException("Could not connect to the server's database " + withoutQuery(jdbcUrl)
                    + " as " + (user == null || user.isEmpty() ? "the default user" : "'" + user + "'") + ": "
                    + reason.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/server").failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new ServerDatabase(pool, dialect);
    }

    /** The address without its options, which may carry credentials ({@code ?password=…}). */
    private static String withoutQuery(String jdbcUrl) {
        int options = jdbcUrl.indexOf('?');
        return options < 0 ? jdbcUrl : jdbcUrl.substring(0, options);
    }

    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        pool.close();
    }
}
