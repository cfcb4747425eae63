package fr.cercle.persistence.demo;

import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team of the demo structure: a coordinator who covers every domain (first, so she is the author
 * of the demo's writes and the current user of a demo installation), three social workers for the
 * elderly, a nurse coordinator and a school counselor (CPE). Referents of files are drawn among the
 * specialists of the file's main domain; the coordinator keeps a small caseload of her own.
 */
final class DemoStaff {

    static final String CCAS = "CCAS du Pays Sostranien";
    private static final String SCHOOL = "Lycée du Pays Sostranien";
    /** Share of files whose referent is the coordinator rather than a specialist. */
    private static final double COORDINATOR_CASELOAD = 0.04;

    private final List<StaffMember> members;
    private final Map<Domain, List<StaffMember>> specialists = new EnumMap<>(Domain.class);

    DemoStaff(DemoRandom random) {
        members = List.of(
                member(random, "Nathalie", "Dubreuil", CCAS, Set.of(Domain.ELDERLY, Domain.HEALTH, Domain.SCHOOL)),
                member(random, "Sophie", "Lagrange", CCAS, Set.of(Domain.ELDERLY)),
                member(random, "Julien", "Mazeau", CCAS, Set.of(Domain.ELDERLY)),
                member(random, "Céline", "Tixier", CCAS, Set.of(Domain.ELDERLY)),
                member(random, "Élodie", "Peyrat", CCAS, Set.of(Domain.HEALTH)),
                member(random, "Yasmine", "Belkacem", SCHOOL, Set.of(Domain.SCHOOL)));
        for (Domain domain : Domain.values()) {
            specialists.put(domain, members.subList(1, members.size()).stream()
                    .filter(m -> m.domains().contains(domain))
                    .toList());
        }
    }

    private static StaffMember member(DemoRandom random, String first, String last, String structure, Set<Domain> domains) {
        return new StaffMember(new StaffId(random.uuid()), first, last, structure, domains, true);
    }

    List<StaffMember> members() {
        return members;
    }

    /** The coordinator: author of the demo's writes. */
    StaffMember author() {
        return members.get(0);
    }

    /** A referent for a file followed mainly in this domain: a specialist of it, now and then the coordinator. */
    StaffId referentFor(Domain domain, DemoRandom random) {
        List<StaffMember> candidates = specialists.get(domain);
        if (candidates.isEmpty() || random.chance(COORDINATOR_CASELOAD)) {
            return author().id();
        }
        return random.pick(candidates).id();
    }
}
