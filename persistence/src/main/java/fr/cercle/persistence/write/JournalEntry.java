package fr.cercle.persistence.write;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.time.Hlc;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the change journal: which record of which entity changed, how, the changed fields
 * with their new values (JSON-compatible Java values: strings, numbers, booleans, lists, null), when
 * on the hybrid logical clock, on which device and by whom.
 */
public record JournalEntry(
        long seq,
        String entity,
        UUID entityId,
        Operation operation,
        Map<String, Object> fields,
        Hlc hlc,
        DeviceId device,
        StaffId author,
        Instant recordedAt) {
}
