package fr.cercle.model.need;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NeedTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static Need shopping(boolean check) {
        return Need.open(BeneficiaryId.newId(), NeedKind.SHOPPING, Frequency.WEEKLY, Set.of(), check, LocalDate.of(2026, 11, 20));
    }

    @Test
    void aMinorsNeedRequiresABackgroundCheck() {
        assertThat(shopping(false).validate(TODAY, true)).containsExactly(
                Problem.of(Need.BACKGROUND_CHECK, Rule.BACKGROUND_CHECK_FOR_MINOR));
        assertThat(shopping(true).validate(TODAY, true)).isEmpty();
        assertThat(shopping(false).validate(TODAY, false)).isEmpty();
    }

    @Test
    void aNeedHasAKindAFrequencyAndAnOpeningNotInTheFuture() {
        Need empty = new Need(NeedId.newId(), BeneficiaryId.newId(), null, null, null, null, false, null, null,
                TODAY.plusDays(1), null, null, null);
        assertThat(empty.validate(TODAY, false)).extracting(Problem::field)
                .containsExactly(Need.KIND, Need.FREQUENCY, Need.OPENED_ON);
        assertThat(empty.status()).isEqualTo(NeedStatus.OPEN);
    }

    @Test
    void matchingRecordsTheHelperTheDayAndTheTimeItTook() {
        HelperId karim = HelperId.newId();
        Need matched = shopping(false).assign(karim, LocalDate.of(2026, 11, 25));
        assertThat(matched.status()).isEqualTo(NeedStatus.MATCHED);
        assertThat(matched.helper()).isEqualTo(karim);
        assertThat(matched.daysToMatch()).contains(5L);
        assertThat(matched.validate(TODAY, false)).isEmpty();
        assertThat(matched.close().status()).isEqualTo(NeedStatus.CLOSED);
        assertThat(matched.close().helper()).isEqualTo(karim);
        assertThat(shopping(false).assign(karim, LocalDate.of(2026, 11, 19)).validate(TODAY, false))
                .extracting(Problem::field).containsExactly(Need.MATCHED_ON);
        assertThat(shopping(false).requiredSkills()).containsExactly(Skill.SHOPPING);
    }
}
