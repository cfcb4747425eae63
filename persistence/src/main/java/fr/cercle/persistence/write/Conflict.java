package fr.cercle.persistence.write;

import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A field that two installations changed at the same time, kept for a person to decide: the value in
 * force (the later one) and the values that lost, each with when and by whom. Values are in their
 * exchange form (texts, numbers, booleans, lists of texts, null).
 *
 * @param label a name for people, such as the person's name, or empty
 */
public record Conflict(String entity, UUID entityId, String label, String field, Value current, List<Value> others) {

    /** One of the values in conflict. */
    public record Value(Object value, ChangeId change, Instant when, StaffId author) {
    }
}
