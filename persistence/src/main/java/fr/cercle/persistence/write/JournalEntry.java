package fr.cercle.persistence.write;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.sync.Version;
import fr.cercle.model.time.Hlc;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One entry of the change journal: which record of which entity changed, how, the changed fields
 * with their new values (JSON-compatible Java values: strings, numbers, booleans, lists, null), the
 * versions each field's author had in front of them (the base), when on the hybrid logical clock,
 * which change it is (device and its sequence number there) and by whom. {@code seq} is the local
 * order of entries in this database.
 */
public record JournalEntry(
        long seq,
        String entity,
        UUID entityId,
        Operation operation,
        Map<String, Object> fields,
        Map<String, Set<ChangeId>> base,
        Hlc hlc,
        ChangeId change,
        StaffId author,
        Instant recordedAt) {

    public DeviceId device() {
        return change.device();
    }

    public Version version() {
        return new Version(change, hlc);
    }
}
