package fr.cercle.model.helper;

import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Sets;

import java.util.Set;

/** One line of the helpers list. */
public record HelperSummary(
        HelperId id,
        String firstName,
        String lastName,
        InseeCode commune,
        String communeName,
        String postalCode,
        Set<Skill> skills,
        int maxCommitments,
        BackgroundCheckStatus backgroundCheck,
        HelperStatus status) {

    public HelperSummary {
        skills = Sets.enums(Skill.class, skills);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
