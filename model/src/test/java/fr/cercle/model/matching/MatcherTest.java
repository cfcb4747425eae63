package fr.cercle.model.matching;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {

    // La Souterraine and Saint-Maurice-la-Souterraine share an intercommunality; Guéret is in the same
    // department, another one; Limoges in another department.
    static final Commune LA_SOUTERRAINE = commune("23176", "La Souterraine", "23", "200034981");
    static final Commune SAINT_MAURICE = commune("23219", "Saint-Maurice-la-Souterraine", "23", "200034981");
    static final Commune GUERET = commune("23096", "Guéret", "23", "200034882");
    static final Commune LIMOGES = commune("87085", "Limoges", "87", "248719312");
    static final Map<InseeCode, Commune> COMMUNES = Map.of(LA_SOUTERRAINE.code(), LA_SOUTERRAINE,
            SAINT_MAURICE.code(), SAINT_MAURICE, GUERET.code(), GUERET, LIMOGES.code(), LIMOGES);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Matcher MATCHER = new Matcher(code -> Optional.ofNullable(COMMUNES.get(code)), TODAY,
            BackgroundCheck.DEFAULT_YEARS);
    static final WeeklySlot TUESDAY_AFTERNOON = new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON);
    static final WeeklySlot SATURDAY_MORNING = new WeeklySlot(DayOfWeek.SATURDAY, DayPart.MORNING);

    static Commune commune(String code, String name, String department, String epci) {
        return new Commune(new InseeCode(code), name, List.of(), department, "75", epci, "EPCI " + epci, 1000);
    }

    static Helper.Builder helper(String lastName, Commune where, Skill... skills) {
        return Helper.builder().firstName("Aidant").lastName(lastName).commune(where.code()).skills(Set.of(skills))
                .availability(List.of(TUESDAY_AFTERNOON)).languages(List.of("fr")).maxCommitments(3)
                .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, LocalDate.of(2026, 1, 10)))
                .status(HelperStatus.ACTIVE);
    }

    static Need visit(boolean backgroundCheck) {
        Need need = Need.open(BeneficiaryId.newId(), NeedKind.VISIT, Frequency.WEEKLY,
                Set.of(TUESDAY_AFTERNOON, SATURDAY_MORNING), backgroundCheck, LocalDate.of(2026, 11, 2));
        return new Need(need.id(), need.beneficiary(), need.kind(), need.frequency(), need.slots(), Set.of(Skill.SHOPPING),
                backgroundCheck, new TreeSet<>(Set.of("fr", "ar")), NeedStatus.OPEN, need.openedOn(), null, null, null);
    }

    static List<String> names(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.helper().lastName()).toList();
    }

    @Test
    void skillsComeFirstThenProximityThenSlotsThenLoadThenLanguages() {
        Need need = visit(false);
        List<Matcher.Offer> offers = List.of(
                new Matcher.Offer(helper("Limoges-both", LIMOGES, Skill.VISITS, Skill.SHOPPING).build(), 0),
                new Matcher.Offer(helper("Here-visits", LA_SOUTERRAINE, Skill.VISITS).build(), 0),
                new Matcher.Offer(helper("Near-both", SAINT_MAURICE, Skill.VISITS, Skill.SHOPPING).build(), 0),
                new Matcher.Offer(helper("Gueret-both", GUERET, Skill.VISITS, Skill.SHOPPING).build(), 0),
                new Matcher.Offer(helper("Here-both-busy", LA_SOUTERRAINE, Skill.VISITS, Skill.SHOPPING).build(), 2),
                new Matcher.Offer(helper("Here-both-free", LA_SOUTERRAINE, Skill.VISITS, Skill.SHOPPING).build(), 0),
                new Matcher.Offer(helper("Here-both-two-slots", LA_SOUTERRAINE, Skill.VISITS, Skill.SHOPPING)
                        .availability(List.of(TUESDAY_AFTERNOON, SATURDAY_MORNING)).build(), 2),
                new Matcher.Offer(helper("Here-both-free-arabic", LA_SOUTERRAINE, Skill.VISITS, Skill.SHOPPING)
                        .languages(List.of("ar", "fr")).build(), 0));

        List<Candidate> ranked = MATCHER.rank(need, LA_SOUTERRAINE.code(), offers, 10);

        assertThat(names(ranked)).containsExactly("Here-both-two-slots", "Here-both-free-arabic", "Here-both-free",
                "Here-both-busy", "Near-both", "Gueret-both", "Limoges-both", "Here-visits");
        Candidate best = ranked.get(0);
        assertThat(best.covered()).containsExactlyInAnyOrder(Skill.VISITS, Skill.SHOPPING);
        assertThat(best.proximity()).isEqualTo(Commune.Proximity.SAME_COMMUNE);
        assertThat(best.commonSlots()).containsExactly(TUESDAY_AFTERNOON, SATURDAY_MORNING);
        assertThat(best.commitments()).isEqualTo(2);
        assertThat(best.maxCommitments()).isEqualTo(3);
        Candidate last = ranked.get(ranked.size() - 1);
        assertThat(last.missing()).containsExactly(Skill.SHOPPING);
        assertThat(last.coversEverySkill()).isFalse();
        assertThat(ranked.get(1).commonLanguages()).containsExactly("ar", "fr");
        assertThat(ranked.get(4).proximity()).isEqualTo(Commune.Proximity.SAME_INTERCOMMUNALITY);
        assertThat(ranked.get(5).proximity()).isEqualTo(Commune.Proximity.SAME_DEPARTMENT);
        assertThat(ranked.get(6).proximity()).isEqualTo(Commune.Proximity.FURTHER);
        assertThat(names(MATCHER.rank(need, LA_SOUTERRAINE.code(), offers, 3))).hasSize(3);
    }

    @Test
    void aHelperWithoutAValidCheckIsNeverProposedWhenOneIsRequired() {
        Need need = visit(true);
        List<Matcher.Offer> offers = List.of(
                new Matcher.Offer(helper("Checked", LIMOGES, Skill.VISITS).build(), 0),
                new Matcher.Offer(helper("Requested", LA_SOUTERRAINE, Skill.VISITS, Skill.SHOPPING)
                        .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.REQUESTED, LocalDate.of(2026, 11, 1))).build(), 0),
                new Matcher.Offer(helper("Never", LA_SOUTERRAINE, Skill.VISITS, Skill.SHOPPING)
                        .backgroundCheck(BackgroundCheck.NOT_REQUESTED).build(), 0));

        assertThat(names(MATCHER.rank(need, LA_SOUTERRAINE.code(), offers, 10))).containsExactly("Checked");
        assertThat(names(MATCHER.rank(visit(false), LA_SOUTERRAINE.code(), offers, 10)))
                .containsExactly("Never", "Requested", "Checked");
    }

    @Test
    void aCheckOlderThanItsYearsNoLongerQualifies() {
        Need need = visit(true);
        List<Matcher.Offer> offers = List.of(
                new Matcher.Offer(helper("Expired", LA_SOUTERRAINE, Skill.VISITS)
                        .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, TODAY.minusYears(3))).build(), 0),
                new Matcher.Offer(helper("LastDay", LA_SOUTERRAINE, Skill.VISITS)
                        .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, TODAY.minusYears(3).plusDays(1))).build(), 0),
                // Cercle's forms refuse it; it can only arrive from elsewhere: nothing says it is recent.
                new Matcher.Offer(helper("Undated", LA_SOUTERRAINE, Skill.VISITS)
                        .backgroundCheck(new BackgroundCheck(BackgroundCheckStatus.VALID, null)).build(), 0));

        assertThat(names(MATCHER.rank(need, LA_SOUTERRAINE.code(), offers, 10)))
                .as("a check of three years ago ends today; one a day younger still counts today; an undated one never")
                .containsExactly("LastDay");
        assertThat(names(new Matcher(code -> Optional.ofNullable(COMMUNES.get(code)), TODAY, 5)
                .rank(need, LA_SOUTERRAINE.code(), offers, 10))).as("where checks count five years")
                .containsExactlyInAnyOrder("Expired", "LastDay");
        assertThat(names(MATCHER.rank(visit(false), LA_SOUTERRAINE.code(), offers, 10)))
                .as("a need without a required check ignores it").hasSize(3);
    }

    @Test
    void inactiveFullOrUnskilledHelpersAreLeftOut() {
        List<Matcher.Offer> offers = List.of(
                new Matcher.Offer(helper("Paused", LA_SOUTERRAINE, Skill.VISITS).status(HelperStatus.PAUSED).build(), 0),
                new Matcher.Offer(helper("Left", LA_SOUTERRAINE, Skill.VISITS).status(HelperStatus.LEFT).build(), 0),
                new Matcher.Offer(helper("Full", LA_SOUTERRAINE, Skill.VISITS).build(), 3),
                new Matcher.Offer(helper("Driver", LA_SOUTERRAINE, Skill.TRANSPORT).build(), 0),
                new Matcher.Offer(helper("Ok", LA_SOUTERRAINE, Skill.VISITS).build(), 2));

        assertThat(names(MATCHER.rank(visit(false), LA_SOUTERRAINE.code(), offers, 10))).containsExactly("Ok");
    }

    @Test
    void whyNoOneIsProposedFollowsTheOrderHelpersAreRuledOut() {
        Need need = visit(true);
        Matcher.Offer driver = new Matcher.Offer(helper("Driver", LA_SOUTERRAINE, Skill.TRANSPORT).build(), 0);
        Matcher.Offer unchecked = new Matcher.Offer(helper("Unchecked", LA_SOUTERRAINE, Skill.VISITS)
                .backgroundCheck(BackgroundCheck.NOT_REQUESTED).build(), 0);
        Matcher.Offer full = new Matcher.Offer(helper("Full", LA_SOUTERRAINE, Skill.VISITS).build(), 3);

        assertThat(MATCHER.whyNone(need, List.of(driver))).isEqualTo(Matcher.NoCandidate.NO_SKILL);
        assertThat(MATCHER.whyNone(need, List.of(driver, unchecked))).isEqualTo(Matcher.NoCandidate.NO_VALID_CHECK);
        assertThat(MATCHER.whyNone(need, List.of(driver, unchecked, full))).isEqualTo(Matcher.NoCandidate.ALL_FULL);
        assertThat(MATCHER.rank(need, LA_SOUTERRAINE.code(), List.of(driver, unchecked, full), 10)).isEmpty();
    }

    @Test
    void withoutAKnownCommuneEveryoneIsFurther() {
        List<Candidate> ranked = MATCHER.rank(visit(false), null,
                List.of(new Matcher.Offer(helper("Here", LA_SOUTERRAINE, Skill.VISITS).build(), 0)), 10);
        assertThat(ranked).singleElement().extracting(Candidate::proximity).isEqualTo(Commune.Proximity.FURTHER);
    }
}
