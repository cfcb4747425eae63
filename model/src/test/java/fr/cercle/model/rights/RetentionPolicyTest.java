package fr.cercle.model.rights;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void aClosedFileIsDueTwoYearsAfterItsLastChangeByDefault() {
        RetentionPolicy policy = RetentionPolicy.defaults();

        assertThat(policy.due(LocalDate.of(2024, 11, 26), TODAY)).isTrue();
        assertThat(policy.due(LocalDate.of(2024, 11, 27), TODAY)).as("two years to the day: not yet").isFalse();
        assertThat(policy.due(LocalDate.of(2025, 6, 1), TODAY)).isFalse();
    }

    @Test
    void thePeriodIsOneToTenYears() {
        assertThat(RetentionPolicy.ofYears(5).due(LocalDate.of(2021, 11, 26), TODAY)).isTrue();
        assertThatThrownBy(() -> new RetentionPolicy(Period.ofMonths(6))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetentionPolicy.ofYears(11)).hasMessageContaining("1 to 10 years");
    }
}
