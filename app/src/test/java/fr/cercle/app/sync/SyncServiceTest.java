package fr.cercle.app.sync;

import fr.cercle.app.SyncFixtures;
import fr.cercle.app.SyncFixtures.TestServer;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.persistence.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The automatic sync: it comes by itself while a server is set, plans the next one, and stops with the program. */
class SyncServiceTest {

    @TempDir
    Path dir;

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not reached in 20 s");
            }
            Thread.sleep(50);
        }
    }

    static boolean timerRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("cercle-sync-timer") && t.isAlive());
    }

    @Test
    void theAutomaticSyncComesByItselfPlansTheNextAndStopsWithTheProgram() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("server"));
             TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            SyncFixtures.useServer(app, server.uri());
            SyncService sync = app.context().sync();

            sync.startAutomatic();
            waitUntil(() -> sync.lastOutcomeProperty().get() != null);

            assertThat(sync.lastOutcomeProperty().get().trigger()).isEqualTo(SyncService.Trigger.AUTOMATIC);
            assertThat(sync.lastOutcomeProperty().get().succeeded()).isTrue();
            assertThat(sync.lastOutcomeProperty().get().report().sent()).isEqualTo(2);
            waitUntil(() -> sync.nextAttemptProperty().get() != null);
            assertThat(sync.nextAttemptProperty().get()).isEqualTo(TestData.CLOCK.instant().plus(Duration.ofMinutes(15)));
            assertThat(timerRuns()).isTrue();

            sync.close();

            waitUntil(() -> !timerRuns());
            sync.syncNow();
            assertThat(sync.syncingProperty().get()).isFalse();
        }
    }

    @Test
    void withoutAServerNothingIsPlanned() throws Exception {
        try (TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            SyncService sync = app.context().sync();

            sync.startAutomatic();

            assertThat(sync.settingsProperty().get().hasServer()).isFalse();
            assertThat(sync.nextAttemptProperty().get()).isNull();
            Thread.sleep(3 * TestApp.FIRST_SYNC_DELAY.toMillis());
            assertThat(sync.lastOutcomeProperty().get()).isNull();
        }
    }
}
