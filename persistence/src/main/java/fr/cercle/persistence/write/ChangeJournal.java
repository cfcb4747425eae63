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
import static fr.cercle.persistence.jooq.Tables.JOURNAL_DEVICE;

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

    /**
     * Where this installation's clock resumes on start: after its own last change, and after the last
     * change received from each other device unless that one's clock was absurdly far ahead of
     * {@code now} (more than {@link Receiver#ABSURD_FUTURE}), which a receiver flags and never follows.
     */
    public Hlc resumeAfter(DeviceId me, java.time.Instant now) {
        java.time.Instant absurd = now.plus(Receiver.ABSURD_FUTURE);
        Hlc latest = Hlc.ZERO;
        for (var device : dsl.selectFrom(JOURNAL_DEVICE).fetch()) {
            Hlc last = Hlc.unpack(device.getLastHlc());
            boolean mine = device.getDeviceId().equals(me.value());
            if ((mine || !last.instant().isAfter(absurd)) && last.compareTo(latest) > 0) {
                latest = last;
            }
        }
        return latest;
    }

    /** The latest timestamp of a change applied here, from any device. */
    public Hlc lastHlc() {
        Long max = dsl.select(org.jooq.impl.DSL.max(JOURNAL_DEVICE.LAST_HLC)).from(JOURNAL_DEVICE).fetchOne(0, Long.class);
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
                        CHANGE_JOURNAL.BASE, CHANGE_JOURNAL.ERASED)
                .from(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.DEVICE_ID.eq(device.value()).and(CHANGE_JOURNAL.DEVICE_SEQ.gt(afterSeq)))
                .orderBy(CHANGE_JOURNAL.DEVICE_SEQ)
                .fetchSize(5_000)
                .fetchLazy()) {
            for (var r : cursor) {
                // An erased change travels as the deletion its record had (V7__erasure.sql).
                sink.accept(new RawEntry(r.value1(), r.value2(), r.value9() ? Operation.DELETE : Operation.valueOf(r.value3()),
                        new ChangeId(device, r.value4()), r.value5(), r.value6(), r.value7(), r.value8()));
                count[0]++;
            }
        }
        return count[0];
    }

    /** The version of each field's current value of one record: empty if this database does not know it. */
    public java.util.Map<String, fr.cercle.model.sync.Version> versions(String entity, UUID id) {
        return new VersionStore(dsl).versions(entity, id);
    }

    /** The highest sequence number of this device's changes held here, 0 if none. */
    public long lastSeq(DeviceId device) {
        return new VersionStore(dsl).lastSeq(device);
    }

    /**
     * An entry as the exchange sees it: the change of an erased record (its fields emptied when the
     * record was deleted) reads as a deletion. The audit trail reads the stored operation itself.
     */
    static JournalEntry toEntry(ChangeJournalRecord r) {
        Operation operation = r.getErased() ? Operation.DELETE : Operation.valueOf(r.getOperation());
        return new JournalEntry(r.getSeq(), r.getEntity(), r.getEntityId(), operation,
                JsonValues.object(r.getFields()), VersionStore.base(r.getBase()), Hlc.unpack(r.getHlc()),
                new ChangeId(new DeviceId(r.getDeviceId()), r.getDeviceSeq()),
                new StaffId(r.getAuthorId()), r.getRecordedAt().toInstant());
    }
}
