package fr.cercle.model.access;

import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may read and write what: the rules the repositories enforce where data are read and written
 * (not only screens). Pure functions of a {@link Viewer} and what a record says about itself.
 *
 * <ul>
 *   <li>A person's file: a coordinator reads and writes every file of the structure; a caseworker
 *       only the files they are referent of, in their domains; an administrator or an evaluator none
 *       (unless also one of the former).</li>
 *   <li>Within a file, the health, school and autonomy parts only for viewers entitled to that domain.</li>
 *   <li>Helpers: caseworkers and coordinators. Staff names: every account. Accounts: administrators.
 *       The audit trail: coordinators and administrators. Indicators: evaluators, coordinators and
 *       administrators.</li>
 * </ul>
 */
public final class NeedToKnow {

    private NeedToKnow() {
    }

    /** Whether the viewer may see this file at all. */
    public static boolean canRead(Viewer viewer, StaffId referent, Set<Domain> domains) {
        if (viewer.has(Role.COORDINATOR)) {
            return true;
        }
        return viewer.has(Role.CASEWORKER) && referent != null && viewer.is(referent) && shares(viewer, domains);
    }

    /**
     * Whether the viewer may create or change this file, as it is and as it will be: a caseworker
     * cannot hand a file to someone else's caseload, nor take one outside their domains.
     */
    public static boolean canWrite(Viewer viewer, StaffId referentBefore, Set<Domain> domainsBefore,
                                   StaffId referentAfter, Set<Domain> domainsAfter) {
        boolean before = referentBefore == null && domainsBefore.isEmpty()
                || canRead(viewer, referentBefore, domainsBefore);
        return before && canRead(viewer, referentAfter, domainsAfter);
    }

    /**
     * Whether the viewer may erase this file for good (the right to erasure): a decision of the
     * structure, taken by a coordinator, not by the caseworker who follows the person.
     */
    public static boolean canErase(Viewer viewer, StaffId referent, Set<Domain> domains) {
        return viewer.has(Role.COORDINATOR) && canRead(viewer, referent, domains);
    }

    /** The parts of a readable file this viewer sees. */
    public static Set<Part> visibleParts(Viewer viewer) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (Part part : Part.values()) {
            if (part.requires().map(viewer.domains()::contains).orElse(true)) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Reading, or writing, the records and functions other than people's files. */
    public static boolean canRead(Viewer viewer, Subject subject) {
        return switch (subject) {
            case BENEFICIARY, HELPER -> viewer.has(Role.CASEWORKER) || viewer.has(Role.COORDINATOR);
            case STAFF -> !viewer.roles().isEmpty();
            case ACCOUNTS -> viewer.has(Role.ADMINISTRATOR);
            case AUDIT -> viewer.has(Role.COORDINATOR) || viewer.has(Role.ADMINISTRATOR);
            case INDICATORS -> viewer.has(Role.EVALUATOR) || viewer.has(Role.COORDINATOR)
                    || viewer.has(Role.ADMINISTRATOR);
        };
    }

    public static boolean canWrite(Viewer viewer, Subject subject) {
        return switch (subject) {
            case BENEFICIARY, HELPER -> viewer.has(Role.CASEWORKER) || viewer.has(Role.COORDINATOR);
            case STAFF, ACCOUNTS -> viewer.has(Role.ADMINISTRATOR);
            case AUDIT, INDICATORS -> false; // the audit trail is append-only; indicators are computed
        };
    }

    private static boolean shares(Viewer viewer, Set<Domain> domains) {
        for (Domain domain : domains) {
            if (viewer.domains().contains(domain)) {
                return true;
            }
        }
        return false;
    }
}
