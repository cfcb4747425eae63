package fr.cercle.persistence.rights;

import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.beneficiary.Beneficiary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything Cercle holds about one person, as their right of access (GDPR article 15) asks: their
 * file as it is, every change made to it (when, by whom, what), and who opened, exported or changed
 * it. Names are put back for the people who acted; the record ids stay too, to quote.
 *
 * @param structure   the structure that holds the data (the controller's service)
 * @param referent    the referent's name, if the file has one known here
 * @param exportedBy  the name of the staff member who made the export
 * @param staffNames  the names of the staff members the history names by id (a change of referent)
 */
public record AccessReport(Beneficiary person, String structure, String referent, Instant exportedAt, String exportedBy,
                           List<Change> history, List<Access> accesses, Map<UUID, String> staffNames,
                           List<fr.cercle.model.need.Need> needs,
                           List<fr.cercle.model.contribution.Contribution> contributions,
                           List<fr.cercle.model.contribution.FollowUp> followUps,
                           Profiles profiles) {

    /**
     * The domain profiles of the file that the viewer who made the report sees (a coordinator entitled
     * to every domain sees them all); each null when there is none.
     */
    public record Profiles(fr.cercle.model.profile.ElderlyProfile elderly, fr.cercle.model.profile.HealthProfile health,
                           fr.cercle.model.profile.SchoolProfile school) {
        public static final Profiles NONE = new Profiles(null, null, null);
    }

    public AccessReport {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(exportedAt, "exportedAt");
        history = List.copyOf(history);
        accesses = List.copyOf(accesses);
        staffNames = Map.copyOf(staffNames);
        needs = needs == null ? List.of() : List.copyOf(needs);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        profiles = profiles == null ? Profiles.NONE : profiles;
    }

    /** A report without domain profiles. */
    public AccessReport(Beneficiary person, String structure, String referent, Instant exportedAt, String exportedBy,
                        List<Change> history, List<Access> accesses, Map<UUID, String> staffNames,
                        List<fr.cercle.model.need.Need> needs, List<fr.cercle.model.contribution.Contribution> contributions,
                        List<fr.cercle.model.contribution.FollowUp> followUps) {
        this(person, structure, referent, exportedAt, exportedBy, history, accesses, staffNames, needs, contributions,
                followUps, Profiles.NONE);
    }

    /** A report without needs. */
    public AccessReport(Beneficiary person, String structure, String referent, Instant exportedAt, String exportedBy,
                        List<Change> history, List<Access> accesses, Map<UUID, String> staffNames) {
        this(person, structure, referent, exportedAt, exportedBy, history, accesses, staffNames, List.of(), List.of(), List.of(),
                Profiles.NONE);
    }

    /**
     * One change to the file: {@code fields} holds the new values in the exchange format's names
     * (docs/exchange-format.md, section 6); a deletion has none.
     */
    public record Change(Instant at, String author, String operation, Map<String, Object> fields) {
    }

    /** Someone opened, created, changed, exported or erased the file. */
    public record Access(Instant at, String who, AuditAction action) {
    }
}
