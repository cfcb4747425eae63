package fr.cercle.persistence.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.sync.FieldMerge;
import fr.cercle.model.sync.FieldState;
import fr.cercle.model.sync.Version;
import fr.cercle.model.time.Hlc;
import fr.cercle.model.time.HybridLogicalClock;
import fr.cercle.persistence.jooq.tables.records.ConflictValueRecord;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.jooq.tables.records.HeldChangeRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.HELD_CHANGE;
import static fr.cercle.persistence.jooq.Tables.RECEIVED_BUNDLE;

/**
 * Merges changes made on other installations into this database, inside one transaction (see
 * {@link ChangeWriter#receive}). Each change is applied once: a duplicate is skipped, a change that
 * comes after a gap in its device's sequence is held until the gap is filled, a change to a deleted
 * record is journaled but brings nothing back. Fields merge by {@link FieldMerge}, the same rule on
 * every replica; a guarded field overwritten concurrently keeps the losing value as a conflict.
 */
public final class Receiver {

    /** A clock further ahead than this is flagged; it no longer pulls this installation's clock forward. */
    public static final Duration ABSURD_FUTURE = Duration.ofDays(1);

    private final DSLContext dsl;
    private final HybridLogicalClock clock;
    private final Instant wallNow;
    private final OffsetDateTime now;
    private final VersionStore store;
    private final Map<DeviceId, Long> lastSeq = new HashMap<>();
    private final Set<ChangeId> aheadOfTime = new LinkedHashSet<>();
    /** The devices some of whose changes wait for an earlier one. */
    private final Set<DeviceId> holding = new java.util.HashSet<>();
    private final ActivityTotals totals;

    Receiver(DSLContext dsl, HybridLogicalClock clock, OffsetDateTime now, ActivityTotals totals) {
        this.dsl = dsl;
        this.clock = clock;
        this.now = now;
        this.wallNow = now.toInstant();
        this.store = new VersionStore(dsl);
        this.totals = totals;
        dsl.selectDistinct(HELD_CHANGE.DEVICE_ID).from(HELD_CHANGE)
                .forEach(r -> holding.add(new DeviceId(r.value1())));
    }

    /**
     * Receives one change.
     *
     * @throws RefusedChange if the change names an unknown entity or field, or a value that does not
     *                       fit its field (the caller rolls the transaction back)
     */
    public Receipt receive(IncomingChange change) {
        try {
            return receiveOne(change);
        } catch (RefusedChange e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RefusedChange(change, e);
        }
    }

    private Receipt receiveOne(IncomingChange change) {
        DeviceId device = change.change().device();
        long last = lastSeq(device);
        if (change.change().seq() <= last) {
            // At or below what was applied of its device: a duplicate, unless it is not here, which is
            // a change of a record that came (back) into this installation's scope, sent again.
            Optional<Boolean> journaled = store.journaled(change.change());
            if (journaled.isPresent() && !journaled.get()) {
                return Receipt.DUPLICATE;
            }
            check(change);
            if (journaled.isPresent()) {
                store.dropForgotten(change.change());
            }
            return apply(change);
        }
        check(change);
        if (change.change().seq() > last + 1) {
            hold(change);
            return Receipt.HELD;
        }
        Receipt receipt = apply(change);
        lastSeq.put(device, change.change().seq());
        releaseHeld(device);
        return receipt;
    }

    /** Applies the held changes of a device that now follow its last one without a gap. */
    private void releaseHeld(DeviceId device) {
        for (HeldChangeRecord held = held(device, lastSeq(device) + 1); held != null;
             held = held(device, lastSeq(device) + 1)) {
            dsl.deleteFrom(HELD_CHANGE).where(HELD_CHANGE.DEVICE_ID.eq(held.getDeviceId())
                    .and(HELD_CHANGE.DEVICE_SEQ.eq(held.getDeviceSeq()))).execute();
            apply(HeldChanges.read(held.getChangeJson()));
            lastSeq.put(device, held.getDeviceSeq());
        }
    }

    /**
     * Takes the server's word that every change of {@code device} up to {@code seq} that concerns this
     * installation was sent (the others are outside its scope): the device's changes held for a gap up
     * to there are applied, in order, and those after follow as usual.
     */
    public void skipTo(DeviceId device, long seq) {
        if (seq <= lastSeq(device)) {
            return;
        }
        if (holding.contains(device)) {
            for (HeldChangeRecord held : dsl.selectFrom(HELD_CHANGE).where(HELD_CHANGE.DEVICE_ID.eq(device.value())
                    .and(HELD_CHANGE.DEVICE_SEQ.le(seq))).orderBy(HELD_CHANGE.DEVICE_SEQ).fetch()) {
                held.delete();
                apply(HeldChanges.read(held.getChangeJson()));
            }
        }
        store.skipTo(device, seq);
        lastSeq.put(device, seq);
        releaseHeld(device);
    }

    /**
     * Applies again this installation's own forgotten changes of the records that came back into its
     * scope (their rows exist again): the server sends a device the history of a record entering its
     * scope, but not its own changes made after that. Returns how many were applied.
     */
    public int restoreForgotten(DeviceId own) {
        int restored = 0;
        for (var forgotten : store.forgottenRecords()) {
            String entity = forgotten.value1();
            UUID id = forgotten.value2();
            EntityTable<?> table = Entities.byName(entity).orElse(null);
            if (table == null || !dsl.fetchExists(table.table(), table.id().eq(id))) {
                continue;
            }
            for (JournalEntry entry : store.forgottenEntries(entity, id, own)) {
                store.dropForgotten(entry.change());
                apply(new IncomingChange(entry.entity(), entry.entityId(), entry.operation(), entry.change(), entry.hlc(),
                        entry.author(), entry.fields(), entry.base()));
                restored++;
            }
            store.remembered(entity, id);
        }
        return restored;
    }

    /**
     * Forgets a record that left this installation's scope: its row and everything known of it, but
     * for this installation's own journal entries ({@code own}), kept and marked forgotten. Nothing
     * travels: the record lives on where it is in scope.
     */
    public void forget(String entity, UUID id, DeviceId own) {
        EntityTable<?> table = Entities.byName(entity)
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity: " + entity));
        totals.note(table, id);
        dsl.deleteFrom(table.table()).where(table.id().eq(id)).execute();
        store.forget(entity, id, own);
    }

    /**
     * Receives many changes in order, as {@link #receive} would one by one, but writes the creations
     * of records this database has never seen (the bulk of a first sync) in JDBC batches.
     *
     * @throws RefusedChange naming the first change this database cannot take
     */
    public List<Receipt> receiveAll(List<IncomingChange> changes) {
        Map<String, Set<UUID>> known = known(changes);
        Set<UUID> touched = new java.util.HashSet<>();
        List<Receipt> receipts = new ArrayList<>(changes.size());
        List<Creation> creations = new ArrayList<>();
        for (IncomingChange change : changes) {
            DeviceId device = change.change().device();
            boolean fresh = change.operation() == Operation.CREATE
                    && change.base().isEmpty()
                    && change.change().seq() == lastSeq(device) + 1
                    && !holding.contains(device)
                    && !known.getOrDefault(change.entity(), Set.of()).contains(change.entityId())
                    && touched.add(change.entityId());
            if (fresh) {
                try {
                    creations.add(new Creation(change, rowValues(change)));
                } catch (IllegalArgumentException e) {
                    throw new RefusedChange(change, e);
                }
                observe(change);
                lastSeq.put(device, change.change().seq());
                receipts.add(Receipt.APPLIED);
            } else {
                insertAll(creations);
                touched.add(change.entityId());
                receipts.add(receive(change));
            }
        }
        insertAll(creations);
        return receipts;
    }

    /** The ids among these changes' records that this database knows in any way (row, versions, tombstone, held). */
    private Map<String, Set<UUID>> known(List<IncomingChange> changes) {
        Map<String, Set<UUID>> ids = new LinkedHashMap<>();
        changes.forEach(c -> ids.computeIfAbsent(c.entity(), e -> new java.util.HashSet<>()).add(c.entityId()));
        Map<String, Set<UUID>> known = new LinkedHashMap<>();
        ids.forEach((entity, wanted) -> {
            EntityTable<?> table = Entities.byName(entity).orElse(null);
            Set<UUID> found = new java.util.HashSet<>();
            if (table != null) {
                found.addAll(dsl.select(table.id()).from(table.table()).where(table.id().in(wanted)).fetch(table.id()));
            }
            found.addAll(store.knownIds(entity, wanted));
            known.put(entity, found);
        });
        return known;
    }

    /** A creation of a record this database has never seen, with its row's values, checked. */
    private record Creation(IncomingChange change, Object[] row) {
    }

    /**
     * The values of a new record's row, in the order of {@link #insertRows}: id, data fields, audit
     * columns. Checks every value, as {@link #check} does.
     */
    private static Object[] rowValues(IncomingChange c) {
        EntityTable<?> table = Entities.byName(c.entity())
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity: " + c.entity()));
        if (c.fields().size() != table.dataFields().size()) {
            check(c); // names an unknown field, if any
        }
        Object[] values = new Object[table.dataFields().size() + 5];
        int i = 0;
        values[i++] = c.entityId();
        for (Map.Entry<String, Field<?>> e : table.fieldsByName().entrySet()) {
            if (!c.fields().containsKey(e.getKey())) {
                if (table.isAddedLater(e.getValue())) {
                    values[i++] = null; // written before a later schema version added the field
                    continue;
                }
                throw new IllegalArgumentException("The creation of " + table.entity() + " " + c.entityId()
                        + " lacks the field " + e.getKey());
            }
            values[i++] = table.toColumn(e.getValue(), c.fields().get(e.getKey()));
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(c.hlc().instant(), ZoneOffset.UTC);
        values[i++] = at;
        values[i++] = c.author().value();
        values[i++] = at;
        values[i] = c.author().value();
        return values;
    }

    /**
     * Writes creations of unknown records in batches: rows and journal entries (their versions are
     * implied by the journal, see {@link VersionStore#versions}). Empties the list.
     */
    private void insertAll(List<Creation> creations) {
        if (creations.isEmpty()) {
            return;
        }
        Map<String, List<Creation>> byEntity = new LinkedHashMap<>();
        creations.forEach(c -> byEntity.computeIfAbsent(c.change().entity(), e -> new ArrayList<>()).add(c));
        byEntity.forEach((entity, list) -> insertRows(Entities.byName(entity).orElseThrow(), list));
        store.journalAll(creations.stream().map(Creation::change).toList(), now);
        creations.clear();
    }

    private <R extends Record> void insertRows(EntityTable<R> table, List<Creation> creations) {
        List<Field<?>> columns = new ArrayList<>();
        columns.add(table.id());
        columns.addAll(table.fieldsByName().values());
        columns.add(table.createdAt());
        columns.add(table.createdBy());
        columns.add(table.updatedAt());
        columns.add(table.updatedBy());
        List<Object[]> rows = creations.stream().map(Creation::row).toList();
        BulkInsert.rows(dsl, table.table(), columns, rows);
        totals.noteRows(table, columns, rows);
    }

    /**
     * Records that the sealed bundle {@code bundleId} from {@code sender} is received, in this
     * transaction; false if it was received before (a bundle brought again).
     */
    public boolean firstReceipt(java.util.UUID bundleId, String sender) {
        return dsl.insertInto(RECEIVED_BUNDLE, RECEIVED_BUNDLE.BUNDLE_ID, RECEIVED_BUNDLE.SENDER, RECEIVED_BUNDLE.RECEIVED_AT)
                .values(bundleId, sender, now)
                .onDuplicateKeyIgnore()
                .execute() > 0;
    }

    /** Whether the sealed bundle {@code bundleId} was received before. */
    public static boolean received(DSLContext dsl, java.util.UUID bundleId) {
        return dsl.fetchExists(RECEIVED_BUNDLE, RECEIVED_BUNDLE.BUNDLE_ID.eq(bundleId));
    }

    /** This installation's own settings, written in the same transaction (the sync's progress). */
    public LocalSettings localSettings() {
        return new LocalSettings(dsl);
    }

    /** Changes received with a clock more than a day ahead of this installation's: flagged for a person. */
    public Set<ChangeId> aheadOfTime() {
        return Set.copyOf(aheadOfTime);
    }

    /** Refuses, before anything is stored or held, a change this database could not take. */
    private static void check(IncomingChange change) {
        EntityTable<?> table = Entities.byName(change.entity())
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity: " + change.entity()));
        if (table.isAppendOnly() && change.operation() != Operation.CREATE) {
            throw new IllegalArgumentException(change.entity() + " is only ever created: a change may not "
                    + change.operation().name().toLowerCase(java.util.Locale.ROOT) + " one");
        }
        change.fields().forEach((name, value) -> table.toColumn(table.field(name)
                .orElseThrow(() -> new IllegalArgumentException("Unknown field: " + change.entity() + "." + name)), value));
    }

    private void hold(IncomingChange change) {
        holding.add(change.change().device());
        store.writing(HELD_CHANGE);
        dsl.insertInto(HELD_CHANGE)
                .set(HELD_CHANGE.DEVICE_ID, change.change().device().value())
                .set(HELD_CHANGE.DEVICE_SEQ, change.change().seq())
                .set(HELD_CHANGE.ENTITY, change.entity())
                .set(HELD_CHANGE.ENTITY_ID, change.entityId())
                .set(HELD_CHANGE.CHANGE_JSON, HeldChanges.write(change))
                .set(HELD_CHANGE.RECEIVED_AT, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    private long lastSeq(DeviceId device) {
        return lastSeq.computeIfAbsent(device, store::lastSeq);
    }

    /** Whether a change is here: applied changes of a device have no gap. */
    private boolean applied(ChangeId change) {
        return change.seq() <= lastSeq(change.device());
    }

    private HeldChangeRecord held(DeviceId device, long seq) {
        if (!holding.contains(device)) {
            return null;
        }
        return dsl.selectFrom(HELD_CHANGE)
                .where(HELD_CHANGE.DEVICE_ID.eq(device.value()).and(HELD_CHANGE.DEVICE_SEQ.eq(seq)))
                .fetchOne();
    }

    private Receipt apply(IncomingChange change) {
        observe(change);
        EntityTable<?> table = Entities.byName(change.entity())
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity: " + change.entity()));
        ObjectNode fields = (ObjectNode) JsonValues.node(change.fields());
        Version version = change.version();
        if (store.isDeleted(change.entity(), change.entityId())) {
            // Journaled for its place in its device's sequence, without what it wrote: the record was erased.
            store.journal(change.entity(), change.entityId(), change.operation(), fields, change.base(), version,
                    change.author(), now, true);
            return Receipt.AFTER_DELETION;
        }
        if (change.operation() == Operation.DELETE) {
            totals.note(table, change.entityId());
            dsl.deleteFrom(table.table()).where(table.id().eq(change.entityId())).execute();
            store.bury(change.entity(), change.entityId(), version);
            store.journal(change.entity(), change.entityId(), Operation.DELETE, JsonNodeFactory.instance.objectNode(),
                    Map.of(), version, change.author(), now);
            return Receipt.APPLIED;
        }
        merge(table, change, fields);
        return Receipt.APPLIED;
    }

    private <R extends Record> void merge(EntityTable<R> table, IncomingChange change, ObjectNode fields) {
        String entity = table.entity();
        UUID id = change.entityId();
        R row = dsl.selectFrom(table.table()).where(table.id().eq(id)).forUpdate().fetchOne();
        if (row != null && table.isAppendOnly()) {
            throw new IllegalArgumentException(entity + " " + id + " is already recorded and is never changed");
        }
        Map<String, Version> versions = store.versions(entity, id);
        Map<String, List<ConflictValueRecord>> losers = store.losers(entity, id);
        Map<String, Set<ChangeId>> replaced = store.replacedBeforeSeen(entity, id);
        Map<Field<?>, Object> assignments = new LinkedHashMap<>();
        Version version = change.version();

        for (Map.Entry<String, Object> e : change.fields().entrySet()) {
            String name = e.getKey();
            Field<?> field = table.field(name)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown field: " + entity + "." + name));
            Object column = table.toColumn(field, e.getValue());
            FieldState state = VersionStore.state(versions.get(name), losers.getOrDefault(name, List.of()));
            FieldMerge.Outcome outcome = FieldMerge.apply(state, version, change.base().getOrDefault(name, Set.of()),
                    table.isGuarded(field), history(replaced.getOrDefault(name, Set.of())));
            store.markReplaced(entity, id, name, outcome.replacedUnseen());
            if (outcome.incomingWasReplaced()) {
                store.forgetReplaced(entity, id, name, version.change());
            }
            Set<Version> before = state == null ? Set.of() : state.losers();
            Set<Version> after = outcome.state() == null ? Set.of() : outcome.state().losers();
            for (Version gone : before) {
                if (!after.contains(gone)) {
                    store.removeLoser(entity, id, name, gone.change());
                }
            }
            for (Version lost : after) {
                if (before.contains(lost)) {
                    continue;
                }
                if (lost.equals(version)) {
                    store.addLoser(entity, id, name, lost, change.author(), fields.get(name), now);
                } else {
                    JsonNode value = row != null ? JsonValues.columnNode(row.get(field), table.isJsonArray(field))
                            : journaledValue(lost.change(), name);
                    store.addLoser(entity, id, name, lost, authorOf(lost.change()), value, now);
                }
            }
            if (outcome.state() != null) {
                versions.put(name, outcome.state().winner());
            }
            if (outcome.incomingWins()) {
                assignments.put(field, column);
            }
        }

        OffsetDateTime changedAt = OffsetDateTime.ofInstant(version.hlc().instant(), ZoneOffset.UTC);
        if (row != null) {
            if (!assignments.isEmpty()) {
                assignments.put(table.updatedAt(), changedAt);
                assignments.put(table.updatedBy(), change.author().value());
                totals.note(table, id);
                dsl.update(table.table()).set(assignments).where(table.id().eq(id)).execute();
                totals.note(table, id);
            }
        } else if (change.operation() == Operation.CREATE) {
            R record = dsl.newRecord(table.table());
            record.set(table.id(), id);
            for (Field<?> field : table.dataFields()) {
                String name = EntityTable.journalName(field);
                if (assignments.containsKey(field)) {
                    set(record, field, assignments.get(field));
                } else if (versions.containsKey(name)) {
                    set(record, field, table.toColumn(field, JsonValues.plain(journaledValue(versions.get(name).change(), name))));
                } else if (table.isAddedLater(field)) {
                    set(record, field, null); // written before a later schema version added the field
                } else {
                    throw new IllegalArgumentException("The creation of " + entity + " " + id + " lacks the field " + name);
                }
            }
            record.set(table.createdAt(), changedAt);
            record.set(table.createdBy(), change.author().value());
            record.set(table.updatedAt(), changedAt);
            record.set(table.updatedBy(), change.author().value());
            dsl.insertInto(table.table()).set(record).execute();
            totals.note(table, id);
        }
        // An update of a record whose creation has not arrived yet keeps its versions; the creation
        // then builds the row from the winning values.
        store.putVersions(entity, id, versions);
        store.journal(entity, id, change.operation(), fields, change.base(), version, change.author(), now);
    }

    private FieldMerge.History history(Set<ChangeId> replacedBeforeSeen) {
        return new FieldMerge.History() {
            @Override
            public boolean applied(ChangeId change) {
                return Receiver.this.applied(change);
            }

            @Override
            public boolean replacedBeforeSeen(ChangeId change) {
                return replacedBeforeSeen.contains(change);
            }
        };
    }

    private JsonNode journaledValue(ChangeId change, String field) {
        JournalEntry entry = store.entry(change)
                .orElseThrow(() -> new IllegalStateException("The journal lacks the applied change " + change));
        return JsonValues.node(entry.fields().get(field));
    }

    private StaffId authorOf(ChangeId change) {
        return store.entry(change).map(JournalEntry::author)
                .orElseThrow(() -> new IllegalStateException("The journal lacks the applied change " + change));
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record record, Field<T> field, Object value) {
        record.set(field, (T) value);
    }

    private void observe(IncomingChange change) {
        Hlc hlc = change.hlc();
        if (hlc.instant().isAfter(wallNow.plus(ABSURD_FUTURE))) {
            aheadOfTime.add(change.change());
        } else {
            clock.observe(hlc);
        }
    }

    /** The changes still waiting for an earlier one, oldest first. */
    public List<IncomingChange> heldChanges() {
        List<IncomingChange> held = new ArrayList<>();
        dsl.selectFrom(HELD_CHANGE).orderBy(HELD_CHANGE.DEVICE_ID, HELD_CHANGE.DEVICE_SEQ)
                .forEach(r -> held.add(HeldChanges.read(r.getChangeJson())));
        return held;
    }
}
