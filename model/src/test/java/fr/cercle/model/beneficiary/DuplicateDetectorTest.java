package fr.cercle.model.beneficiary;

import fr.cercle.model.common.Address;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateDetectorTest {

    static final InseeCode LA_SOUTERRAINE = new InseeCode("23176");
    static final InseeCode SAINT_AGNANT = new InseeCode("23179");
    static final LocalDate BORN = LocalDate.of(1941, 6, 14);

    static BeneficiarySummary existing(String first, String last, LocalDate born, InseeCode commune) {
        return new BeneficiarySummary(BeneficiaryId.newId(), first, last, born, commune, "x", "23300",
                Set.of(Domain.ELDERLY), BeneficiaryStatus.ACTIVE, "Referent");
    }

    static Beneficiary candidate(String first, String last, LocalDate born, InseeCode commune) {
        return Beneficiary.builder().firstName(first).lastName(last).birthDate(born)
                .address(Address.inCommune(commune, "23300")).build();
    }

    @Test
    void sameNameAndBirthDateIsADuplicateWhereverTheyLive() {
        BeneficiarySummary other = existing("Hélène", "Dupré", BORN, SAINT_AGNANT);

        List<PossibleDuplicate> found = DuplicateDetector.find(candidate("helene", "DUPRE", BORN, LA_SOUTERRAINE), List.of(other));

        assertThat(found).containsExactly(new PossibleDuplicate(other, PossibleDuplicate.Reason.SAME_NAME_AND_BIRTH_DATE));
    }

    @Test
    void swappedFirstAndLastNamesAreRecognised() {
        BeneficiarySummary other = existing("Dupré", "Hélène", BORN, SAINT_AGNANT);

        assertThat(DuplicateDetector.find(candidate("Hélène", "Dupré", BORN, LA_SOUTERRAINE), List.of(other))).hasSize(1);
    }

    @Test
    void aTypoInTheNameInTheSameCommuneIsFlagged() {
        BeneficiarySummary other = existing("Hélène", "Duprez", LocalDate.of(1941, 6, 15), LA_SOUTERRAINE);

        assertThat(DuplicateDetector.find(candidate("Helene", "Dupré", BORN, LA_SOUTERRAINE), List.of(other)))
                .extracting(PossibleDuplicate::reason)
                .containsExactly(PossibleDuplicate.Reason.SIMILAR_NAME_SAME_COMMUNE);
    }

    @Test
    void aSimilarNameInAnotherCommuneWithAnotherBirthDateIsNotFlagged() {
        BeneficiarySummary other = existing("Hélène", "Duprez", LocalDate.of(1950, 1, 1), SAINT_AGNANT);

        assertThat(DuplicateDetector.find(candidate("Hélène", "Dupré", BORN, LA_SOUTERRAINE), List.of(other))).isEmpty();
    }

    @Test
    void shortNamesNeedAnExactMatch() {
        BeneficiarySummary other = existing("Li", "Wu", BORN.plusYears(1), LA_SOUTERRAINE);

        assertThat(DuplicateDetector.find(candidate("Lu", "Wu", BORN, LA_SOUTERRAINE), List.of(other))).isEmpty();
    }

    @Test
    void theFileBeingEditedIsNotItsOwnDuplicate() {
        Beneficiary self = candidate("Hélène", "Dupré", BORN, LA_SOUTERRAINE);
        BeneficiarySummary stored = new BeneficiarySummary(self.id(), "Hélène", "Dupré", BORN, LA_SOUTERRAINE, "x",
                "23300", Set.of(Domain.ELDERLY), BeneficiaryStatus.ACTIVE, "Referent");

        assertThat(DuplicateDetector.find(self, List.of(stored))).isEmpty();
    }

    @Test
    void strongReasonsComeFirst() {
        BeneficiarySummary similar = existing("Helene", "Dupret", BORN.minusDays(3), LA_SOUTERRAINE);
        BeneficiarySummary same = existing("Hélène", "Dupré", BORN, SAINT_AGNANT);

        assertThat(DuplicateDetector.find(candidate("Hélène", "Dupré", BORN, LA_SOUTERRAINE), List.of(similar, same)))
                .extracting(PossibleDuplicate::existing).containsExactly(same, similar);
    }
}
