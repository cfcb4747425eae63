package fr.cercle.sync.server;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.need.NeedRepository;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.sync.Installations;
import fr.cercle.sync.Opened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.AUDIT_EVENT;
import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.HELD_CHANGE;
import static fr.cercle.persistence.jooq.Tables.NEED;
import static fr.cercle.persistence.jooq.Tables.RECORD_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server sends an installation only the records within its organisation's scope, and a record
 * that leaves the scope (its file handed to a referent of another organisation) is removed from the
 * installations of the organisation it leaves, and arrives whole at those of the one it enters: the
 * role matrix against the server, by organisation and kind of record.
 */
class ScopeTest {

    static final String TOWN_HALL = "Mairie de Vareilles";
    static final String CCAS = "CCAS de Guéret";

    @TempDir
    Path dir;
    @RegisterExtension
    final Opened opened = new Opened();

    <T extends AutoCloseable> T keep(T closeable) {
        return opened.keep(closeable);
    }

    CercleDatabase installation(String name) {
        return keep(Installations.open(dir.resolve(name), TestData.CLOCK));
    }

    static StaffMember staff(CercleDatabase db, String first, String structure) {
        StaffMember member = new StaffMember(StaffId.newId(), first, "Durand", structure, Set.of(Domain.ELDERLY), true);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(member, member.id());
        return member;
    }

    static BeneficiaryRepository files(CercleDatabase db) {
        return Installations.beneficiaries(db);
    }

    static HelperRepository helpers(CercleDatabase db) {
        return new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
    }

    static void syncAll(CercleDatabase... installations) throws Exception {
        for (int round = 0; round < 2; round++) {
            for (CercleDatabase db : installations) {
                TestServer.sync(db);
            }
        }
    }

    @Test
    void eachOrganisationGetsItsOwnRecordsAndAFileHandedOverMovesWholeAndComesBack() throws Exception {
        TestServer server = keep(TestServer.start(keep(ServerDatabase.h2(dir.resolve("server")))));
        CercleDatabase village = installation("village");
        CercleDatabase ccas = installation("ccas");
        CercleDatabase ccasDesk = installation("ccas-desk");
        server.enrol(village, TOWN_HALL);
        server.enrol(ccas, CCAS);
        server.enrol(ccasDesk, CCAS);

        StaffMember paul = staff(village, "Paul", TOWN_HALL);
        StaffMember claire = staff(ccas, "Claire", CCAS);
        Beneficiary lucie = TestData.beneficiary(paul.id()).firstName("Lucie").build();
        files(village).save(lucie, paul.id());
        Beneficiary jeanne = TestData.beneficiary(claire.id()).firstName("Jeanne").build();
        files(ccas).save(jeanne, claire.id());
        Helper karim = TestData.helper().build();
        helpers(village).save(karim, paul.id());
        Viewer asPaul = new Viewer("paul", Optional.of(paul.id()), Set.of(Role.COORDINATOR), paul.domains());
        new BeneficiaryRepository(village.dsl(), village.writer(), village.clock(), asPaul).open(lucie.id());
        syncAll(village, ccas, ccasDesk);

        // Staff members are shared; files, helpers and the audit trail stay in their organisation.
        for (CercleDatabase db : List.of(village, ccas, ccasDesk)) {
            assertThat(new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).all())
                    .extracting(StaffMember::firstName).contains("Paul", "Claire");
        }
        assertThat(files(village).find(lucie.id())).contains(lucie);
        assertThat(files(village).find(jeanne.id())).isEmpty();
        assertThat(helpers(village).find(karim.id())).isPresent();
        for (CercleDatabase db : List.of(ccas, ccasDesk)) {
            assertThat(files(db).find(jeanne.id())).contains(jeanne);
            assertThat(files(db).find(lucie.id())).isEmpty();
            assertThat(helpers(db).find(karim.id())).isEmpty();
            assertThat(db.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ID.eq(lucie.id().value()))).isZero();
            assertThat(db.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.ENTITY_ID.eq(lucie.id().value()))).isZero();
        }

        // A need of Lucie's, recorded at the town hall, stays there while her file does.
        Need visits = Need.open(lucie.id(), NeedKind.VISIT, Frequency.WEEKLY, Set.of(), false, java.time.LocalDate.of(2026, 11, 20));
        new NeedRepository(village.dsl(), village.writer(), village.clock(), TestData.ALL_ACCESS).save(visits, paul.id());
        var worried = new fr.cercle.model.contribution.Contribution(fr.cercle.model.contribution.ContributionId.newId(),
                lucie.id(), karim.id(), visits.id(), java.time.LocalDate.now(TestData.CLOCK), 40,
                fr.cercle.model.contribution.ContributionKind.VISIT, fr.cercle.model.contribution.Medium.IN_PERSON, true,
                null, "Parle de déménager chez sa fille.");
        new fr.cercle.persistence.contribution.ContributionRepository(village.dsl(), village.writer(), village.clock(),
                TestData.ALL_ACCESS).record(worried, paul.id());
        var registered = new fr.cercle.model.profile.ElderlyProfile(lucie.id(), null, null, null, true, null, null,
                new fr.cercle.model.profile.HeatwaveRegistration(java.time.LocalDate.of(2026, 6, 2),
                        fr.cercle.model.profile.HeatwaveRequester.SELF, null, fr.cercle.model.profile.HeatwaveCapacity.AGED_65,
                        null));
        new fr.cercle.persistence.profile.ProfileRepository(village.dsl(), village.writer(), village.clock(),
                TestData.ALL_ACCESS).save(registered, paul.id());
        syncAll(village, ccas, ccasDesk);
        assertThat(ccas.dsl().fetchCount(NEED)).isZero();
        assertThat(ccas.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.ELDERLY_PROFILE)).isZero();

        // Lucie moves to Guéret: her file goes to Claire, of the CCAS.
        Beneficiary edited = lucie.toBuilder().situation("Déménage chez sa fille à Guéret.").build();
        files(village).save(edited, paul.id());
        Beneficiary handedOver = edited.toBuilder().referent(claire.id()).build();
        files(village).save(handedOver, paul.id());
        syncAll(village, ccas, ccasDesk);

        assertThat(files(village).find(lucie.id())).as("gone from the town hall").isEmpty();
        assertThat(village.dsl().fetchCount(NEED)).as("with her needs").isZero();
        assertThat(village.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.ELDERLY_PROFILE)).as("and her profile").isZero();
        assertThat(new fr.cercle.persistence.profile.ProfileRepository(ccasDesk.dsl(), ccasDesk.writer(), ccasDesk.clock(),
                TestData.ALL_ACCESS).elderly(lucie.id())).as("which follows her").contains(registered);
        assertThat(village.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.CONTRIBUTION)).as("the help she got").isZero();
        assertThat(village.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.FOLLOW_UP)).as("and the follow-up").isZero();
        assertThat(new fr.cercle.persistence.contribution.ContributionRepository(ccasDesk.dsl(), ccasDesk.writer(),
                ccasDesk.clock(), TestData.ALL_ACCESS).followUps(lucie.id())).singleElement()
                .extracting(fr.cercle.model.contribution.FollowUp::subject).isEqualTo("Parle de déménager chez sa fille.");
        assertThat(new NeedRepository(ccasDesk.dsl(), ccasDesk.writer(), ccasDesk.clock(), TestData.ALL_ACCESS)
                .ofFile(lucie.id())).as("which follow her").containsExactly(visits);
        assertThat(village.dsl().fetchCount(RECORD_VERSION, RECORD_VERSION.ENTITY_ID.eq(lucie.id().value()))).isZero();
        assertThat(village.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.ENTITY_ID.eq(lucie.id().value())
                .and(CHANGE_JOURNAL.FORGOTTEN.isFalse()))).as("only its own changes stay, forgotten").isZero();
        for (CercleDatabase db : List.of(ccas, ccasDesk)) {
            assertThat(files(db).find(lucie.id())).as("whole at the CCAS").contains(handedOver);
            assertThat(db.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ID.eq(lucie.id().value())))
                    .as("with who opened her file").isEqualTo(1);
        }

        // Edited at the CCAS: the town hall does not see it.
        Beneficiary atTheCcas = handedOver.toBuilder().situation("Suivie par le CCAS depuis son déménagement.").build();
        files(ccas).save(atTheCcas, claire.id());
        syncAll(village, ccas, ccasDesk);
        assertThat(files(village).find(lucie.id())).isEmpty();
        assertThat(files(ccasDesk).find(lucie.id())).contains(atTheCcas);

        // She comes back to Vareilles: the town hall gets her file back, with what was written meanwhile.
        Beneficiary back = atTheCcas.toBuilder().referent(paul.id()).build();
        files(ccas).save(back, claire.id());
        syncAll(village, ccas, ccasDesk);
        assertThat(files(village).find(lucie.id())).contains(back);
        assertThat(files(ccas).find(lucie.id())).isEmpty();
        assertThat(files(ccasDesk).find(lucie.id())).isEmpty();

        // The town hall edits her again, and nothing of its own earlier changes was lost on the way.
        Beneficiary again = back.toBuilder().situation("De retour à Vareilles.").build();
        files(village).save(again, paul.id());
        syncAll(village, ccas, ccasDesk);
        assertThat(files(village).find(lucie.id())).contains(again);
        for (CercleDatabase db : List.of(village, ccas, ccasDesk)) {
            assertThat(db.dsl().fetchCount(HELD_CHANGE)).as("nothing waits for a gap").isZero();
        }
        assertThat(files(ccas).find(jeanne.id())).contains(jeanne);
    }

    @Test
    void aNewInstallationOfAnOrganisationGetsTheFilesThatCameToIt() throws Exception {
        TestServer server = keep(TestServer.start(keep(ServerDatabase.h2(dir.resolve("server")))));
        CercleDatabase village = installation("village");
        CercleDatabase ccas = installation("ccas");
        server.enrol(village, TOWN_HALL);
        server.enrol(ccas, CCAS);
        StaffMember paul = staff(village, "Paul", TOWN_HALL);
        StaffMember claire = staff(ccas, "Claire", CCAS);
        Beneficiary lucie = TestData.beneficiary(paul.id()).firstName("Lucie").build();
        files(village).save(lucie, paul.id());
        syncAll(village, ccas);
        Beneficiary handedOver = lucie.toBuilder().referent(claire.id()).build();
        files(village).save(handedOver, paul.id());
        syncAll(village, ccas);

        CercleDatabase later = installation("ccas-later");
        server.enrol(later, CCAS);
        TestServer.sync(later);
        CercleDatabase laterAtTheTownHall = installation("village-later");
        server.enrol(laterAtTheTownHall, TOWN_HALL);
        TestServer.sync(laterAtTheTownHall);

        assertThat(files(later).find(lucie.id())).contains(handedOver);
        assertThat(files(laterAtTheTownHall).find(lucie.id())).isEmpty();
        assertThat(files(laterAtTheTownHall).find(lucie.id())).isEmpty();
    }
}
