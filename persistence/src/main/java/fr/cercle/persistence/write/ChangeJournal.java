package fr.cercle.persistence.write;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.time.Hlc;
import fr.cercle.persistence.jooq.tables.records.ChangeJournalRecord;
import org.jooq.DSLContext;

import java.util.List;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;

/** Reads the change journal, oldest first. */
public final class ChangeJournal {

    private final DSLContext dsl;

    public ChangeJournal(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every entry about one record. */
    public List<JournalEntry> entriesFor(String entity, UUID id) {
        return dsl.selectFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.ENTITY.eq(entity).and(CHANGE_JOURNAL.ENTITY_ID.eq(id)))
                .orderBy(CHANGE_JOURNAL.SEQ)
                .fetch(ChangeJournal::toEntry);
    }

    /** Entries after a sequence number, at most {@code limit} of them. */
    public List<JournalEntry> entriesAfter(long seq, int limit) {
        return dsl.selectFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.SEQ.gt(seq))
                .orderBy(CHANGE_JOURNAL.SEQ)
                .limit(limit)
                .fetch(ChangeJournal::toEntry);
    }

    public long count() {
        return dsl.fetchCount(CHANGE_JOURNAL);
    }

    /** The latest timestamp issued on this installation, to restart its clock after it. */
    public Hlc lastHlc() {
        Long max = dsl.select(org.jooq.impl.DSL.max(CHANGE_JOURNAL.HLC)).from(CHANGE_JOURNAL).fetchOne(0, Long.class);
        return max == null ? Hlc.ZERO : Hlc.unpack(max);
    }

    /** The changes made on this device after its sequence number {@code afterSeq}, in order, at most {@code limit}. */
    public List<JournalEntry> changesOf(DeviceId device, long afterSeq, int limit) {
        return dsl.selectFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.DEVICE_ID.eq(device.value()).and(CHANGE_JOURNAL.DEVICE_SEQ.gt(afterSeq)))
                .orderBy(CHANGE_JOURNAL.DEVICE_SEQ)
                .limit(limit)
                .fetch(ChangeJournal::toEntry);
    }

    /**
     * One entry as stored, its fields and base still as JSON text (already in the exchange form):
     * for streaming many entries out without building objects for each.
     */
    public record RawEntry(String entity, UUID entityId, Operation operation, ChangeId change, long hlc, UUID author,
                           String fieldsJson, String baseJson) {
    }

    /** Streams the changes made on this device after {@code afterSeq}, in order; returns how many. */
    public long streamChangesOf(DeviceId device, long afterSeq, java.util.function.Consumer<RawEntry> sink) {
        long[] count = {0};
        try (var cursor = dsl.select(CHANGE_JOURNAL.ENTITY, CHANGE_JOURNAL.ENTITY_ID, CHANGE_JOURNAL.OPERATION,
                        CHANGE_JOURNAL.DEVICE_SEQ, CHANGE_JOURNAL.HLC, CHANGE_JOURNAL.AUTHOR_ID, CHANGE_JOURNAL.FIELDS,
                        CHANGE_JOURNAL.BASE)
                .from(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.DEVICE_ID.eq(device.value()).and(CHANGE_JOURNAL.DEVICE_SEQ.gt(afterSeq)))
                .orderBy(CHANGE_JOURNAL.DEVICE_SEQ)
                .fetchSize(5_000)
                .fetchLazy()) {
            for (var r : cursor) {
                sink.accept(new RawEntry(r.value1(), r.value2(), Operation.valueOf(r.value3()),
                        new ChangeId(device, r.value4()), r.value5(), r.value6(), r.value7(), r.value8()));
                count[0]++;
            }
        }
        return count[0];
    }

    /** The highest sequence number of this device's changes held here, 0 if none. */
    public long lastSeq(DeviceId device) {
        return new VersionStore(dsl).lastSeq(device);
    }

    static JournalEntry toEntry(ChangeJournalRecord r) {
        return new JournalEntry(r.getSeq(), r.getEntity(), r.getEntityId(), Operation.valueOf(r.getOperation()),
                JsonValues.object(r.getFields()), VersionStore.base(r.getBase()), Hlc.unpack(r.getHlc()),
                new ChangeId(new DeviceId(r.getDeviceId()), r.getDeviceSeq()),
                new StaffId(r.getAuthorId()), r.getRecordedAt().toInstant());
    }
}
