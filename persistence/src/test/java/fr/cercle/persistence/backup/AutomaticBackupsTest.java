package fr.cercle.persistence.backup;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.security.Keyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The automatic local backups: on their schedule by a clock moved by hand, the last few kept. */
class AutomaticBackupsTest {

    @TempDir
    Path dir;

    @Test
    void oneBackupPerIntervalTheOldestPrunedOnceANewOneIsComplete() {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T08:00:00Z"));
        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(), BackupRestoreTest.FAST);
        try (CercleDatabase db = CercleDatabase.open(dir, clock, created.key())) {
            new AutomaticBackups.Settings(24, 3).write(db.localSettings());
            List<Instant> made = new ArrayList<>();

            for (int hour = 0; hour < 24 * 5; hour += 4) {
                AutomaticBackups.runIfDue(db, created.key()).ifPresent(m -> made.add(m.header().createdAt()));
                clock.advance(Duration.ofHours(4));
            }

            // Once a day over five days, from the first sign-in.
            assertThat(made).containsExactly(Instant.parse("2026-11-25T08:00:00Z"), Instant.parse("2026-11-26T08:00:00Z"),
                    Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-11-28T08:00:00Z"),
                    Instant.parse("2026-11-29T08:00:00Z"));
            List<Path> kept = AutomaticBackups.existing(dir);
            assertThat(kept).hasSize(3);
            assertThat(kept.stream().map(p -> AutomaticBackups.made(p).orElseThrow()))
                    .containsExactly(made.get(4), made.get(3), made.get(2));
            assertThat(kept).allSatisfy(p -> assertThat(Restore.inspect(p).createdAt()).isEqualTo(AutomaticBackups.made(p).orElseThrow()));
            assertThat(AutomaticBackups.latest(dir)).contains(made.get(4));
        }
    }

    @Test
    void aShorterKeepPrunesAtTheNextBackupAndOtherFilesAreLeftAlone() throws Exception {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T08:00:00Z"));
        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(), BackupRestoreTest.FAST);
        try (CercleDatabase db = CercleDatabase.open(dir, clock, created.key())) {
            new AutomaticBackups.Settings(6, 10).write(db.localSettings());
            for (int i = 0; i < 4; i++) {
                assertThat(AutomaticBackups.runIfDue(db, created.key())).isPresent();
                assertThat(AutomaticBackups.runIfDue(db, created.key())).as("not due again at once").isEmpty();
                clock.advance(Duration.ofHours(6));
            }
            Path mine = AutomaticBackups.folder(dir).resolve("copie-a-garder.cercle-backup");
            Files.writeString(mine, "une copie faite à la main");
            Path partial = AutomaticBackups.folder(dir).resolve("cercle-auto-20261101T000000Z.cercle-backup.part");
            Files.writeString(partial, "interrompue");

            new AutomaticBackups.Settings(6, 2).write(db.localSettings());
            Optional<Backups.Made> fifth = AutomaticBackups.runIfDue(db, created.key());

            assertThat(fifth).isPresent();
            assertThat(AutomaticBackups.existing(dir)).hasSize(2).first().isEqualTo(fifth.get().file());
            assertThat(mine).exists();
            assertThat(partial).as("not one of the schedule's files").exists();
        }
    }

    @Test
    void aDamagedStoredSettingCountsAsTheDefaultAndAClockMovedBackMakesOneDue() {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T08:00:00Z"));
        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(), BackupRestoreTest.FAST);
        try (CercleDatabase db = CercleDatabase.open(dir, clock, created.key())) {
            db.localSettings().put(AutomaticBackups.INTERVAL_KEY, "souvent");
            db.localSettings().put(AutomaticBackups.KEEP_KEY, "500");
            assertThat(AutomaticBackups.Settings.read(db.localSettings())).isEqualTo(AutomaticBackups.Settings.DEFAULT);

            AutomaticBackups.runIfDue(db, created.key());
            clock.advance(Duration.ofDays(-2));

            assertThat(AutomaticBackups.due(dir, AutomaticBackups.Settings.DEFAULT, clock.instant())).isTrue();
        }
    }

    @Test
    void aFailureIsRecordedForTheSettingsScreenAndTheNextSuccessClearsIt() throws Exception {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T08:00:00Z"));
        Keyring.Created created = Keyring.create(dir, "claire.martin", "le chat dort au soleil".toCharArray(), BackupRestoreTest.FAST);
        try (CercleDatabase db = CercleDatabase.open(dir, clock, created.key())) {
            // A file where the folder should be: the backup cannot be written.
            Files.createDirectories(dir.resolve(CercleDatabase.BACKUP_FOLDER));
            Files.writeString(AutomaticBackups.folder(dir), "pas un dossier");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AutomaticBackups.runIfDue(db, created.key()))
                    .isInstanceOf(BackupException.class);
            assertThat(AutomaticBackups.lastFailure(db.localSettings())).contains(clock.instant());

            Files.delete(AutomaticBackups.folder(dir));
            clock.advance(Duration.ofMinutes(15));
            assertThat(AutomaticBackups.runIfDue(db, created.key())).isPresent();
            assertThat(AutomaticBackups.lastFailure(db.localSettings())).isEmpty();
        }
    }
}
