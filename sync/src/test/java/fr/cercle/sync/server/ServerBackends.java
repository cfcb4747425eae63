package fr.cercle.sync.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The server's two storage backends for tests: an H2 file, and a real PostgreSQL started in-process. */
public final class ServerBackends {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    public enum Backend { H2, POSTGRESQL }

    private ServerBackends() {
    }

    /** A new, empty server database; its JDBC URL. For PostgreSQL, a fresh database in the shared server. */
    public static String newDatabase(Backend backend, Path dir) {
        if (backend == Backend.H2) {
            return "jdbc:h2:file:" + dir.resolve("server-" + DATABASES.incrementAndGet()).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        String name = "cercle_" + DATABASES.incrementAndGet();
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }

    public static ServerDatabase open(String url) {
        return url.startsWith("jdbc:h2:") ? ServerDatabase.open(url, "sa", "") : ServerDatabase.open(url, "postgres", "postgres");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return postgres;
    }
}
