package fr.cercle.persistence.need;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.matching.Candidate;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.NEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Needs through the write path: journaled, under the file's need-to-know rule, matched with helpers. */
class NeedRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    final WeeklySlot tuesday = new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON);
    Beneficiary jeanne;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        jeanne = TestData.beneficiary(claire.id()).build();
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(jeanne, claire.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    NeedRepository as(Viewer viewer) {
        return new NeedRepository(db.dsl(), db.writer(), db.clock(), viewer);
    }

    Viewer caseworker(StaffMember member) {
        return new Viewer(member.firstName().toLowerCase(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains());
    }

    Need visit() {
        return Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY, Set.of(tuesday), false, LocalDate.of(2026, 11, 20));
    }

    @Test
    void aNeedIsSavedWithItsJournalEntryAndReadWithItsFile() {
        Need need = visit();
        as(caseworker(claire)).save(need, claire.id());

        assertThat(as(caseworker(claire)).ofFile(jeanne.id())).containsExactly(need);
        assertThat(as(caseworker(claire)).find(need.id())).contains(need);
        assertThat(db.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.ENTITY.eq("need"))).isEqualTo(1);
    }

    @Test
    void aColleagueOutsideTheCaseloadNeitherReadsNorWritesIt() {
        Need need = visit();
        as(caseworker(claire)).save(need, claire.id());

        assertThat(as(caseworker(paul)).ofFile(jeanne.id())).isEmpty();
        assertThat(as(caseworker(paul)).find(need.id())).isEmpty();
        assertThatThrownBy(() -> as(caseworker(paul)).save(visit(), paul.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(db.dsl().fetchCount(NEED)).isEqualTo(1);
    }

    @Test
    void aMinorsNeedWithoutBackgroundCheckIsRefusedAndNothingWritten() {
        Beneficiary pupil = TestData.beneficiary(claire.id()).firstName("Lina").birthDate(LocalDate.of(2012, 4, 1))
                .consent(new fr.cercle.model.beneficiary.Consent(LocalDate.of(2026, 1, 5),
                        fr.cercle.model.beneficiary.ConsentScope.FOLLOW_UP_AND_HELPERS,
                        fr.cercle.model.beneficiary.ConsentMethod.LEGAL_REPRESENTATIVE, "Mme Haddad, sa mère", null))
                .domains(Set.of(Domain.SCHOOL)).build();
        Viewer coordinator = new Viewer("coord", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.values()));
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), coordinator).save(pupil, claire.id());
        Need mentoring = Need.open(pupil.id(), NeedKind.MENTORING, Frequency.WEEKLY, Set.of(), false, LocalDate.of(2026, 11, 20));

        assertThatThrownBy(() -> as(coordinator).save(mentoring, claire.id()))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("BACKGROUND_CHECK_FOR_MINOR");
        assertThat(db.dsl().fetchCount(NEED)).isZero();
    }

    @Test
    void candidatesAreRankedAndTheAssignmentCountsInTheHelpersLoad() {
        HelperRepository helpers = new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        Helper near = TestData.helper().lastName("Proche").commune(TestData.LA_SOUTERRAINE).maxCommitments(1).build();
        Helper far = TestData.helper().lastName("Loin").commune(new InseeCode("87085")).build();
        helpers.save(near, claire.id());
        helpers.save(far, claire.id());
        Need need = visit();
        NeedRepository needs = as(caseworker(claire));
        needs.save(need, claire.id());

        List<Candidate> ranked = needs.candidates(need, 10);
        assertThat(ranked).extracting(c -> c.helper().lastName()).containsExactly("Proche", "Loin");

        needs.assign(need, near.id(), claire.id());
        Need matched = needs.find(need.id()).orElseThrow();
        assertThat(matched.status()).isEqualTo(NeedStatus.MATCHED);
        assertThat(matched.helper()).isEqualTo(near.id());
        assertThat(matched.matchedOn()).isEqualTo(LocalDate.now(TestData.CLOCK));
        assertThat(needs.commitments()).containsEntry(near.id(), 1);
        Need another = Need.open(jeanne.id(), NeedKind.SHOPPING, Frequency.WEEKLY, Set.of(), false, LocalDate.of(2026, 11, 21));
        needs.save(another, claire.id());
        assertThat(needs.candidates(another, 10)).extracting(c -> c.helper().lastName())
                .as("the near helper is at their maximum").containsExactly("Loin");
        assertThatThrownBy(() -> needs.assign(another, near.id(), claire.id()))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("HELPER_NOT_ELIGIBLE");
        assertThat(needs.find(another.id()).orElseThrow().status()).isEqualTo(NeedStatus.OPEN);
        assertThat(Skill.SHOPPING).isIn(TestData.helper().build().skills());

        needs.close(matched, claire.id());
        assertThat(needs.find(need.id()).orElseThrow()).satisfies(closed -> {
            assertThat(closed.status()).isEqualTo(NeedStatus.CLOSED);
            assertThat(closed.helper()).as("who met it stays recorded").isEqualTo(near.id());
        });
        assertThat(needs.commitments()).as("a closed need frees its helper").doesNotContainKey(near.id());
        assertThat(needs.candidates(another, 10)).extracting(c -> c.helper().lastName()).contains("Proche");
    }

    @Test
    void erasingTheFileErasesItsNeeds() throws Exception {
        Need need = new Need(visit().id(), jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY, new java.util.TreeSet<>(Set.of(tuesday)),
                Set.of(), false, new java.util.TreeSet<>(), NeedStatus.OPEN, LocalDate.of(2026, 11, 20), null, null,
                "Aime parler du jardin-Orchidées-Secret");
        as(caseworker(claire)).save(need, claire.id());
        Viewer coordinator = new Viewer("coord", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.values()));

        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), coordinator).erase(jeanne.id(), claire.id());

        assertThat(db.dsl().fetchCount(NEED)).isZero();
        assertThat(db.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.FIELDS.contains("Orchidées"))).isZero();
    }
}
