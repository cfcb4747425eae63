package fr.cercle.persistence;

import fr.cercle.persistence.commune.CommuneReferenceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * Real H2 databases for tests, with the communes reference already loaded. Loading 35,000 communes
 * takes seconds; a template is loaded once per test JVM and its file copied for each test.
 */
public final class TestDatabases {

    private static Path template;

    private TestDatabases() {
    }

    /** Opens a fresh database in this folder, communes loaded, with its own device id. */
    public static CercleDatabase withCommunes(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
            Files.copy(template().resolve(CercleDatabase.FILE_NAME + ".mv.db"),
                    dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CercleDatabase.open(dir, clock);
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("cercle-test-template");
            try (CercleDatabase db = CercleDatabase.open(dir, Clock.systemUTC())) {
                new CommuneReferenceLoader(db.dsl(), Clock.systemUTC()).ensureLoaded();
                // Each copy must get its own device id, as each real installation does.
                db.dsl().deleteFrom(fr.cercle.persistence.jooq.Tables.LOCAL_SETTING).execute();
            }
            dir.toFile().deleteOnExit();
            dir.resolve(CercleDatabase.FILE_NAME + ".mv.db").toFile().deleteOnExit();
            template = dir;
        }
        return template;
    }
}
