package fr.cercle.model.heatwave;

import fr.cercle.model.beneficiary.BeneficiaryId;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a campaign stands, person by person, from the latest step of each: reached and fine, reached
 * and needing help, being escalated (unreachable, a further step to do), still to call, or
 * unreachable even by their emergency contact.
 */
public record CampaignProgress(int people, int fine, int needHelp, int escalating, int toCall, int unreachable) {

    /** Where one person stands. */
    public enum State {
        FINE,
        NEEDS_HELP,
        ESCALATING,
        TO_CALL,
        UNREACHABLE
    }

    /** The state of one person from their steps: the latest step decides. */
    public static State state(Collection<CampaignCall> steps) {
        CampaignCall latest = steps.stream()
                .max(Comparator.comparing(CampaignCall::day).thenComparing(CampaignCall::step)).orElseThrow();
        if (!latest.done()) {
            return latest.step() == CallStep.CALL ? State.TO_CALL : State.ESCALATING;
        }
        return switch (latest.outcome()) {
            case REACHED_FINE -> State.FINE;
            case NEEDS_HELP -> State.NEEDS_HELP;
            case UNREACHABLE -> latest.step().escalation().isPresent() ? State.ESCALATING : State.UNREACHABLE;
        };
    }

    /** The states of every person of a round, by person. */
    public static Map<BeneficiaryId, State> states(Collection<CampaignCall> calls) {
        Map<BeneficiaryId, java.util.List<CampaignCall>> byPerson = new LinkedHashMap<>();
        calls.forEach(c -> byPerson.computeIfAbsent(c.person(), p -> new java.util.ArrayList<>()).add(c));
        Map<BeneficiaryId, State> states = new LinkedHashMap<>();
        byPerson.forEach((person, steps) -> states.put(person, state(steps)));
        return states;
    }

    public static CampaignProgress of(Collection<CampaignCall> calls) {
        Map<BeneficiaryId, State> states = states(calls);
        int[] counts = new int[State.values().length];
        states.values().forEach(s -> counts[s.ordinal()]++);
        return new CampaignProgress(states.size(), counts[State.FINE.ordinal()], counts[State.NEEDS_HELP.ordinal()],
                counts[State.ESCALATING.ordinal()], counts[State.TO_CALL.ordinal()], counts[State.UNREACHABLE.ordinal()]);
    }

    /** People whose round is over: reached (fine or needing help) or unreachable after every step. */
    public int settled() {
        return fine + needHelp + unreachable;
    }
}
