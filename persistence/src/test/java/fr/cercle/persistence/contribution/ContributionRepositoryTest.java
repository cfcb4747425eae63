package fr.cercle.persistence.contribution;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.FollowUp;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.Helper;
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

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.FOLLOW_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A contribution recorded, with the follow-up its concern opens, in one transaction, under the file's rules. */
class ContributionRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    final StaffMember claire = TestData.staff();
    final StaffMember paul = new StaffMember(StaffId.newId(), "Paul", "Durand", "CCAS", Set.of(Domain.ELDERLY), true);
    final LocalDate today = LocalDate.now(TestData.CLOCK);
    Beneficiary jeanne;
    Helper karim;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(paul, claire.id());
        jeanne = TestData.beneficiary(claire.id()).build();
        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(jeanne, claire.id());
        karim = TestData.helper().build();
        new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).save(karim, claire.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    ContributionRepository as(StaffMember member) {
        return new ContributionRepository(db.dsl(), db.writer(), db.clock(),
                new Viewer(member.firstName(), Optional.of(member.id()), Set.of(Role.CASEWORKER), member.domains()));
    }

    Contribution visit(String concern, int minutes) {
        return new Contribution(ContributionId.newId(), jeanne.id(), karim.id(), null, today, minutes, ContributionKind.VISIT,
                Medium.IN_PERSON, true, "Promenade au jardin", concern);
    }

    @Test
    void aConcernOpensAFollowUpForTheReferentInTheSameTransaction() {
        Optional<FollowUp> followUp = as(claire).record(
                visit("Ne prend plus ses médicaments.", 45), claire.id());

        assertThat(followUp).hasValueSatisfying(f -> {
            assertThat(f.referent()).isEqualTo(claire.id());
            assertThat(f.due()).isEqualTo(today.plusDays(3));
        });
        assertThat(as(claire).ofFile(jeanne.id())).singleElement().extracting(Contribution::concern)
                .isEqualTo("Ne prend plus ses médicaments.");
        assertThat(as(claire).followUps(jeanne.id())).containsExactly(followUp.get());
        assertThat(db.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.ENTITY.in("contribution", "follow_up"))).isEqualTo(2);

        as(claire).done(followUp.get(), claire.id());
        assertThat(as(claire).followUps(jeanne.id())).singleElement().extracting(FollowUp::status)
                .isEqualTo(FollowUpStatus.DONE);
    }

    @Test
    void withoutConcernNoFollowUp() {
        assertThat(as(claire).record(visit(null, 30), claire.id())).isEmpty();
        assertThat(db.dsl().fetchCount(FOLLOW_UP)).isZero();
    }

    @Test
    void anInvalidOrForbiddenContributionWritesNothing() {
        assertThatThrownBy(() -> as(claire).record(visit("Inquiétude", 900), claire.id()))
                .isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> as(paul).record(visit("Inquiétude", 30), paul.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(db.dsl().fetchCount(CONTRIBUTION)).isZero();
        assertThat(db.dsl().fetchCount(FOLLOW_UP)).isZero();
        assertThat(as(paul).ofFile(jeanne.id())).isEmpty();
    }

    @Test
    void erasingTheFileErasesWhatHelpersDidAndTheFollowUps() {
        as(claire).record(visit("Chute dans l'escalier-Secret", 30), claire.id());
        Viewer coordinator = new Viewer("coord", Optional.of(claire.id()), Set.of(Role.COORDINATOR), Set.of(Domain.values()));

        new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), coordinator).erase(jeanne.id(), claire.id());

        assertThat(db.dsl().fetchCount(CONTRIBUTION)).isZero();
        assertThat(db.dsl().fetchCount(FOLLOW_UP)).isZero();
        assertThat(db.dsl().fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.FIELDS.contains("escalier"))).isZero();
    }
}
