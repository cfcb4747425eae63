package fr.cercle.persistence.write;

import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.sync.Version;
import fr.cercle.model.time.Hlc;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A change made on another installation, as received (from a bundle): the same content as a
 * journal entry. Field values are JSON-compatible Java values (strings, numbers, booleans, lists of
 * strings, null).
 */
public record IncomingChange(
        String entity,
        UUID entityId,
        Operation operation,
        ChangeId change,
        Hlc hlc,
        StaffId author,
        Map<String, Object> fields,
        Map<String, Set<ChangeId>> base) {

    public IncomingChange {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(hlc, "hlc");
        Objects.requireNonNull(author, "author");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        base = Map.copyOf(base);
    }

    public Version version() {
        return new Version(change, hlc);
    }

    /** The same change, its record erased: a deletion that keeps only its place, clock and author. */
    public IncomingChange erased() {
        return new IncomingChange(entity, entityId, Operation.DELETE, change, hlc, author, Map.of(), Map.of());
    }

    /** A journal entry as the change it is, to send it elsewhere. */
    public static IncomingChange of(JournalEntry entry) {
        return new IncomingChange(entry.entity(), entry.entityId(), entry.operation(), entry.change(), entry.hlc(),
                entry.author(), entry.fields(), entry.base());
    }
}
