package fr.cercle.persistence.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.sync.FieldState;
import fr.cercle.model.sync.Version;
import fr.cercle.model.time.HybridLogicalClock;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The local writes of one transaction. Each save or delete changes the row and appends its journal
 * entry together, with the version of each changed field and the versions it replaces (its base);
 * if anything fails, the transaction rolls back all of it. Obtained from {@link ChangeWriter} only.
 */
public final class WriteTransaction {

    private final DSLContext dsl;
    private final StaffId author;
    private final DeviceId device;
    private final HybridLogicalClock clock;
    private final OffsetDateTime now;
    private final VersionStore store;
    private final ActivityTotals totals;

    WriteTransaction(DSLContext dsl, StaffId author, DeviceId device, HybridLogicalClock clock, OffsetDateTime now,
                     ActivityTotals totals) {
        this.dsl = dsl;
        this.author = author;
        this.device = device;
        this.clock = clock;
        this.now = now;
        this.store = new VersionStore(dsl);
        this.totals = totals;
    }

    /** Reads inside this transaction (they see its own writes). */
    public DSLContext read() {
        return dsl;
    }

    /**
     * Creates the record, or changes the fields that differ from the stored ones. Journals exactly
     * what changed; saving an unchanged record writes nothing and journals nothing. A field in
     * conflict keeps its conflict: only {@link #decide} settles one.
     */
    public <R extends Record> Change save(Values<R> values, UUID id) {
        EntityTable<R> table = values.table();
        R current = dsl.selectFrom(table.table()).where(table.id().eq(id)).forUpdate().fetchOne();
        if (current != null && table.isAppendOnly()) {
            // Refused whatever the values: a record of the audit trail is never changed.
            throw new IllegalStateException(table.entity() + " " + id + " is never changed once recorded");
        }
        Map<Field<?>, Object> wanted = values.complete();
        if (current == null) {
            if (store.isDeleted(table.entity(), id)) {
                throw new IllegalStateException(table.entity() + " " + id + " was deleted and cannot be written again");
            }
            return insert(table, id, wanted);
        }
        Map<Field<?>, Object> changed = new LinkedHashMap<>();
        wanted.forEach((field, value) -> {
            if (!Objects.equals(current.get(field), value)) {
                changed.put(field, value);
            }
        });
        if (changed.isEmpty()) {
            return Change.NONE;
        }
        Map<String, Version> versions = store.versions(table.entity(), id);
        Map<String, Set<ChangeId>> base = new LinkedHashMap<>();
        changed.keySet().forEach(field -> {
            Version seen = versions.get(EntityTable.journalName(field));
            base.put(EntityTable.journalName(field), seen == null ? Set.of() : Set.of(seen.change()));
        });
        return update(table, id, changed, versions, base);
    }

    /** A record to create with {@link #createAll}: its full state and its id. */
    public record Creation<R extends Record>(Values<R> values, UUID id) {
        public Creation {
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Creates many records of one table that do not exist yet, for a bulk import. Writes exactly what
     * {@link #save} writes for each of them as a new record, in the order given (rows with their audit
     * columns, one {@code CREATE} journal entry each with the next sequence numbers of this device,
     * the device's counter), but in JDBC batches: a few statements per thousand records instead of
     * about seven per record. Refused before anything is written, with {@link IllegalStateException},
     * if an id is given twice, is already stored, or was deleted (a record is never written again
     * after its deletion); {@link #save} is the way to change a record.
     */
    public <R extends Record> List<Change> createAll(List<Creation<R>> creations) {
        if (creations.isEmpty()) {
            return List.of();
        }
        EntityTable<R> table = creations.get(0).values().table();
        List<Map<Field<?>, Object>> wanted = new ArrayList<>(creations.size());
        Set<UUID> ids = new LinkedHashSet<>();
        for (Creation<R> creation : creations) {
            if (creation.values().table() != table) {
                throw new IllegalArgumentException("createAll writes one table at a time: " + table.entity() + " and "
                        + creation.values().table().entity());
            }
            if (!ids.add(creation.id())) {
                throw new IllegalStateException(table.entity() + " " + creation.id() + " is given twice");
            }
            wanted.add(creation.values().complete());
        }
        List<UUID> stored = new ArrayList<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += LOOKUP) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP));
            stored.addAll(dsl.select(table.id()).from(table.table()).where(table.id().in(chunk)).fetch(table.id()));
        }
        if (!stored.isEmpty()) {
            throw new IllegalStateException(table.entity() + " " + stored.get(0) + " exists already: createAll only creates");
        }
        Set<UUID> deleted = store.deletedIds(table.entity(), ids);
        if (!deleted.isEmpty()) {
            throw new IllegalStateException(table.entity() + " " + deleted.iterator().next()
                    + " was deleted and cannot be written again");
        }

        List<Field<?>> columns = new ArrayList<>();
        columns.add(table.id());
        columns.addAll(table.dataFields());
        columns.add(table.createdAt());
        columns.add(table.createdBy());
        columns.add(table.updatedAt());
        columns.add(table.updatedBy());
        List<Object[]> rows = new ArrayList<>(creations.size());
        List<VersionStore.NewEntry> entries = new ArrayList<>(creations.size());
        List<Change> changes = new ArrayList<>(creations.size());
        long seq = store.lastSeq(device);
        for (int i = 0; i < creations.size(); i++) {
            UUID id = creations.get(i).id();
            Map<Field<?>, Object> values = wanted.get(i);
            Object[] row = new Object[columns.size()];
            int c = 0;
            row[c++] = id;
            for (Field<?> field : table.dataFields()) {
                row[c++] = values.get(field);
            }
            row[c++] = now;
            row[c++] = author.value();
            row[c++] = now;
            row[c] = author.value();
            rows.add(row);
            // The fields' versions are the creation's, implied by its journal entry, as for save.
            Version version = new Version(new ChangeId(device, ++seq), clock.now());
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>(values.size());
            values.forEach((field, value) -> {
                String name = EntityTable.journalName(field);
                names.add(name);
                JsonValues.put(json, name, value, table.isJsonArray(field));
            });
            entries.add(new VersionStore.NewEntry(id, json.toString(), version));
            changes.add(new Change(Operation.CREATE, List.copyOf(names)));
        }
        BulkInsert.rows(dsl, table.table(), columns, rows);
        totals.noteRows(table, columns, rows);
        store.journalCreations(table.entity(), entries, author, now);
        return changes;
    }

    /** Ids asked at once when {@link #createAll} checks which exist. */
    private static final int LOOKUP = 1_000;

    /**
     * A person's decision on a field in conflict: the field takes this value, and the decision names
     * every value that was in front of them (the current one and the losing ones), so that every
     * replica ends the conflict when it receives it.
     */
    public <R extends Record> Change decide(EntityTable<R> table, UUID id, Field<?> field, Object value) {
        String name = EntityTable.journalName(field);
        R current = dsl.selectFrom(table.table()).where(table.id().eq(id)).forUpdate().fetchOne();
        if (current != null && table.isAppendOnly()) {
            throw new IllegalStateException(table.entity() + " " + id + " is never changed once recorded");
        }
        if (current == null) {
            throw new IllegalStateException(table.entity() + " " + id + " does not exist here");
        }
        Map<String, Version> versions = store.versions(table.entity(), id);
        FieldState state = VersionStore.state(versions.get(name),
                store.losers(table.entity(), id).getOrDefault(name, List.of()));
        Set<ChangeId> seen = state == null ? Set.of() : state.live();
        if (state != null) {
            state.losers().forEach(loser -> store.removeLoser(table.entity(), id, name, loser.change()));
        }
        Map<Field<?>, Object> changed = new LinkedHashMap<>();
        changed.put(field, value);
        return update(table, id, changed, versions, Map.of(name, seen));
    }

    /** Deletes the record and journals a tombstone. Deleting a record that does not exist does nothing. */
    public <R extends Record> Change delete(EntityTable<R> table, UUID id) {
        if (table.isAppendOnly()) {
            throw new IllegalStateException(table.entity() + " " + id + " is never deleted");
        }
        totals.note(table, id);
        int deleted = dsl.deleteFrom(table.table()).where(table.id().eq(id)).execute();
        if (deleted == 0) {
            return Change.NONE;
        }
        Version version = nextVersion();
        store.bury(table.entity(), id, version);
        store.journal(table.entity(), id, Operation.DELETE, JsonNodeFactory.instance.objectNode(), Map.of(), version,
                author, now);
        return new Change(Operation.DELETE, List.of());
    }

    private <R extends Record> Change insert(EntityTable<R> table, UUID id, Map<Field<?>, Object> wanted) {
        R record = dsl.newRecord(table.table());
        record.set(table.id(), id);
        wanted.forEach((field, value) -> setUnchecked(record, field, value));
        record.set(table.createdAt(), now);
        record.set(table.createdBy(), author.value());
        record.set(table.updatedAt(), now);
        record.set(table.updatedBy(), author.value());
        dsl.insertInto(table.table()).set(record).execute();
        totals.note(table, id);
        // The fields' versions are the creation's, implied by its journal entry (VersionStore#versions).
        return journal(table, id, Operation.CREATE, wanted, Map.of(), nextVersion());
    }

    private <R extends Record> Change update(EntityTable<R> table, UUID id, Map<Field<?>, Object> changed,
                                             Map<String, Version> versions, Map<String, Set<ChangeId>> base) {
        Map<Field<?>, Object> assignments = new LinkedHashMap<>(changed);
        assignments.put(table.updatedAt(), now);
        assignments.put(table.updatedBy(), author.value());
        totals.note(table, id);
        dsl.update(table.table()).set(assignments).where(table.id().eq(id)).execute();
        totals.note(table, id);
        Version version = nextVersion();
        changed.keySet().forEach(field -> versions.put(EntityTable.journalName(field), version));
        store.putVersions(table.entity(), id, versions);
        return journal(table, id, Operation.UPDATE, changed, base, version);
    }

    /** The next change of this device: its sequence number continues the journal's, with no gap. */
    private Version nextVersion() {
        return new Version(new ChangeId(device, store.lastSeq(device) + 1), clock.now());
    }

    @SuppressWarnings("unchecked")
    private static <T> void setUnchecked(Record record, Field<T> field, Object value) {
        record.set(field, (T) value);
    }

    private Change journal(EntityTable<?> table, UUID id, Operation operation, Map<Field<?>, Object> fields,
                           Map<String, Set<ChangeId>> base, Version version) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        List<String> names = new ArrayList<>(fields.size());
        fields.forEach((field, value) -> {
            String name = EntityTable.journalName(field);
            names.add(name);
            JsonValues.put(json, name, value, table.isJsonArray(field));
        });
        Map<String, Set<ChangeId>> nonEmpty = new LinkedHashMap<>();
        base.forEach((field, ids) -> {
            if (!ids.isEmpty()) {
                nonEmpty.put(field, new LinkedHashSet<>(ids));
            }
        });
        store.journal(table.entity(), id, operation, json, nonEmpty, version, author, now);
        return new Change(operation, List.copyOf(names));
    }
}
