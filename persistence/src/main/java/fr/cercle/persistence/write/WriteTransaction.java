package fr.cercle.persistence.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.time.HybridLogicalClock;
import fr.cercle.persistence.jooq.tables.records.ChangeJournalRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;

/**
 * The writes of one transaction. Each save or delete changes the row and appends its journal entry
 * together; if anything fails, the transaction rolls back both. Obtained from {@link ChangeWriter} only.
 */
public final class WriteTransaction {

    private final DSLContext dsl;
    private final StaffId author;
    private final DeviceId device;
    private final HybridLogicalClock clock;
    private final OffsetDateTime now;

    WriteTransaction(DSLContext dsl, StaffId author, DeviceId device, HybridLogicalClock clock, OffsetDateTime now) {
        this.dsl = dsl;
        this.author = author;
        this.device = device;
        this.clock = clock;
        this.now = now;
    }

    /** Reads inside this transaction (they see its own writes). */
    public DSLContext read() {
        return dsl;
    }

    /**
     * Creates the record, or changes the fields that differ from the stored ones. Journals exactly
     * what changed; saving an unchanged record writes nothing and journals nothing.
     */
    public <R extends Record> Change save(Values<R> values, UUID id) {
        EntityTable<R> table = values.table();
        Map<Field<?>, Object> wanted = values.complete();
        R current = dsl.selectFrom(table.table()).where(table.id().eq(id)).forUpdate().fetchOne();
        if (current == null) {
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
        Map<Field<?>, Object> assignments = new LinkedHashMap<>(changed);
        assignments.put(table.updatedAt(), now);
        assignments.put(table.updatedBy(), author.value());
        dsl.update(table.table()).set(assignments).where(table.id().eq(id)).execute();
        return journal(table, id, Operation.UPDATE, changed);
    }

    /** Deletes the record and journals a tombstone. Deleting a record that does not exist does nothing. */
    public <R extends Record> Change delete(EntityTable<R> table, UUID id) {
        int deleted = dsl.deleteFrom(table.table()).where(table.id().eq(id)).execute();
        return deleted == 0 ? Change.NONE : journal(table, id, Operation.DELETE, Map.of());
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
        return journal(table, id, Operation.CREATE, wanted);
    }

    @SuppressWarnings("unchecked")
    private static <T> void setUnchecked(Record record, Field<T> field, Object value) {
        record.set(field, (T) value);
    }

    private Change journal(EntityTable<?> table, UUID id, Operation operation, Map<Field<?>, Object> fields) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        List<String> names = new ArrayList<>(fields.size());
        fields.forEach((field, value) -> {
            String name = EntityTable.journalName(field);
            names.add(name);
            JsonValues.put(json, name, value, table.isJsonArray(field));
        });
        ChangeJournalRecord entry = dsl.newRecord(CHANGE_JOURNAL);
        entry.setEntity(table.entity());
        entry.setEntityId(id);
        entry.setOperation(operation.name());
        entry.setFields(json.toString());
        entry.setHlc(clock.now().pack());
        entry.setDeviceId(device.value());
        entry.setAuthorId(author.value());
        entry.setRecordedAt(now);
        dsl.insertInto(CHANGE_JOURNAL).set(entry).execute();
        return new Change(operation, List.copyOf(names));
    }
}
