package fr.cercle.model.helper;

import fr.cercle.model.common.Contact;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class HelperRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static Helper.Builder valid() {
        return Helper.builder().firstName("Karim").lastName("Benali")
                .contact(new Contact("06 12 34 56 78", null)).commune(new InseeCode("23176"))
                .skills(Set.of(Skill.VISITS, Skill.SHOPPING)).tags(List.of("cuisine")).languages(List.of("fr", "ar"))
                .availability(List.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)))
                .maxCommitments(2).charterSignedOn(LocalDate.of(2026, 2, 1))
                .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, LocalDate.of(2026, 2, 10)));
    }

    @Test
    void aCompleteHelperHasNoProblem() {
        assertThat(HelperRules.validate(valid().build(), TODAY)).isEmpty();
    }

    @Test
    void aHelperNeedsAWayToBeReached() {
        List<Problem> problems = HelperRules.validate(valid().contact(Contact.NONE).build(), TODAY);

        assertThat(problems).extracting(Problem::field, Problem::rule)
                .containsExactly(tuple(Helper.PHONE, Rule.CONTACT_REQUIRED));
    }

    @Test
    void everyWrongFieldIsReported() {
        Helper wrong = valid().firstName(" ").commune(null).maxCommitments(25).tags(List.of("a,b"))
                .languages(List.of("klingon")).charterSignedOn(TODAY.plusDays(1))
                .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, null)).build();

        assertThat(HelperRules.validate(wrong, TODAY)).extracting(Problem::field, Problem::rule).containsExactlyInAnyOrder(
                tuple(Helper.FIRST_NAME, Rule.REQUIRED),
                tuple(Helper.COMMUNE, Rule.REQUIRED),
                tuple(Helper.MAX_COMMITMENTS, Rule.OUT_OF_RANGE),
                tuple(Helper.TAGS, Rule.INVALID_TAG),
                tuple(Helper.LANGUAGES, Rule.UNKNOWN_LANGUAGE),
                tuple(Helper.CHARTER_SIGNED_ON, Rule.IN_FUTURE),
                tuple(Helper.BACKGROUND_CHECK_DATE, Rule.DATE_REQUIRED_FOR_STATUS));
    }

    @Test
    void weeklySlotsHaveAStableCode() {
        WeeklySlot slot = new WeeklySlot(DayOfWeek.SATURDAY, DayPart.EVENING);

        assertThat(slot.code()).isEqualTo("SATURDAY_EVENING");
        assertThat(WeeklySlot.parse(slot.code())).isEqualTo(slot);
        assertThatThrownBy(() -> WeeklySlot.parse("SATURDAY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collectionsAreCopiedSortedAndTrimmed() {
        Helper h = valid().tags(List.of(" jardin ", "", "cuisine")).build();

        assertThat(h.tags()).containsExactly("cuisine", "jardin");
        assertThat(h.toBuilder().build()).isEqualTo(h);
    }
}
