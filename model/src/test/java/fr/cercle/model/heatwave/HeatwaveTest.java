package fr.cercle.model.heatwave;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.InseeCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeatwaveTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 20);
    static final InseeCode SOUTERRAINE = new InseeCode("23176");
    static final InseeCode GUERET = new InseeCode("23096");
    static final UUID CLAIRE = UUID.randomUUID();

    @Test
    void aCampaignIsDeclaredForTodayOrTheComingWeekAndEndsAfterItStarts() {
        assertThat(Campaign.declare(AlertLevel.ORANGE, TODAY, null, null).validate(TODAY)).isEmpty();
        assertThat(Campaign.declare(AlertLevel.RED, TODAY.plusDays(2), TODAY.plusDays(5), "Pic jeudi").validate(TODAY)).isEmpty();
        assertThat(Campaign.declare(null, TODAY.plusDays(9), TODAY, null).validate(TODAY))
                .extracting(p -> p.field()).containsExactlyInAnyOrder(Campaign.LEVEL, Campaign.STARTS_ON, Campaign.ENDS_ON);
        Campaign closed = Campaign.declare(AlertLevel.ORANGE, TODAY, TODAY.plusDays(5), null).close(TODAY.plusDays(2));
        assertThat(closed.open()).isFalse();
        assertThat(closed.endsOn()).isEqualTo(TODAY.plusDays(2));
    }

    @Test
    void theRegisterIsSpreadOverCallersNeighboursFirstWithinCapacity() {
        Caller karim = new Caller(CallerKind.HELPER, UUID.randomUUID(), SOUTERRAINE, 2);
        Caller lucie = new Caller(CallerKind.HELPER, UUID.randomUUID(), GUERET, 3);
        Caller claire = new Caller(CallerKind.STAFF, CLAIRE, null, 10);
        List<CallList.Registered> register = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            register.add(new CallList.Registered(BeneficiaryId.newId(), SOUTERRAINE));
        }
        register.add(new CallList.Registered(BeneficiaryId.newId(), GUERET));
        CampaignId campaign = CampaignId.newId();

        List<CampaignCall> calls = CallList.spread(campaign, register, List.of(karim, lucie, claire), TODAY);

        assertThat(calls).hasSize(5).allSatisfy(c -> {
            assertThat(c.step()).isEqualTo(CallStep.CALL);
            assertThat(c.day()).isEqualTo(TODAY);
            assertThat(c.done()).isFalse();
        });
        Map<UUID, Long> load = calls.stream().collect(Collectors.groupingBy(CampaignCall::callerId, Collectors.counting()));
        assertThat(load).containsEntry(karim.id(), 2L);
        assertThat(calls.get(0).callerId()).as("a neighbour first").isEqualTo(karim.id());
        assertThat(calls.get(4).callerId()).as("Lucie lives in Guéret").isEqualTo(lucie.id());
        assertThat(calls.stream().map(CampaignCall::person).distinct()).hasSize(5);
    }

    @Test
    void whenEveryoneIsFullNobodyIsLeftOut() {
        Caller only = new Caller(CallerKind.STAFF, CLAIRE, null, 1);
        List<CallList.Registered> register = List.of(new CallList.Registered(BeneficiaryId.newId(), SOUTERRAINE),
                new CallList.Registered(BeneficiaryId.newId(), null));
        assertThat(CallList.spread(CampaignId.newId(), register, List.of(only), TODAY)).hasSize(2)
                .allSatisfy(c -> assertThat(c.callerId()).isEqualTo(CLAIRE));
        assertThatThrownBy(() -> CallList.spread(CampaignId.newId(), register, List.of(), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachablePersonIsEscalatedToASecondCallAVisitThenTheirEmergencyContact() {
        Caller karim = new Caller(CallerKind.HELPER, UUID.randomUUID(), SOUTERRAINE, 5);
        CampaignCall first = CampaignCall.planned(CampaignId.newId(), BeneficiaryId.newId(), karim, TODAY, CallStep.CALL);
        List<CampaignCall> steps = new ArrayList<>(List.of(first));
        assertThat(CampaignProgress.state(steps)).isEqualTo(CampaignProgress.State.TO_CALL);

        CampaignCall current = first;
        List<CallStep> seen = new ArrayList<>();
        while (true) {
            CampaignCall done = current.record(CallOutcome.UNREACHABLE, null, TODAY);
            steps.set(steps.size() - 1, done);
            var next = done.escalation(CLAIRE);
            if (next.isEmpty()) {
                break;
            }
            assertThat(CampaignProgress.state(steps)).isEqualTo(CampaignProgress.State.ESCALATING);
            current = next.get();
            assertThat(current.day()).as("the same round").isEqualTo(TODAY);
            seen.add(current.step());
            steps.add(current);
            assertThat(CampaignProgress.state(steps)).isEqualTo(CampaignProgress.State.ESCALATING);
        }
        assertThat(seen).containsExactly(CallStep.SECOND_CALL, CallStep.VISIT, CallStep.EMERGENCY_CONTACT);
        assertThat(steps.get(1).callerId()).isEqualTo(karim.id());
        assertThat(steps.get(3).callerKind()).isEqualTo(CallerKind.STAFF);
        assertThat(steps.get(3).callerId()).as("staff call the emergency contact").isEqualTo(CLAIRE);
        assertThat(CampaignProgress.state(steps)).isEqualTo(CampaignProgress.State.UNREACHABLE);
        assertThat(first.record(CallOutcome.REACHED_FINE, null, TODAY).escalation(CLAIRE)).isEmpty();
    }

    @Test
    void progressCountsEachPersonOnceByTheirLatestStep() {
        Caller karim = new Caller(CallerKind.HELPER, UUID.randomUUID(), SOUTERRAINE, 5);
        CampaignId campaign = CampaignId.newId();
        Function<CallOutcome, List<CampaignCall>> person = outcome -> {
            CampaignCall call = CampaignCall.planned(campaign, BeneficiaryId.newId(), karim, TODAY, CallStep.CALL);
            if (outcome == null) {
                return List.of(call);
            }
            CampaignCall done = call.record(outcome, null, TODAY);
            return done.escalation(CLAIRE).map(next -> List.of(done, next)).orElse(List.of(done));
        };
        List<CampaignCall> calls = new ArrayList<>();
        calls.addAll(person.apply(CallOutcome.REACHED_FINE));
        calls.addAll(person.apply(CallOutcome.REACHED_FINE));
        calls.addAll(person.apply(CallOutcome.NEEDS_HELP));
        calls.addAll(person.apply(CallOutcome.UNREACHABLE));
        calls.addAll(person.apply(null));

        CampaignProgress progress = CampaignProgress.of(calls);

        assertThat(progress).isEqualTo(new CampaignProgress(5, 2, 1, 1, 1, 0));
        assertThat(progress.settled()).isEqualTo(3);
    }

    @Test
    void anOutcomeIsRequiredAndItsNoteShort() {
        CampaignCall call = CampaignCall.planned(CampaignId.newId(), BeneficiaryId.newId(),
                new Caller(CallerKind.STAFF, CLAIRE, null, 1), TODAY, CallStep.CALL);
        assertThat(call.validate()).extracting(p -> p.field()).containsExactly(CampaignCall.OUTCOME);
        assertThat(call.record(CallOutcome.NEEDS_HELP, "x".repeat(501), TODAY).validate())
                .extracting(p -> p.field()).containsExactly(CampaignCall.NOTE);
    }
    @Test
    void aRoundIsDueByTheRhythmOfTheAlertLevelWhileTheAlertLasts() {
        Campaign orange = Campaign.declare(AlertLevel.ORANGE, TODAY, TODAY.plusDays(5), null);
        assertThat(orange.roundDue(TODAY.minusDays(1), null)).as("before the alert").isFalse();
        assertThat(orange.roundDue(TODAY, null)).as("the first day, no round yet").isTrue();
        assertThat(orange.roundDue(TODAY, TODAY)).as("once a day at most").isFalse();
        assertThat(orange.roundDue(TODAY.plusDays(1), TODAY)).as("orange: every 2 days").isFalse();
        assertThat(orange.roundDue(TODAY.plusDays(2), TODAY)).isTrue();
        assertThat(orange.roundDue(TODAY.plusDays(4), TODAY)).as("a round missed is due at once").isTrue();
        assertThat(orange.roundDue(TODAY.plusDays(6), TODAY.plusDays(4))).as("after the alert").isFalse();
        assertThat(orange.roundDue(TODAY, TODAY.plusDays(1))).as("a round dated ahead by a wrong clock").isFalse();

        Campaign red = Campaign.declare(AlertLevel.RED, TODAY, null, null);
        assertThat(red.roundDue(TODAY.plusDays(1), TODAY)).as("red: every day").isTrue();
        assertThat(red.roundDue(TODAY.plusDays(30), TODAY.plusDays(30))).isFalse();
        assertThat(red.close(TODAY.plusDays(1)).roundDue(TODAY.plusDays(1), TODAY)).as("closed").isFalse();
    }

    @Test
    void theNextRoundIsTheLastOnePlusTheRhythmWithinTheAlert() {
        Campaign orange = Campaign.declare(AlertLevel.ORANGE, TODAY.plusDays(1), TODAY.plusDays(4), null);
        assertThat(orange.nextRound(TODAY, null)).as("declared for tomorrow").contains(TODAY.plusDays(1));
        assertThat(orange.nextRound(TODAY.plusDays(1), TODAY.plusDays(1))).contains(TODAY.plusDays(3));
        assertThat(orange.nextRound(TODAY.plusDays(4), TODAY.plusDays(1))).as("late: today").contains(TODAY.plusDays(4));
        assertThat(orange.nextRound(TODAY.plusDays(3), TODAY.plusDays(3))).as("the alert ends first").isEmpty();
    }

    @Test
    void theSameStepOfTheSameRoundHasTheSameIdOnEveryComputer() {
        CampaignId campaign = CampaignId.newId();
        BeneficiaryId jeanne = BeneficiaryId.newId();
        Caller karim = new Caller(CallerKind.HELPER, UUID.randomUUID(), SOUTERRAINE, 5);
        Caller claire = new Caller(CallerKind.STAFF, CLAIRE, null, 5);
        CampaignCall here = CampaignCall.planned(campaign, jeanne, karim, TODAY, CallStep.CALL);
        CampaignCall there = CampaignCall.planned(campaign, jeanne, claire, TODAY, CallStep.CALL);
        assertThat(here.id()).as("whoever calls").isEqualTo(there.id());
        assertThat(CampaignCall.planned(campaign, jeanne, karim, TODAY.plusDays(2), CallStep.CALL).id())
                .as("another round").isNotEqualTo(here.id());
        assertThat(CampaignCall.planned(campaign, BeneficiaryId.newId(), karim, TODAY, CallStep.CALL).id())
                .as("another person").isNotEqualTo(here.id());
        CampaignCall secondHere = here.record(CallOutcome.UNREACHABLE, null, TODAY).escalation(CLAIRE).orElseThrow();
        CampaignCall secondThere = there.record(CallOutcome.UNREACHABLE, "Occupé", TODAY).escalation(CLAIRE).orElseThrow();
        assertThat(secondHere.id()).isEqualTo(secondThere.id()).isNotEqualTo(here.id());
    }
}
