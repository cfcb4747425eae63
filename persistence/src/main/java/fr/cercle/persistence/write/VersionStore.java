package fr.cercle.persistence.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.sync.FieldMerge;
import fr.cercle.model.sync.FieldState;
import fr.cercle.model.sync.Version;
import fr.cercle.model.time.Hlc;
import fr.cercle.persistence.jooq.tables.records.ChangeJournalRecord;
import fr.cercle.persistence.jooq.tables.records.ConflictValueRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.CONFLICT_VALUE;
import static fr.cercle.persistence.jooq.Tables.FORGOTTEN_RECORD;
import static fr.cercle.persistence.jooq.Tables.HELD_CHANGE;
import static fr.cercle.persistence.jooq.Tables.JOURNAL_DEVICE;
import static fr.cercle.persistence.jooq.Tables.RECORD_VERSION;
import static fr.cercle.persistence.jooq.Tables.REPLACED_VERSION;
import static fr.cercle.persistence.jooq.Tables.TOMBSTONE;

/**
 * The merge bookkeeping of the write path, inside one transaction: the version of each field's
 * value, the losing values of guarded fields, the versions replaced before they arrived, the
 * tombstones, and the journal entries themselves.
 */
final class VersionStore {

    private final DSLContext dsl;
    /** For the tables {@link #knownIds} asks: whether they may have rows, as far as this store knows. */
    private final Map<Table<?>, Boolean> nonEmpty = new java.util.HashMap<>();

    VersionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The version of each field's current value of one record. A record that has changed only by its
     * creation has no stored versions: every field its creation carried is at the creation's version,
     * read from the journal. That spares a row per record on a first sync of many records.
     */
    Map<String, Version> versions(String entity, UUID id) {
        String json = dsl.select(RECORD_VERSION.VERSIONS).from(RECORD_VERSION)
                .where(RECORD_VERSION.ENTITY.eq(entity).and(RECORD_VERSION.ENTITY_ID.eq(id)))
                .fetchOne(RECORD_VERSION.VERSIONS);
        Map<String, Version> versions = new LinkedHashMap<>();
        if (json != null) {
            JsonValues.tree(json).properties().forEach(e -> {
                JsonNode v = e.getValue();
                versions.put(e.getKey(), new Version(
                        new ChangeId(new DeviceId(UUID.fromString(v.get(0).asText())), v.get(1).asLong()),
                        Hlc.unpack(v.get(2).asLong())));
            });
            return versions;
        }
        ChangeJournalRecord creation = dsl.selectFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.ENTITY.eq(entity).and(CHANGE_JOURNAL.ENTITY_ID.eq(id))
                        .and(CHANGE_JOURNAL.OPERATION.eq(Operation.CREATE.name()))
                        .and(CHANGE_JOURNAL.FORGOTTEN.isFalse()))
                .orderBy(CHANGE_JOURNAL.SEQ).limit(1)
                .fetchOne();
        if (creation != null) {
            Version version = new Version(new ChangeId(new DeviceId(creation.getDeviceId()), creation.getDeviceSeq()),
                    Hlc.unpack(creation.getHlc()));
            JsonValues.tree(creation.getFields()).fieldNames().forEachRemaining(field -> versions.put(field, version));
        }
        return versions;
    }

    static String versionsJson(Map<String, Version> versions) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        versions.forEach((field, version) -> json.putArray(field)
                .add(version.change().device().toString())
                .add(version.change().seq())
                .add(version.hlc().pack()));
        return json.toString();
    }

    void putVersions(String entity, UUID id, Map<String, Version> versions) {
        writing(RECORD_VERSION);
        String json = versionsJson(versions);
        dsl.mergeInto(RECORD_VERSION)
                .using(DSL.selectOne())
                .on(RECORD_VERSION.ENTITY.eq(entity).and(RECORD_VERSION.ENTITY_ID.eq(id)))
                .whenMatchedThenUpdate().set(RECORD_VERSION.VERSIONS, json)
                .whenNotMatchedThenInsert(RECORD_VERSION.ENTITY, RECORD_VERSION.ENTITY_ID, RECORD_VERSION.VERSIONS)
                .values(entity, id, json)
                .execute();
    }

    /**
     * Among these ids, those this database has stored versions, a tombstone or a held change for (a
     * record known only by its row, at its creation's versions, is found by its table). A table this
     * transaction found empty and has not written to since is not asked again, which spares three
     * queries per thousand changes on a first sync.
     */
    Set<UUID> knownIds(String entity, Set<UUID> ids) {
        Set<UUID> known = new java.util.HashSet<>();
        if (mayHold(RECORD_VERSION)) {
            known.addAll(idsOf(RECORD_VERSION, RECORD_VERSION.ENTITY, RECORD_VERSION.ENTITY_ID, entity, ids));
        }
        if (mayHold(TOMBSTONE)) {
            known.addAll(idsOf(TOMBSTONE, TOMBSTONE.ENTITY, TOMBSTONE.ENTITY_ID, entity, ids));
        }
        if (mayHold(HELD_CHANGE)) {
            known.addAll(dsl.select(HELD_CHANGE.ENTITY_ID).from(HELD_CHANGE)
                    .where(HELD_CHANGE.ENTITY.eq(entity).and(HELD_CHANGE.ENTITY_ID.in(ids))).fetch(HELD_CHANGE.ENTITY_ID));
        }
        return known;
    }

    /**
     * The ids among {@code ids} that the table holds for this entity. Asked by id alone, so that H2
     * takes the id index; the entity is checked here (H2 otherwise picks the primary key, whose
     * prefix, the entity's name, matches every row).
     */
    private Set<UUID> idsOf(Table<?> table, Field<String> entityField, Field<UUID> idField, String entity, Set<UUID> ids) {
        Set<UUID> found = new java.util.HashSet<>();
        dsl.select(entityField, idField).from(table).where(idField.in(ids)).forEach(r -> {
            if (r.value1().equals(entity)) {
                found.add(r.value2());
            }
        });
        return found;
    }

    /** Whether the table may have rows: false once found empty, until this store writes to it. */
    private boolean mayHold(Table<?> table) {
        return nonEmpty.computeIfAbsent(table, t -> dsl.fetchExists(t));
    }

    /** Called before this store writes a row into the table. */
    void writing(Table<?> table) {
        nonEmpty.put(table, true);
    }

    /** Journal entries of received changes, in JDBC batches. */
    void journalAll(List<IncomingChange> changes, OffsetDateTime recordedAt) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (IncomingChange c : changes) {
            rows.add(new Object[] {c.entity(), c.entityId(), c.operation().name(), JsonValues.text(c.fields()),
                    baseJson(c.base()), c.hlc().pack(), c.change().device().value(), c.change().seq(),
                    c.author().value(), recordedAt});
        }
        BulkInsert.rows(dsl, CHANGE_JOURNAL, List.of(CHANGE_JOURNAL.ENTITY, CHANGE_JOURNAL.ENTITY_ID,
                CHANGE_JOURNAL.OPERATION, CHANGE_JOURNAL.FIELDS, CHANGE_JOURNAL.BASE, CHANGE_JOURNAL.HLC,
                CHANGE_JOURNAL.DEVICE_ID, CHANGE_JOURNAL.DEVICE_SEQ, CHANGE_JOURNAL.AUTHOR_ID,
                CHANGE_JOURNAL.RECORDED_AT), rows);
        Map<DeviceId, Version> last = new LinkedHashMap<>();
        changes.forEach(c -> last.put(c.change().device(), c.version())); // each device's changes come in order
        last.values().forEach(this::advance);
    }

    /** A journal entry of this installation's own creation: the record, its fields as JSON, its version. */
    record NewEntry(UUID entityId, String fields, Version version) {
    }

    /**
     * The journal entries of this installation's own creations, in JDBC batches: the same rows as
     * {@link #journal} writes one by one for a {@code CREATE} (no base, not erased), then the device's
     * counter moved once to the last of them.
     */
    void journalCreations(String entity, List<NewEntry> entries, StaffId author, OffsetDateTime recordedAt) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (NewEntry e : entries) {
            rows.add(new Object[] {false, entity, e.entityId(), Operation.CREATE.name(), e.fields(), baseJson(Map.of()),
                    e.version().hlc().pack(), e.version().change().device().value(), e.version().change().seq(),
                    author.value(), recordedAt});
        }
        BulkInsert.rows(dsl, CHANGE_JOURNAL, List.of(CHANGE_JOURNAL.ERASED, CHANGE_JOURNAL.ENTITY, CHANGE_JOURNAL.ENTITY_ID,
                CHANGE_JOURNAL.OPERATION, CHANGE_JOURNAL.FIELDS, CHANGE_JOURNAL.BASE, CHANGE_JOURNAL.HLC,
                CHANGE_JOURNAL.DEVICE_ID, CHANGE_JOURNAL.DEVICE_SEQ, CHANGE_JOURNAL.AUTHOR_ID,
                CHANGE_JOURNAL.RECORDED_AT), rows);
        advance(entries.get(entries.size() - 1).version());
    }

    /** The ids among {@code ids} that were deleted here (their tombstones), asked a thousand at a time. */
    Set<UUID> deletedIds(String entity, Set<UUID> ids) {
        Set<UUID> deleted = new java.util.HashSet<>();
        if (!mayHold(TOMBSTONE)) {
            return deleted;
        }
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1_000) {
            deleted.addAll(idsOf(TOMBSTONE, TOMBSTONE.ENTITY, TOMBSTONE.ENTITY_ID, entity,
                    new java.util.HashSet<>(all.subList(from, Math.min(all.size(), from + 1_000)))));
        }
        return deleted;
    }

    /** The losing values kept for a person to decide, by field. */
    Map<String, List<ConflictValueRecord>> losers(String entity, UUID id) {
        Map<String, List<ConflictValueRecord>> losers = new LinkedHashMap<>();
        dsl.selectFrom(CONFLICT_VALUE)
                .where(CONFLICT_VALUE.ENTITY.eq(entity).and(CONFLICT_VALUE.ENTITY_ID.eq(id)))
                .orderBy(CONFLICT_VALUE.HLC)
                .forEach(r -> losers.computeIfAbsent(r.getField(), f -> new ArrayList<>()).add(r));
        return losers;
    }

    static Version version(ConflictValueRecord loser) {
        return new Version(new ChangeId(new DeviceId(loser.getDeviceId()), loser.getDeviceSeq()), Hlc.unpack(loser.getHlc()));
    }

    static FieldState state(Version winner, List<ConflictValueRecord> losers) {
        if (winner == null) {
            return null;
        }
        Set<Version> versions = new LinkedHashSet<>();
        losers.forEach(l -> versions.add(version(l)));
        return new FieldState(winner, versions);
    }

    void addLoser(String entity, UUID id, String field, Version version, StaffId author, JsonNode value,
                  OffsetDateTime now) {
        dsl.insertInto(CONFLICT_VALUE)
                .set(CONFLICT_VALUE.ENTITY, entity)
                .set(CONFLICT_VALUE.ENTITY_ID, id)
                .set(CONFLICT_VALUE.FIELD, field)
                .set(CONFLICT_VALUE.DEVICE_ID, version.change().device().value())
                .set(CONFLICT_VALUE.DEVICE_SEQ, version.change().seq())
                .set(CONFLICT_VALUE.HLC, version.hlc().pack())
                .set(CONFLICT_VALUE.AUTHOR_ID, author.value())
                .set(CONFLICT_VALUE.FIELD_VALUE, value.toString())
                .set(CONFLICT_VALUE.DETECTED_AT, now)
                .execute();
    }

    void removeLoser(String entity, UUID id, String field, ChangeId change) {
        dsl.deleteFrom(CONFLICT_VALUE)
                .where(CONFLICT_VALUE.ENTITY.eq(entity).and(CONFLICT_VALUE.ENTITY_ID.eq(id))
                        .and(CONFLICT_VALUE.FIELD.eq(field))
                        .and(CONFLICT_VALUE.DEVICE_ID.eq(change.device().value()))
                        .and(CONFLICT_VALUE.DEVICE_SEQ.eq(change.seq())))
                .execute();
    }

    /** The versions of one record's fields that were replaced before they arrived, by field. */
    Map<String, Set<ChangeId>> replacedBeforeSeen(String entity, UUID id) {
        Map<String, Set<ChangeId>> replaced = new LinkedHashMap<>();
        dsl.selectFrom(REPLACED_VERSION)
                .where(REPLACED_VERSION.ENTITY.eq(entity).and(REPLACED_VERSION.ENTITY_ID.eq(id)))
                .forEach(r -> replaced.computeIfAbsent(r.getField(), f -> new LinkedHashSet<>())
                        .add(new ChangeId(new DeviceId(r.getDeviceId()), r.getDeviceSeq())));
        return replaced;
    }

    void markReplaced(String entity, UUID id, String field, Set<ChangeId> changes) {
        for (ChangeId change : changes) {
            dsl.insertInto(REPLACED_VERSION)
                    .set(REPLACED_VERSION.ENTITY, entity).set(REPLACED_VERSION.ENTITY_ID, id)
                    .set(REPLACED_VERSION.FIELD, field)
                    .set(REPLACED_VERSION.DEVICE_ID, change.device().value())
                    .set(REPLACED_VERSION.DEVICE_SEQ, change.seq())
                    .onDuplicateKeyIgnore()
                    .execute();
        }
    }

    void forgetReplaced(String entity, UUID id, String field, ChangeId change) {
        dsl.deleteFrom(REPLACED_VERSION)
                .where(REPLACED_VERSION.ENTITY.eq(entity).and(REPLACED_VERSION.ENTITY_ID.eq(id))
                        .and(REPLACED_VERSION.FIELD.eq(field))
                        .and(REPLACED_VERSION.DEVICE_ID.eq(change.device().value()))
                        .and(REPLACED_VERSION.DEVICE_SEQ.eq(change.seq())))
                .execute();
    }

    /** The highest sequence number applied here for this device (0 if none): changes are applied without gaps. */
    long lastSeq(DeviceId device) {
        Long last = dsl.select(JOURNAL_DEVICE.LAST_SEQ).from(JOURNAL_DEVICE)
                .where(JOURNAL_DEVICE.DEVICE_ID.eq(device.value())).fetchOne(JOURNAL_DEVICE.LAST_SEQ);
        return last == null ? 0 : last;
    }

    /**
     * Records that this version was applied here (its journal entry is written with it): the device's
     * last sequence number only ever grows, as a change below it is one that came back into scope.
     */
    private void advance(Version last) {
        UUID device = last.change().device().value();
        dsl.mergeInto(JOURNAL_DEVICE)
                .using(DSL.selectOne())
                .on(JOURNAL_DEVICE.DEVICE_ID.eq(device))
                .whenMatchedThenUpdate()
                .set(JOURNAL_DEVICE.LAST_SEQ, DSL.greatest(JOURNAL_DEVICE.LAST_SEQ, DSL.val(last.change().seq())))
                .set(JOURNAL_DEVICE.LAST_HLC, DSL.greatest(JOURNAL_DEVICE.LAST_HLC, DSL.val(last.hlc().pack())))
                .whenNotMatchedThenInsert(JOURNAL_DEVICE.DEVICE_ID, JOURNAL_DEVICE.LAST_SEQ, JOURNAL_DEVICE.LAST_HLC)
                .values(device, last.change().seq(), last.hlc().pack())
                .execute();
    }

    /**
     * Moves a device's last sequence number up to {@code seq}: the server says its changes up to there
     * that concern this installation were all sent (the others are outside its scope).
     */
    void skipTo(DeviceId device, long seq) {
        dsl.mergeInto(JOURNAL_DEVICE)
                .using(DSL.selectOne())
                .on(JOURNAL_DEVICE.DEVICE_ID.eq(device.value()))
                .whenMatchedThenUpdate()
                .set(JOURNAL_DEVICE.LAST_SEQ, DSL.greatest(JOURNAL_DEVICE.LAST_SEQ, DSL.val(seq)))
                .whenNotMatchedThenInsert(JOURNAL_DEVICE.DEVICE_ID, JOURNAL_DEVICE.LAST_SEQ, JOURNAL_DEVICE.LAST_HLC)
                .values(device.value(), seq, 0L)
                .execute();
    }

    /**
     * Whether a change is in the journal: empty if it is not, {@code true} if it is as a forgotten
     * entry (this installation's own change of a record that left its scope).
     */
    Optional<Boolean> journaled(ChangeId change) {
        return dsl.select(CHANGE_JOURNAL.FORGOTTEN).from(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.DEVICE_ID.eq(change.device().value()).and(CHANGE_JOURNAL.DEVICE_SEQ.eq(change.seq())))
                .fetchOptional(CHANGE_JOURNAL.FORGOTTEN);
    }

    /** Removes a forgotten entry, which the change it was is about to replace. */
    void dropForgotten(ChangeId change) {
        dsl.deleteFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.DEVICE_ID.eq(change.device().value()).and(CHANGE_JOURNAL.DEVICE_SEQ.eq(change.seq()))
                        .and(CHANGE_JOURNAL.FORGOTTEN.isTrue()))
                .execute();
    }

    /**
     * Forgets a record that left this installation's scope (its row is the caller's): its versions,
     * conflicts, replaced versions and held changes, the other devices' journal entries about it; this
     * installation's own entries are marked forgotten, for they are its own sequence. No tombstone: the
     * record may come back.
     */
    void forget(String entity, UUID id, DeviceId own) {
        dsl.deleteFrom(RECORD_VERSION).where(RECORD_VERSION.ENTITY.eq(entity).and(RECORD_VERSION.ENTITY_ID.eq(id))).execute();
        dsl.deleteFrom(CONFLICT_VALUE).where(CONFLICT_VALUE.ENTITY.eq(entity).and(CONFLICT_VALUE.ENTITY_ID.eq(id))).execute();
        dsl.deleteFrom(REPLACED_VERSION).where(REPLACED_VERSION.ENTITY.eq(entity).and(REPLACED_VERSION.ENTITY_ID.eq(id))).execute();
        dsl.deleteFrom(HELD_CHANGE).where(HELD_CHANGE.ENTITY.eq(entity).and(HELD_CHANGE.ENTITY_ID.eq(id))).execute();
        dsl.deleteFrom(CHANGE_JOURNAL).where(CHANGE_JOURNAL.ENTITY.eq(entity).and(CHANGE_JOURNAL.ENTITY_ID.eq(id))
                .and(CHANGE_JOURNAL.DEVICE_ID.ne(own.value()))).execute();
        int own_ = dsl.update(CHANGE_JOURNAL).set(CHANGE_JOURNAL.FORGOTTEN, true)
                .where(CHANGE_JOURNAL.ENTITY.eq(entity).and(CHANGE_JOURNAL.ENTITY_ID.eq(id))
                        .and(CHANGE_JOURNAL.DEVICE_ID.eq(own.value())))
                .execute();
        if (own_ > 0) {
            dsl.insertInto(FORGOTTEN_RECORD, FORGOTTEN_RECORD.ENTITY, FORGOTTEN_RECORD.ENTITY_ID).values(entity, id)
                    .onDuplicateKeyIgnore().execute();
        }
    }

    /** The records forgotten while this installation held changes of its own of them. */
    List<org.jooq.Record2<String, UUID>> forgottenRecords() {
        return dsl.select(FORGOTTEN_RECORD.ENTITY, FORGOTTEN_RECORD.ENTITY_ID).from(FORGOTTEN_RECORD).fetch();
    }

    /** This installation's forgotten entries of one record, in their order. */
    List<JournalEntry> forgottenEntries(String entity, UUID id, DeviceId own) {
        return dsl.selectFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.ENTITY.eq(entity).and(CHANGE_JOURNAL.ENTITY_ID.eq(id))
                        .and(CHANGE_JOURNAL.DEVICE_ID.eq(own.value())).and(CHANGE_JOURNAL.FORGOTTEN.isTrue()))
                .orderBy(CHANGE_JOURNAL.DEVICE_SEQ)
                .fetch(ChangeJournal::toEntry);
    }

    void remembered(String entity, UUID id) {
        dsl.deleteFrom(FORGOTTEN_RECORD).where(FORGOTTEN_RECORD.ENTITY.eq(entity).and(FORGOTTEN_RECORD.ENTITY_ID.eq(id))).execute();
    }

    /** The deletion of a record, if it was deleted. */
    boolean isDeleted(String entity, UUID id) {
        return dsl.fetchExists(TOMBSTONE, TOMBSTONE.ENTITY.eq(entity).and(TOMBSTONE.ENTITY_ID.eq(id)));
    }

    /** Deletes a record's bookkeeping and leaves its tombstone: no later change brings it back. */
    /**
     * Deletes what is known of a deleted record besides its tombstone: its versions, conflicts and
     * replaced versions, and what its changes wrote (erasure: the journal keeps who and when, not
     * what; a change still held for a gap keeps only its place in its device's sequence).
     */
    void bury(String entity, UUID id, Version deletion) {
        dsl.update(CHANGE_JOURNAL)
                .set(CHANGE_JOURNAL.FIELDS, "{}")
                .set(CHANGE_JOURNAL.BASE, "{}")
                .set(CHANGE_JOURNAL.ERASED, true)
                .where(CHANGE_JOURNAL.ENTITY.eq(entity).and(CHANGE_JOURNAL.ENTITY_ID.eq(id))
                        .and(CHANGE_JOURNAL.OPERATION.ne(Operation.DELETE.name())).and(CHANGE_JOURNAL.ERASED.isFalse()))
                .execute();
        for (var held : dsl.selectFrom(HELD_CHANGE).where(HELD_CHANGE.ENTITY.eq(entity).and(HELD_CHANGE.ENTITY_ID.eq(id))).fetch()) {
            IncomingChange change = HeldChanges.read(held.getChangeJson());
            held.setChangeJson(HeldChanges.write(change.erased()));
            held.store();
        }
        dsl.deleteFrom(RECORD_VERSION).where(RECORD_VERSION.ENTITY.eq(entity).and(RECORD_VERSION.ENTITY_ID.eq(id))).execute();
        dsl.deleteFrom(CONFLICT_VALUE).where(CONFLICT_VALUE.ENTITY.eq(entity).and(CONFLICT_VALUE.ENTITY_ID.eq(id))).execute();
        dsl.deleteFrom(REPLACED_VERSION).where(REPLACED_VERSION.ENTITY.eq(entity).and(REPLACED_VERSION.ENTITY_ID.eq(id))).execute();
        writing(TOMBSTONE);
        dsl.insertInto(TOMBSTONE)
                .set(TOMBSTONE.ENTITY, entity).set(TOMBSTONE.ENTITY_ID, id)
                .set(TOMBSTONE.DEVICE_ID, deletion.change().device().value())
                .set(TOMBSTONE.DEVICE_SEQ, deletion.change().seq())
                .set(TOMBSTONE.HLC, deletion.hlc().pack())
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** The value and author a change gave a field, from the journal. */
    Optional<JournalEntry> entry(ChangeId change) {
        return dsl.selectFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.DEVICE_ID.eq(change.device().value()).and(CHANGE_JOURNAL.DEVICE_SEQ.eq(change.seq())))
                .fetchOptional(ChangeJournal::toEntry);
    }

    /** Appends the journal entry of a change; {@code fields} is the JSON object of its changed fields. */
    void journal(String entity, UUID id, Operation operation, ObjectNode fields, Map<String, Set<ChangeId>> base,
                 Version version, StaffId author, OffsetDateTime recordedAt) {
        journal(entity, id, operation, fields, base, version, author, recordedAt, false);
    }

    /** Journals a change; an erased one (a change received after its record was deleted) without what it wrote. */
    void journal(String entity, UUID id, Operation operation, ObjectNode fields, Map<String, Set<ChangeId>> base,
                 Version version, StaffId author, OffsetDateTime recordedAt, boolean erased) {
        if (erased) {
            fields = JsonNodeFactory.instance.objectNode();
            base = Map.of();
        }
        ChangeJournalRecord entry = dsl.newRecord(CHANGE_JOURNAL);
        entry.setErased(erased && operation != Operation.DELETE);
        entry.setEntity(entity);
        entry.setEntityId(id);
        entry.setOperation(operation.name());
        entry.setFields(fields.toString());
        entry.setBase(baseJson(base));
        entry.setHlc(version.hlc().pack());
        entry.setDeviceId(version.change().device().value());
        entry.setDeviceSeq(version.change().seq());
        entry.setAuthorId(author.value());
        entry.setRecordedAt(recordedAt);
        dsl.insertInto(CHANGE_JOURNAL).set(entry).execute();
        advance(version);
    }

    static String baseJson(Map<String, Set<ChangeId>> base) {
        if (base.isEmpty()) {
            return "{}";
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        base.forEach((field, ids) -> {
            if (!ids.isEmpty()) {
                ArrayNode array = json.putArray(field);
                ids.forEach(id -> array.add(id.toString()));
            }
        });
        return json.toString();
    }

    static Map<String, Set<ChangeId>> base(String json) {
        Map<String, Set<ChangeId>> base = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : JsonValues.tree(json).properties()) {
            Set<ChangeId> ids = new LinkedHashSet<>();
            e.getValue().forEach(n -> ids.add(ChangeId.parse(n.asText())));
            base.put(e.getKey(), ids);
        }
        return base;
    }
}
