package fr.cercle.app.sync;

import fr.cercle.app.SyncFixtures;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic sync: it comes by itself while a server is set, plans the next one, and stops with the
 * program; the enrolment that comes before it, and the sync at the address of the settings.
 */
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
        try (SyncFixtures.Central server = SyncFixtures.server(dir.resolve("server"));
             TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            server.enrol(app);
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

    @Test
    void anEnrolmentStoresTheServerAndPlansTheFirstAutomaticSync() throws Exception {
        try (SyncFixtures.Central server = SyncFixtures.server(dir.resolve("server"));
             TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            SyncService sync = app.context().sync();
            sync.startAutomatic();
            assertThat(sync.nextAttemptProperty().get()).isNull();
            List<EnrolmentResult> results = new ArrayList<>();

            assertThat(sync.enrol(server.uri(), server.code(SyncFixtures.CCAS), results::add)).isTrue();

            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.succeeded()).isTrue();
                assertThat(result.enrolment().organisation()).isEqualTo(SyncFixtures.CCAS);
                assertThat(result.enrolment().secure()).isTrue();
            });
            assertThat(Enrolment.read(app.db().localSettings()).map(Enrolment::serverParty))
                    .contains(server.gateway().registry().party());
            assertThat(sync.settingsProperty().get().server()).isEqualTo(server.uri());
            assertThat(sync.busyProperty().get()).isFalse();
            assertThat(sync.nextAttemptProperty().get()).isEqualTo(TestData.CLOCK.instant().plus(TestApp.FIRST_SYNC_DELAY));
            waitUntil(() -> sync.lastOutcomeProperty().get() != null);
            assertThat(sync.lastOutcomeProperty().get().succeeded()).isTrue();
            assertThat(server.gateway().registry().find(app.db().deviceId())).isPresent();
        }
    }

    @Test
    void aWrongCodeIsRefusedAndNothingIsStored() throws Exception {
        try (SyncFixtures.Central server = SyncFixtures.server(dir.resolve("server"));
             TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            List<EnrolmentResult> results = new ArrayList<>();

            app.context().sync().enrol(server.uri(), fr.cercle.sync.seal.EnrolmentCode.generate(), results::add);

            assertThat(results).singleElement().isEqualTo(EnrolmentResult.refused(SyncProblem.ENROLMENT_REFUSED));
            assertThat(Enrolment.read(app.db().localSettings())).isEmpty();
            assertThat(SyncSettings.read(app.db().localSettings())).isEqualTo(SyncSettings.NONE);
        }
    }

    @Test
    void aServerThatMovedIsFollowedAtTheAddressOfTheSettings() throws Exception {
        try (SyncFixtures.Central server = SyncFixtures.server(dir.resolve("server"));
             TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            Enrolment enrolment = server.enrol(app);
            // The same server (its database, keys and certificate) now answers at another address only.
            try (TestServer moved = TestServer.start(server.db())) {
                server.server().close();
                SyncFixtures.useServer(app, moved.uri());
                SyncService sync = app.context().sync();

                sync.syncNow();

                assertThat(sync.lastOutcomeProperty().get().succeeded()).isTrue();
                assertThat(sync.lastOutcomeProperty().get().report().sent()).isEqualTo(2);
                assertThat(Enrolment.read(app.db().localSettings()).map(Enrolment::server)).contains(enrolment.server());
                assertThat(moved.uri()).isNotEqualTo(enrolment.server());
                URI gone = enrolment.server();
                SyncFixtures.useServer(app, gone);
                sync.refresh();
                sync.syncNow();
                assertThat(sync.lastOutcomeProperty().get().problem()).isEqualTo(SyncProblem.UNREACHABLE);
            }
        }
    }

    @Test
    void onlyTheFilesOfThisComputersOrganisationReachIt() throws Exception {
        try (SyncFixtures.Central server = SyncFixtures.server(dir.resolve("server"));
             TestApp app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH)) {
            server.enrol(app);
            StaffMember paul = SyncFixtures.paul();
            StaffMember marc = new StaffMember(StaffId.newId(), "Marc", "Petit", "Mairie de Bénévent", Set.of(Domain.ELDERLY), true);
            try (CercleDatabase townHall = SyncFixtures.townHall(dir.resolve("vareilles"), TestData.CLOCK, paul, server);
                 CercleDatabase elsewhere = SyncFixtures.townHall(dir.resolve("benevent"), TestData.CLOCK, marc)) {
                server.enrol(elsewhere, "Mairie de Bénévent");
                Beneficiary lucie = SyncFixtures.lucie(townHall, paul);
                Beneficiary louis = TestData.beneficiary(marc.id()).firstName("Louis").build();
                SyncFixtures.beneficiaries(elsewhere).save(louis, marc.id());
                SyncFixtures.sync(townHall);
                SyncFixtures.sync(elsewhere);

                app.context().sync().syncNow();

                assertThat(app.context().sync().lastOutcomeProperty().get().succeeded()).isTrue();
                assertThat(SyncFixtures.beneficiaries(app.db()).find(lucie.id())).as("the CCAS's town hall").contains(lucie);
                assertThat(SyncFixtures.beneficiaries(app.db()).find(louis.id())).as("another organisation").isEmpty();
            }
        }
    }
}
