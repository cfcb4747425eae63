package fr.cercle.persistence.audit;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.audit.ExportedList;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.time.Hlc;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.EntityTable;
import fr.cercle.persistence.write.Operation;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.AUDIT_EVENT;
import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;

/**
 * The audit trail: who created, changed, erased, opened or exported which record, and when. Writes
 * are the change journal's own entries (author, device, clock, entity, id); openings and exports
 * are audit events, recorded through the write path so that they sync like any change, and never
 * changed nor deleted. Nothing here holds a name or a value: only ids (and, for a list's export, the
 * list, its count, its filters' labels and the file's name: {@link ExportedList}).
 */
public final class AuditTrail {

    /** The records whose writes and openings the trail tells: people's files, helpers, staff. */
    private static final Set<String> AUDITED = Set.of(Entities.BENEFICIARY_TABLE.entity(),
            Entities.HELPER_TABLE.entity(), Entities.STAFF_MEMBER_TABLE.entity());
    private static final String EVENT = Entities.AUDIT_EVENT_TABLE.entity();

    /**
     * A person who opens the same file again within this delay (a form reloaded after a sync, a file
     * opened twice in a row) leaves one opening, not several.
     */
    public static final Duration SAME_VIEW = Duration.ofMinutes(10);

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;

    public AuditTrail(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
    }

    /**
     * Records that the viewer opened, or exported, this record, in its own transaction (an opening
     * already recorded within {@link #SAME_VIEW} is not recorded again).
     *
     * @throws IllegalStateException if the viewer acts as no staff member (such an account opens no record)
     */
    public void record(AuditAction action, EntityTable<?> subject, UUID id) {
        StaffId who = viewer.staff().orElseThrow(() -> new IllegalStateException(
                viewer.login() + " acts as no staff member and cannot open " + subject.entity() + " " + id));
        if (action == AuditAction.VIEW && dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_ID.eq(id)
                .and(AUDIT_EVENT.CREATED_BY.eq(who.value()))
                .and(AUDIT_EVENT.ACTION.eq(AuditAction.VIEW.name()))
                .and(AUDIT_EVENT.CREATED_AT.gt(OffsetDateTime.now(clock).minus(SAME_VIEW))))) {
            return;
        }
        writer.run(who, tx -> record(tx, action, subject, id));
    }

    /** Records an opening or an export within a larger transaction, in the name of its author. */
    public static void record(WriteTransaction tx, AuditAction action, EntityTable<?> subject, UUID id) {
        if (action != AuditAction.VIEW && action != AuditAction.EXPORT) {
            throw new IllegalArgumentException("The journal itself tells " + action + "; an audit event is a VIEW or an EXPORT");
        }
        if (!AUDITED.contains(subject.entity())) {
            throw new IllegalArgumentException("Openings of " + subject.entity() + " are not audited");
        }
        tx.save(Values.of(Entities.AUDIT_EVENT_TABLE)
                .set(AUDIT_EVENT.ACTION, action.name())
                .set(AUDIT_EVENT.SUBJECT_ENTITY, subject.entity())
                .set(AUDIT_EVENT.SUBJECT_ID, id)
                .set(AUDIT_EVENT.LIST_NAME, null)
                .set(AUDIT_EVENT.LIST_LINES, null)
                .set(AUDIT_EVENT.LIST_FILTER, null)
                .set(AUDIT_EVENT.FILE_NAME, null), UUID.randomUUID());
    }

    /**
     * Records that the viewer exported a list, in its own transaction: which list, how many lines, the
     * filters, the file's name. A list shows only what the viewer may read, so any viewer who acts as a
     * staff member may export one; the event is about no record (its subject is itself).
     *
     * @throws IllegalStateException if the viewer acts as no staff member
     */
    public void recordList(ExportedList list) {
        StaffId who = viewer.staff().orElseThrow(() -> new IllegalStateException(
                viewer.login() + " acts as no staff member and cannot export the list " + list.list()));
        UUID id = UUID.randomUUID();
        writer.run(who, tx -> tx.save(Values.of(Entities.AUDIT_EVENT_TABLE)
                .set(AUDIT_EVENT.ACTION, AuditAction.EXPORT.name())
                .set(AUDIT_EVENT.SUBJECT_ENTITY, AuditEntry.LIST)
                .set(AUDIT_EVENT.SUBJECT_ID, id)
                .set(AUDIT_EVENT.LIST_NAME, list.list())
                .set(AUDIT_EVENT.LIST_LINES, list.lines())
                .set(AUDIT_EVENT.LIST_FILTER, list.filter())
                .set(AUDIT_EVENT.FILE_NAME, list.fileName()), id));
    }

    /**
     * The lines of the trail that match, newest first, for the viewers {@link NeedToKnow} lets read it.
     *
     * @param zone the time zone the query's days are in
     * @throws AccessDeniedException for any other viewer
     */
    public List<AuditEntry> search(AuditQuery query, ZoneId zone) {
        if (!NeedToKnow.canRead(viewer, Subject.AUDIT)) {
            throw new AccessDeniedException(viewer, Subject.AUDIT, "search the audit trail");
        }
        return lines(query, zone, query.limit());
    }

    private List<AuditEntry> lines(AuditQuery query, ZoneId zone, int limit) {
        Condition condition = CHANGE_JOURNAL.ENTITY.in(AUDITED).or(CHANGE_JOURNAL.ENTITY.eq(EVENT));
        if (query.records().isPresent()) {
            Set<UUID> ids = query.records().get();
            condition = condition.and(CHANGE_JOURNAL.ENTITY.ne(EVENT).and(CHANGE_JOURNAL.ENTITY_ID.in(ids))
                    .or(AUDIT_EVENT.SUBJECT_ID.in(ids)));
        }
        if (query.who().isPresent()) {
            condition = condition.and(CHANGE_JOURNAL.AUTHOR_ID.eq(query.who().get().value()));
        }
        if (query.from().isPresent()) {
            long first = new Hlc(query.from().get().atStartOfDay(zone).toInstant().toEpochMilli(), 0).pack();
            condition = condition.and(CHANGE_JOURNAL.HLC.ge(first));
        }
        if (query.to().isPresent()) {
            long after = new Hlc(query.to().get().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(), 0).pack();
            condition = condition.and(CHANGE_JOURNAL.HLC.lt(after));
        }
        return dsl.select(CHANGE_JOURNAL.HLC, CHANGE_JOURNAL.AUTHOR_ID, CHANGE_JOURNAL.DEVICE_ID, CHANGE_JOURNAL.OPERATION,
                        CHANGE_JOURNAL.ENTITY, CHANGE_JOURNAL.ENTITY_ID, AUDIT_EVENT.ACTION, AUDIT_EVENT.SUBJECT_ENTITY,
                        AUDIT_EVENT.SUBJECT_ID, AUDIT_EVENT.LIST_NAME, AUDIT_EVENT.LIST_LINES, AUDIT_EVENT.LIST_FILTER,
                        AUDIT_EVENT.FILE_NAME)
                .from(CHANGE_JOURNAL)
                .leftJoin(AUDIT_EVENT).on(CHANGE_JOURNAL.ENTITY.eq(EVENT).and(AUDIT_EVENT.ID.eq(CHANGE_JOURNAL.ENTITY_ID)))
                .where(condition)
                .orderBy(CHANGE_JOURNAL.HLC.desc(), CHANGE_JOURNAL.SEQ.desc())
                .limit(limit)
                .fetch(AuditTrail::toEntry);
    }

    /**
     * The lines about one person's file, for a viewer who may read that file: what their right of
     * access lets them know of who opened, changed or exported it (even if the viewer may not search
     * the whole trail).
     *
     * @throws AccessDeniedException if the viewer may not read this file
     */
    public List<AuditEntry> aboutFile(Beneficiary file) {
        if (!NeedToKnow.canRead(viewer, file.referent(), file.domains())) {
            throw new AccessDeniedException(viewer, Subject.BENEFICIARY, "read the trail of beneficiary " + file.id());
        }
        return lines(AuditQuery.everything().about(Set.of(file.id().value())), ZoneOffset.UTC, Integer.MAX_VALUE);
    }

    private static AuditEntry toEntry(Record r) {
        boolean event = EVENT.equals(r.get(CHANGE_JOURNAL.ENTITY));
        AuditAction action = event ? AuditAction.valueOf(r.get(AUDIT_EVENT.ACTION))
                : switch (Operation.valueOf(r.get(CHANGE_JOURNAL.OPERATION))) {
                    case CREATE -> AuditAction.CREATE;
                    case UPDATE -> AuditAction.CHANGE;
                    case DELETE -> AuditAction.ERASE;
                };
        Optional<ExportedList> list = event && r.get(AUDIT_EVENT.LIST_NAME) != null
                ? Optional.of(new ExportedList(r.get(AUDIT_EVENT.LIST_NAME),
                        Optional.ofNullable(r.get(AUDIT_EVENT.LIST_LINES)).orElse(0),
                        Optional.ofNullable(r.get(AUDIT_EVENT.LIST_FILTER)).orElse(""),
                        Optional.ofNullable(r.get(AUDIT_EVENT.FILE_NAME)).orElse("?")))
                : Optional.empty();
        return new AuditEntry(Hlc.unpack(r.get(CHANGE_JOURNAL.HLC)).instant(), new StaffId(r.get(CHANGE_JOURNAL.AUTHOR_ID)),
                action, event ? r.get(AUDIT_EVENT.SUBJECT_ENTITY) : r.get(CHANGE_JOURNAL.ENTITY),
                event ? r.get(AUDIT_EVENT.SUBJECT_ID) : r.get(CHANGE_JOURNAL.ENTITY_ID),
                new DeviceId(r.get(CHANGE_JOURNAL.DEVICE_ID)), list);
    }
}
