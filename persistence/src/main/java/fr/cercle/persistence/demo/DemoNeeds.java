package fr.cercle.persistence.demo;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The needs of the demo's people, as a caseworker would record them: one for about one active person in
 * three, of a kind that fits their domain (visits, calls and shopping for the elderly; transport and peer
 * support for a chronic disease; homework help and mentoring for pupils, with a background check), on
 * one or two weekday slots, opened in the last three months.
 */
final class DemoNeeds {

    private static final List<NeedKind> ELDERLY = List.of(NeedKind.VISIT, NeedKind.VISIT, NeedKind.CALL, NeedKind.SHOPPING,
            NeedKind.PAPERWORK);
    private static final List<NeedKind> HEALTH = List.of(NeedKind.TRANSPORT, NeedKind.ACCOMPANIMENT, NeedKind.PEER_SUPPORT);
    private static final List<NeedKind> SCHOOL = List.of(NeedKind.HOMEWORK_HELP, NeedKind.MENTORING);
    private static final List<Frequency> FREQUENCIES = List.of(Frequency.WEEKLY, Frequency.WEEKLY, Frequency.TWICE_A_WEEK,
            Frequency.EVERY_TWO_WEEKS);

    private final DemoRandom random;
    private final LocalDate today;

    DemoNeeds(DemoRandom random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    /** Whether this person gets a need in the demo. */
    boolean has(Beneficiary person) {
        return person.status() == BeneficiaryStatus.ACTIVE && random.chance(0.35);
    }

    Need next(Beneficiary person) {
        List<NeedKind> kinds = person.domains().contains(Domain.SCHOOL) ? SCHOOL
                : person.domains().contains(Domain.HEALTH) && random.chance(0.5) ? HEALTH : ELDERLY;
        NeedKind kind = kinds.get(random.below(kinds.size()));
        TreeSet<WeeklySlot> slots = new TreeSet<>();
        DayPart part = kind == NeedKind.HOMEWORK_HELP || kind == NeedKind.MENTORING ? DayPart.EVENING : DayPart.AFTERNOON;
        slots.add(new WeeklySlot(DayOfWeek.of(1 + random.below(5)), part));
        if (random.chance(0.5)) {
            slots.add(new WeeklySlot(DayOfWeek.of(1 + random.below(6)), random.chance(0.5) ? DayPart.MORNING : part));
        }
        boolean minor = BeneficiaryRules.minorOn(person.birthDate(), today);
        return new Need(new NeedId(random.uuid()), person.id(), kind, FREQUENCIES.get(random.below(FREQUENCIES.size())),
                slots, Set.of(), minor || kind == NeedKind.MENTORING, new TreeSet<>(Set.of("fr")), NeedStatus.OPEN,
                random.daysBefore(today, 2, 90), null, null, null);
    }
}
