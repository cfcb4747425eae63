package fr.cercle.model.alert;

import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AlertSettingsTest {

    private final AlertSettings defaults = AlertSettings.defaults();

    @Test
    void anElderlyPersonIsCalledAfterAWeekOthersAfterTwo() {
        assertThat(defaults.noContactDays(Domain.ELDERLY)).isEqualTo(7);
        assertThat(defaults.noContactDays(Domain.HEALTH)).isEqualTo(14);
        assertThat(defaults.noContactDays(Domain.SCHOOL)).isEqualTo(14);
        assertThat(defaults.noContactDays(Set.of(Domain.HEALTH, Domain.ELDERLY))).as("the strictest wins").isEqualTo(7);
        assertThat(defaults.withNoContactDays(Domain.SCHOOL, 3).noContactDays(Set.of(Domain.SCHOOL, Domain.ELDERLY)))
                .isEqualTo(3);
        assertThat(defaults.helperInactiveDays()).isEqualTo(30);
    }

    @Test
    void everyValueOutOfRangeIsNamedWithItsField() {
        AlertSettings wrong = new AlertSettings(Map.of(Domain.HEALTH, 0), 400, 30, 11, 0, 30);
        assertThat(wrong.validate()).containsExactlyInAnyOrder(
                Problem.of("noContactDays.HEALTH", Rule.OUT_OF_RANGE, 1, 365),
                Problem.of(AlertSettings.NEED_UNMET_DAYS, Rule.OUT_OF_RANGE, 1, 365),
                Problem.of(AlertSettings.CONSENT_YEARS, Rule.OUT_OF_RANGE, 1, 10),
                Problem.of(AlertSettings.BACKGROUND_CHECK_YEARS, Rule.OUT_OF_RANGE, 1, 10));
        assertThat(wrong.noContactDays(Domain.ELDERLY)).as("a missing domain takes its default").isEqualTo(7);
        assertThat(defaults.validate()).isEmpty();
    }

    @Test
    void aConsentIsConfirmedAfterTwoYearsOrAtEighteenWhenAParentGaveIt() {
        Consent adult = new Consent(LocalDate.of(2025, 3, 1), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM);
        assertThat(defaults.consentEnds(adult, LocalDate.of(1940, 1, 1))).contains(LocalDate.of(2027, 3, 1));
        Consent parent = new Consent(LocalDate.of(2025, 9, 1), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM,
                "Nadia Diallo, mère", null);
        assertThat(defaults.consentEnds(parent, LocalDate.of(2008, 2, 10))).contains(LocalDate.of(2026, 2, 10));
        Consent withdrawn = new Consent(adult.date(), adult.scope(), adult.method(), null, LocalDate.of(2025, 6, 1));
        assertThat(defaults.consentEnds(withdrawn, LocalDate.of(1940, 1, 1))).isEmpty();
        assertThat(defaults.consentEnds(Consent.NONE, LocalDate.of(1940, 1, 1))).isEmpty();
    }

    @Test
    void aBackgroundCheckLastsThreeYearsAndIsFlaggedAMonthBefore() {
        BackgroundCheck check = new BackgroundCheck(BackgroundCheckStatus.VALID, LocalDate.of(2024, 1, 15));
        LocalDate end = defaults.backgroundCheckEnds(check).orElseThrow();
        assertThat(end).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(defaults.aboutToExpire(end, LocalDate.of(2026, 12, 15))).isFalse();
        assertThat(defaults.aboutToExpire(end, LocalDate.of(2026, 12, 16))).isTrue();
        assertThat(defaults.aboutToExpire(end, LocalDate.of(2027, 6, 1))).as("already ended").isTrue();
        assertThat(defaults.backgroundCheckEnds(new BackgroundCheck(BackgroundCheckStatus.REQUESTED, LocalDate.of(2024, 1, 15))))
                .isEmpty();
    }
}
