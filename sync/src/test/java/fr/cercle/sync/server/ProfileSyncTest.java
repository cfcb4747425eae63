package fr.cercle.sync.server;

import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.sync.Installations;
import fr.cercle.sync.Opened;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static fr.cercle.persistence.jooq.Tables.CONFLICT_VALUE;
import static fr.cercle.persistence.jooq.Tables.ELDERLY_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

/** A person's domain profile syncs field by field, like the file it belongs to. */
class ProfileSyncTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final Opened opened = new Opened();
    final StaffMember claire = TestData.staff();

    static SyncReport sync(CercleDatabase db, TestServer server) throws SyncException {
        if (Enrolment.read(db.localSettings()).isEmpty()) {
            server.enrol(db, "CCAS de test");
        }
        return TestServer.sync(db);
    }

    static ProfileRepository profiles(CercleDatabase db) {
        return new ProfileRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
    }

    CercleDatabase townHall;
    CercleDatabase ccas;
    TestServer server;
    Beneficiary jeanne;
    final HeatwaveRegistration registration = new HeatwaveRegistration(LocalDate.of(2026, 6, 2), HeatwaveRequester.SELF,
            null, HeatwaveCapacity.AGED_65, null);

    void twoInstallationsWithJeanne() throws Exception {
        server = opened.keep(TestServer.start(opened.keep(ServerBackends.open(
                ServerBackends.newDatabase(ServerBackends.Backend.H2, dir)))));
        townHall = opened.keep(Installations.open(dir.resolve("town-hall"), TestData.CLOCK));
        ccas = opened.keep(Installations.open(dir.resolve("ccas"), Clock.offset(TestData.CLOCK, Duration.ofMinutes(5))));
        jeanne = Installations.seed(townHall, claire);
        sync(townHall, server);
        sync(ccas, server);
    }

    void syncAll() throws Exception {
        sync(townHall, server);
        sync(ccas, server);
        sync(townHall, server);
    }

    @Test
    void editsOfAProfileOnTwoComputersMergeFieldByFieldAndConcurrentGridsAreAConflict() throws Exception {
        twoInstallationsWithJeanne();
        profiles(townHall).save(new ElderlyProfile(jeanne.id(), AggirGrid.of("CCBBBBBBBB"), LocalDate.of(2026, 11, 2),
                ApaStatus.REQUESTED, false, null, new ContactPerson("Claire Martin", "06 12 34 56 78", "fille"),
                registration), claire.id());
        syncAll();
        ElderlyProfile shared = profiles(ccas).elderly(jeanne.id()).orElseThrow();
        assertThat(profiles(townHall).elderly(jeanne.id())).contains(shared);

        // Offline, both record a new grid; the town hall learns she lives alone, the CCAS notes her walker.
        profiles(townHall).save(new ElderlyProfile(jeanne.id(), AggirGrid.of("CCCCCCCCCC"), shared.assessedOn(),
                shared.apa(), true, shared.disability(), shared.emergency(), shared.heatwave()), claire.id());
        profiles(ccas).save(new ElderlyProfile(jeanne.id(), AggirGrid.of("BBBBBBBBBB"), shared.assessedOn(),
                shared.apa(), false, "Déambulateur", shared.emergency(), shared.heatwave()), claire.id());
        syncAll();

        for (CercleDatabase db : List.of(townHall, ccas)) {
            ElderlyProfile merged = profiles(db).elderly(jeanne.id()).orElseThrow();
            assertThat(merged.livesAlone()).isTrue();
            assertThat(merged.disability()).isEqualTo("Déambulateur");
            assertThat(merged.heatwave()).isEqualTo(registration);
            assertThat(db.dsl().fetchCount(CONFLICT_VALUE, CONFLICT_VALUE.ENTITY.eq("elderly_profile")))
                    .as("the losing grid is kept for a person").isEqualTo(1);
            assertThat(db.dsl().fetchCount(CONFLICT_VALUE, CONFLICT_VALUE.FIELD.eq("aggir"))).isEqualTo(1);
        }
        assertThat(profiles(townHall).elderly(jeanne.id())).isEqualTo(profiles(ccas).elderly(jeanne.id()));
        assertThat(new fr.cercle.persistence.write.ConflictRepository(ccas.dsl(), ccas.writer(), TestData.ALL_ACCESS).all())
                .singleElement().satisfies(c -> {
                    assertThat(c.entity()).isEqualTo("elderly_profile");
                    assertThat(c.label()).as("named by its person").isEqualTo("Jeanne Martin");
                });
    }

    @Test
    void aProfileStartedOnTwoComputersIsOneRecordAndItsGuardedFieldsInDisagreementAreConflicts() throws Exception {
        twoInstallationsWithJeanne();
        profiles(townHall).save(new ElderlyProfile(jeanne.id(), null, null, null, true, null, null, registration), claire.id());
        profiles(ccas).save(new ElderlyProfile(jeanne.id(), AggirGrid.of("CCBBBBBBBB"), LocalDate.of(2026, 11, 2),
                ApaStatus.REQUESTED, false, null, null, null), claire.id());
        syncAll();

        for (CercleDatabase db : List.of(townHall, ccas)) {
            assertThat(db.dsl().fetchCount(ELDERLY_PROFILE)).as("one profile, not two").isEqualTo(1);
            assertThat(db.dsl().select(CONFLICT_VALUE.FIELD).from(CONFLICT_VALUE)
                    .where(CONFLICT_VALUE.ENTITY.eq("elderly_profile")).fetch(CONFLICT_VALUE.FIELD))
                    .as("what the later start overwrote and a person must see").contains("heatwave_registered_on");
        }
        assertThat(profiles(townHall).elderly(jeanne.id())).isEqualTo(profiles(ccas).elderly(jeanne.id()));
    }
}
