package fr.cercle.model.audit;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of the audit trail: when, who (the staff member the account acted as), what, on which
 * record, from which installation. Only ids: no name, no content.
 *
 * @param entity the kind of record, as the exchange format names it ({@code beneficiary}, {@code helper}…),
 *               or {@link #LIST} for the export of a list
 * @param list   for the export of a list, what it took out (then {@code record} is the event's own id)
 */
public record AuditEntry(Instant at, StaffId who, AuditAction action, String entity, UUID record, DeviceId device,
                         Optional<ExportedList> list) {

    /** The "kind of record" of a list's export: it is about many records, none named. */
    public static final String LIST = "list";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(list, "list");
    }

    /** A line about one record. */
    public AuditEntry(Instant at, StaffId who, AuditAction action, String entity, UUID record, DeviceId device) {
        this(at, who, action, entity, record, device, Optional.empty());
    }
}
