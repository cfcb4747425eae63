package fr.cercle.persistence.demo;

import fr.cercle.model.access.Viewer;
import fr.cercle.model.agenda.ContactPlan;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.need.Need;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.contribution.ContributionRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What the demo's helpers did for the people whose need they meet: a contact on most of the days the
 * need's rhythm plans ({@link ContactPlan}) from the day they were matched until yesterday, each
 * recorded on its day by the caseworker (so that a concern's follow-up falls due as it would have),
 * now and then one not reached or with a concern for the referent; one helper in five stopped about
 * two weeks ago, so that late contacts show. Written through {@link ContributionRepository}, journaled
 * like any record.
 */
final class DemoContributions {

    private static final List<String> NOTES = List.of("Bon moment, a parlé de ses petits-enfants.",
            "Promenade jusqu’au marché.", "Courses faites, frigo rempli.", "Devoirs de maths terminés.",
            "Appel rassurant, moral correct.", "A demandé des nouvelles de la voisine.");
    private static final List<String> CONCERNS = List.of("Semble plus fatiguée que d’habitude.",
            "N’a pas pris ses médicaments depuis deux jours.", "Parle de ne plus vouloir aller au collège.",
            "Une facture d’électricité impayée traîne sur la table.");

    private final CercleDatabase db;
    private final Viewer generator;
    private final DemoRandom random;
    private final LocalDate today;

    DemoContributions(CercleDatabase db, Viewer generator, DemoRandom random, LocalDate today) {
        this.db = db;
        this.generator = generator;
        this.random = random;
        this.today = today;
    }

    /** Records the contributions of the need's helper since its matching day; returns how many. */
    int forNeed(Need need, StaffId author) {
        LocalDate until = random.chance(0.2) ? today.minusDays(random.between(10, 20)) : today.minusDays(1);
        ContributionKind kind = ContributionKind.of(need.kind());
        int written = 0;
        for (LocalDate day : ContactPlan.planned(need, need.matchedOn(), until)) {
            if (random.chance(0.1)) {
                continue; // forgotten, or not noted
            }
            boolean contact = !random.chance(0.08);
            int minutes = contact ? Math.max(10, kind.usualMinutes() + 15 * random.between(-2, 2)) : 0;
            Medium medium = kind == ContributionKind.CALL || random.chance(0.9) ? kind.usualMedium() : Medium.PHONE;
            String note = contact && random.chance(0.5) ? NOTES.get(random.below(NOTES.size())) : null;
            String concern = contact && random.chance(0.04) ? CONCERNS.get(random.below(CONCERNS.size())) : null;
            Contribution contribution = new Contribution(new ContributionId(random.uuid()), need.beneficiary(),
                    need.helper(), need.id(), day, minutes, kind, medium, contact, note, concern);
            // Recorded on its day: a concern's follow-up falls due three days after, as it would have.
            Clock thatDay = Clock.fixed(day.atTime(18, 0).atZone(db.clock().getZone()).toInstant(), db.clock().getZone());
            new ContributionRepository(db.dsl(), db.writer(), thatDay, generator).record(contribution, author);
            written++;
        }
        return written;
    }
}
