package fr.cercle.model.heatwave;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.InseeCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the register into a round of calls spread over the people available: each registered person
 * gets one call, given to a caller of their own commune when one has room, otherwise to the caller
 * with the fewest calls so far; nobody is given more than their capacity while someone else has room.
 * When everybody is full the remaining people still get a caller, the least loaded, so that nobody is
 * left out of the round.
 */
public final class CallList {

    private CallList() {
    }

    /** A person of the register, with the commune they live in. */
    public record Registered(BeneficiaryId person, InseeCode commune) {
        public Registered {
            Objects.requireNonNull(person, "person");
        }
    }

    public static List<CampaignCall> spread(CampaignId campaign, List<Registered> register, List<Caller> callers,
                                            LocalDate day) {
        if (callers.isEmpty()) {
            throw new IllegalArgumentException("Nobody to call the register");
        }
        Map<Caller, Integer> load = new HashMap<>();
        callers.forEach(c -> load.put(c, 0));
        Comparator<Caller> leastLoaded = Comparator.<Caller>comparingInt(load::get)
                .thenComparing(c -> c.id().toString());
        List<CampaignCall> calls = new ArrayList<>();
        for (Registered person : register) {
            Caller chosen = callers.stream()
                    .filter(c -> load.get(c) < c.capacity())
                    .filter(c -> person.commune() != null && person.commune().equals(c.commune()))
                    .min(leastLoaded)
                    .or(() -> callers.stream().filter(c -> load.get(c) < c.capacity()).min(leastLoaded))
                    .orElseGet(() -> callers.stream().min(leastLoaded).orElseThrow());
            load.merge(chosen, 1, Integer::sum);
            calls.add(CampaignCall.planned(campaign, person.person(), chosen, day, CallStep.CALL));
        }
        return calls;
    }
}
