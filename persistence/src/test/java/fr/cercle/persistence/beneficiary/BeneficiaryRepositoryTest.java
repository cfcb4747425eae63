package fr.cercle.persistence.beneficiary;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.PossibleDuplicate;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.staff.StaffRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeneficiaryRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    BeneficiaryRepository repository;
    StaffMember claire;

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        repository = new BeneficiaryRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
        claire = TestData.staff();
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSavedFileReadsBackIdentical() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();

        repository.save(jeanne, claire.id());

        assertThat(repository.find(jeanne.id())).contains(jeanne);
    }

    @Test
    void summariesCarryTheCommuneAndReferentNames() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        repository.save(jeanne, claire.id());

        BeneficiarySummary summary = repository.summaries().get(0);

        assertThat(summary.id()).isEqualTo(jeanne.id());
        assertThat(summary.communeName()).isEqualTo("La Souterraine");
        assertThat(summary.referentName()).isEqualTo("Claire Moreau");
        assertThat(summary.domains()).containsExactly(Domain.ELDERLY, Domain.HEALTH);
        assertThat(repository.summary(jeanne.id())).contains(summary);
    }

    @Test
    void anInvalidFileIsRefusedWithEveryProblemAndNothingIsWritten() {
        Beneficiary invalid = TestData.beneficiary(claire.id()).firstName("").birthDate(LocalDate.of(2030, 1, 1)).build();
        long journal = db.journal().count();

        assertThatThrownBy(() -> repository.save(invalid, claire.id()))
                .isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).problems()).extracting(Problem::rule)
                        .containsExactlyInAnyOrder(Rule.REQUIRED, Rule.IN_FUTURE));

        assertThat(repository.count()).isZero();
        assertThat(db.journal().count()).isEqualTo(journal);
    }

    @Test
    void findsPossibleDuplicatesBeforeSaving() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        repository.save(jeanne, claire.id());

        Beneficiary sameAgain = TestData.beneficiary(claire.id()).firstName("JEANNE").build();
        Beneficiary typo = TestData.beneficiary(claire.id()).lastName("Martinn").birthDate(LocalDate.of(1940, 1, 1)).build();
        Beneficiary someoneElse = TestData.beneficiary(claire.id()).firstName("Paul").birthDate(LocalDate.of(1950, 1, 1)).build();

        assertThat(repository.possibleDuplicates(sameAgain)).extracting(PossibleDuplicate::reason)
                .containsExactly(PossibleDuplicate.Reason.SAME_NAME_AND_BIRTH_DATE);
        assertThat(repository.possibleDuplicates(typo)).extracting(PossibleDuplicate::reason)
                .containsExactly(PossibleDuplicate.Reason.SIMILAR_NAME_SAME_COMMUNE);
        assertThat(repository.possibleDuplicates(someoneElse)).isEmpty();
        assertThat(repository.possibleDuplicates(jeanne)).isEmpty();
    }

    @Test
    void closingKeepsTheFileWithAClosedStatus() {
        Beneficiary jeanne = TestData.beneficiary(claire.id()).build();
        repository.save(jeanne, claire.id());

        repository.close(jeanne.id(), claire.id());

        assertThat(repository.find(jeanne.id())).get().extracting(Beneficiary::status).isEqualTo(BeneficiaryStatus.CLOSED);
    }
}
