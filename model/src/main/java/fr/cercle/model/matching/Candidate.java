package fr.cercle.model.matching;

import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;

import java.util.Set;
import java.util.SortedSet;

/**
 * A helper proposed for a need, with the reasons shown to the caseworker: the required skills the
 * helper covers and lacks, how close they live, the time slots both share, their current commitments
 * against their maximum, and the languages they share with the person.
 */
public record Candidate(
        Helper helper,
        Set<Skill> covered,
        Set<Skill> missing,
        Commune.Proximity proximity,
        SortedSet<WeeklySlot> commonSlots,
        int commitments,
        int maxCommitments,
        SortedSet<String> commonLanguages) {

    public boolean coversEverySkill() {
        return missing.isEmpty();
    }
}
