package fr.cercle.model.audit;

import fr.cercle.model.staff.StaffId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A search of the audit trail: about some records (a person may have been found under several),
 * by one staff member, within a period (both days included). Empty criteria do not restrict.
 *
 * @param limit the most lines returned, newest first
 */
public record AuditQuery(Optional<Set<UUID>> records, Optional<StaffId> who, Optional<LocalDate> from,
                         Optional<LocalDate> to, int limit) {

    public static final int DEFAULT_LIMIT = 500;

    public AuditQuery {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        records = records.map(Set::copyOf);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** Everything, newest first, up to the default limit. */
    public static AuditQuery everything() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public AuditQuery about(Set<UUID> ids) {
        return new AuditQuery(Optional.of(ids), who, from, to, limit);
    }

    public AuditQuery by(StaffId member) {
        return new AuditQuery(records, Optional.ofNullable(member), from, to, limit);
    }

    public AuditQuery between(LocalDate first, LocalDate last) {
        return new AuditQuery(records, who, Optional.ofNullable(first), Optional.ofNullable(last), limit);
    }
}
