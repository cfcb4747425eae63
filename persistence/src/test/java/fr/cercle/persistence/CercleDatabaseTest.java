package fr.cercle.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fr.cercle.persistence.TestData.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CercleDatabaseTest {

    static final List<String> WITH_UPGRADE = List.of("classpath:db/migration", "classpath:db/test/upgrade");

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFolderToTheCurrentSchema() {
        try (CercleDatabase db = CercleDatabase.open(dir, CLOCK)) {
            assertThat(db.dsl().meta().getTables()).extracting(t -> t.getName())
                    .contains("BENEFICIARY", "HELPER", "STAFF_MEMBER", "INSTALLATION", "CHANGE_JOURNAL", "COMMUNE");
            assertThat(db.journal().count()).isZero();
        }
        assertThat(dir.resolve("cercle.mv.db")).exists();
        assertThat(dir.resolve(CercleDatabase.BACKUP_FOLDER)).doesNotExist();
    }

    @Test
    void keepsItsDeviceIdAcrossRestarts() {
        String first;
        try (CercleDatabase db = CercleDatabase.open(dir, CLOCK)) {
            first = db.deviceId().toString();
        }
        try (CercleDatabase db = CercleDatabase.open(dir, CLOCK)) {
            assertThat(db.deviceId().toString()).isEqualTo(first);
        }
    }

    @Test
    void copiesTheDatabaseAsideBeforeAPendingMigration() throws IOException {
        CercleDatabase.open(dir, CLOCK).close();

        try (CercleDatabase db = CercleDatabase.open(dir, CLOCK, WITH_UPGRADE)) {
            assertThat(db.dsl().fetchCount(db.dsl().select().from("BENEFICIARY"))).isZero();
        }

        try (Stream<Path> backups = Files.list(dir.resolve(CercleDatabase.BACKUP_FOLDER))) {
            assertThat(backups.toList()).singleElement()
                    // Named after the schema version it holds: the latest before the test's upgrade.
                    .satisfies(p -> assertThat(p.getFileName().toString()).matches("cercle-v[0-9]+-before-upgrade-.*\\.zip")
                            .doesNotStartWith("cercle-v999"))
                    .satisfies(p -> assertThat(Files.size(p)).isPositive());
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerVersionAndLeavesItsSchemaAlone() throws IOException {
        CercleDatabase.open(dir, CLOCK, WITH_UPGRADE).close();
        byte[] written = Files.readAllBytes(dir.resolve("cercle.mv.db"));

        assertThatThrownBy(() -> CercleDatabase.open(dir, CLOCK))
                .isInstanceOf(NewerDatabaseException.class)
                .satisfies(e -> assertThat(((NewerDatabaseException) e).databaseVersion()).isEqualTo("999"));
        // Not even rewritten: H2 rewrites a file it opened for writing when it closes it.
        assertThat(Files.readAllBytes(dir.resolve("cercle.mv.db"))).as("the file, byte for byte").isEqualTo(written);

        try (CercleDatabase newer = CercleDatabase.open(dir, CLOCK, WITH_UPGRADE)) {
            assertThat(newer.dsl().meta().getTables("BENEFICIARY").get(0).field("TEST_UPGRADE_MARKER")).isNotNull();
        }
        assertThat(dir.resolve(CercleDatabase.BACKUP_FOLDER)).doesNotExist();
    }

    @Test
    void upgradingFromVersion1NumbersTheJournalPerDeviceAndKeepsEveryRecord() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve(CercleDatabase.FILE_NAME).toAbsolutePath();
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("1").load().migrate();
        java.util.UUID device = java.util.UUID.randomUUID();
        java.util.UUID author = java.util.UUID.randomUUID();
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
             var insert = connection.prepareStatement("INSERT INTO change_journal (entity, entity_id, operation, fields, "
                     + "hlc, device_id, author_id, recorded_at) VALUES ('staff_member', ?, 'CREATE', '{}', ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (int i = 0; i < 3; i++) {
                insert.setObject(1, java.util.UUID.randomUUID());
                insert.setLong(2, 1_000L + i);
                insert.setObject(3, device);
                insert.setObject(4, author);
                insert.executeUpdate();
            }
        }

        try (CercleDatabase db = CercleDatabase.open(dir, CLOCK)) {
            fr.cercle.model.installation.DeviceId id = new fr.cercle.model.installation.DeviceId(device);
            assertThat(db.journal().changesOf(id, 0, 10)).extracting(e -> e.change().seq()).containsExactly(1L, 2L, 3L);
            assertThat(db.journal().lastSeq(id)).isEqualTo(3);
        }
    }

    @Test
    void refusesAnUnreadableFileWithoutOverwritingIt() throws IOException {
        byte[] garbage = "this is not a database, but somebody's letter".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("cercle.mv.db"), garbage);

        assertThatThrownBy(() -> CercleDatabase.open(dir, CLOCK)).isInstanceOf(DatabaseUnreadableException.class);

        assertThat(Files.readAllBytes(dir.resolve("cercle.mv.db"))).isEqualTo(garbage);
    }

    @Test
    void refusesADatabaseThatAnotherProgramHolds() throws Exception {
        CercleDatabase.open(dir, CLOCK).close();
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("READY");

            assertThatThrownBy(() -> CercleDatabase.open(dir, CLOCK)).isInstanceOf(DatabaseLockedException.class);
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(20, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
        CercleDatabase.open(dir, CLOCK).close();
    }
}
