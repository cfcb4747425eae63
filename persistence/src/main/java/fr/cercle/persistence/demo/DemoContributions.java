package fr.cercle.persistence.demo;

import fr.cercle.model.agenda.ContactPlan;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.need.Need;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo's helpers did for their people, as caseworkers would have noted it: on most of the
 * days their need's rhythm plans since it was matched, a contact (a few not reached, a few with a
 * concern that opened a follow-up); some helpers let the last contacts slip, so that late ones show.
 */
final class DemoContributions {

    private static final List<String> NOTES = List.of("Bon moral", "A parlé de sa famille", "Promenade courte",
            "Courses faites", "Rendez-vous tenu", "Fatigue passagère", "Devoirs terminés", "Papiers remplis");
    private static final List<String> CONCERNS = List.of("Semble avoir perdu du poids.",
            "Ne répond plus au téléphone le soir.", "Parle de se sentir très seule.",
            "Chute sans gravité dans la cuisine.", "Ne prend plus ses médicaments régulièrement.");

    private final DemoRandom random;
    private final LocalDate today;

    DemoContributions(DemoRandom random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    /** The contributions for a matched need, from its matching day to yesterday, oldest first. */
    List<Contribution> of(Need need) {
        List<Contribution> done = new ArrayList<>();
        // One helper in five stopped about two weeks ago: their person shows a late contact.
        LocalDate until = random.chance(0.2) ? today.minusDays(random.between(10, 20)) : today.minusDays(1);
        ContributionKind kind = ContributionKind.of(need.kind());
        for (LocalDate day : ContactPlan.planned(need, need.matchedOn(), until)) {
            if (random.chance(0.1)) {
                continue; // forgotten, or not noted
            }
            boolean reached = !random.chance(0.08);
            Medium medium = kind == ContributionKind.CALL || random.chance(0.9) ? kind.usualMedium() : Medium.PHONE;
            int minutes = reached ? Math.max(10, kind.usualMinutes() + 15 * random.between(-2, 2)) : 0;
            String note = reached && random.chance(0.4) ? NOTES.get(random.below(NOTES.size())) : null;
            String concern = reached && random.chance(0.04) ? CONCERNS.get(random.below(CONCERNS.size())) : null;
            done.add(new Contribution(new ContributionId(random.uuid()), need.beneficiary(), need.helper(), need.id(),
                    day, minutes, kind, medium, reached, note, concern));
        }
        return done;
    }
}
