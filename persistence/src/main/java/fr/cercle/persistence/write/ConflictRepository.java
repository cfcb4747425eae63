package fr.cercle.persistence.write;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.Version;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.jooq.tables.records.ConflictValueRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CONFLICT_VALUE;

/**
 * The conflicts waiting for a person, and their decisions. A decision is an edit like any other: it
 * syncs, and every installation that receives it ends the same conflict.
 */
public final class ConflictRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Viewer viewer;

    public ConflictRepository(DSLContext dsl, ChangeWriter writer, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.viewer = viewer;
    }

    /**
     * How many conflicts wait on this installation, whoever may settle them: a number without
     * personal data, for the sync status. {@link #all()} lists those this viewer may see.
     */
    public static int pending(DSLContext dsl) {
        return dsl.fetchCount(dsl.selectDistinct(CONFLICT_VALUE.ENTITY, CONFLICT_VALUE.ENTITY_ID, CONFLICT_VALUE.FIELD)
                .from(CONFLICT_VALUE));
    }

    /** Every conflict this viewer may settle (those of records they may write), oldest first. */
    public List<Conflict> all() {
        return conflicts(dsl.selectFrom(CONFLICT_VALUE).orderBy(CONFLICT_VALUE.DETECTED_AT, CONFLICT_VALUE.HLC).fetch());
    }

    /** The conflicts of one record. */
    public List<Conflict> of(String entity, UUID id) {
        return conflicts(dsl.selectFrom(CONFLICT_VALUE)
                .where(CONFLICT_VALUE.ENTITY.eq(entity).and(CONFLICT_VALUE.ENTITY_ID.eq(id)))
                .orderBy(CONFLICT_VALUE.HLC).fetch());
    }

    /**
     * Settles a conflict with the chosen value (one of the values shown, or a new one written by the
     * person), in the value's exchange form.
     *
     * @throws IllegalArgumentException if the value does not fit the field
     */
    public Change decide(StaffId author, Conflict conflict, Object value) {
        EntityTable<?> table = Entities.byName(conflict.entity())
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity " + conflict.entity()));
        Field<?> field = table.field(conflict.field())
                .orElseThrow(() -> new IllegalArgumentException("Unknown field " + conflict.field()));
        Object column = table.toColumn(field, value);
        return writer.write(author, tx -> {
            Record row = tx.read().selectFrom(table.table()).where(table.id().eq(conflict.entityId())).fetchOne();
            if (row == null || !mayWrite(conflict.entity(), row)) {
                throw new AccessDeniedException(viewer, subject(conflict.entity()),
                        "settle a conflict on " + conflict.entity() + " " + conflict.entityId());
            }
            return tx.decide(table, conflict.entityId(), field, column);
        });
    }

    private List<Conflict> conflicts(List<ConflictValueRecord> losers) {
        Map<List<Object>, List<ConflictValueRecord>> byField = new LinkedHashMap<>();
        losers.forEach(l -> byField.computeIfAbsent(List.of(l.getEntity(), l.getEntityId(), l.getField()),
                k -> new ArrayList<>()).add(l));
        VersionStore store = new VersionStore(dsl);
        List<Conflict> conflicts = new ArrayList<>();
        byField.forEach((key, values) -> {
            ConflictValueRecord first = values.get(0);
            EntityTable<?> table = Entities.byName(first.getEntity()).orElse(null);
            if (table == null) {
                return;
            }
            Record row = dsl.selectFrom(table.table()).where(table.id().eq(first.getEntityId())).fetchOne();
            Field<?> field = table.field(first.getField()).orElse(null);
            Version winner = store.versions(first.getEntity(), first.getEntityId()).get(first.getField());
            if (row == null || field == null || winner == null || !mayWrite(first.getEntity(), row)) {
                return;
            }
            Object currentValue = JsonValues.plain(JsonValues.columnNode(row.get(field), table.isJsonArray(field)));
            Conflict.Value current = new Conflict.Value(currentValue, winner.change(), winner.hlc().instant(),
                    store.entry(winner.change()).map(JournalEntry::author).orElse(null));
            List<Conflict.Value> others = values.stream()
                    .map(l -> new Conflict.Value(JsonValues.plain(JsonValues.tree(l.getFieldValue())),
                            VersionStore.version(l).change(), VersionStore.version(l).hlc().instant(),
                            new StaffId(l.getAuthorId())))
                    .toList();
            conflicts.add(new Conflict(first.getEntity(), first.getEntityId(), label(first.getEntity(), row), first.getField(), current, others));
        });
        return conflicts;
    }

    /**
     * Whether this viewer may see and settle a conflict on this row: the values in conflict are the
     * record's own, so the rules are the record's.
     */
    private boolean mayWrite(String entity, Record row) {
        fr.cercle.model.access.Part part = PROFILE_PARTS.get(entity);
        if (row.field("BENEFICIARY_ID") != null) {
            // What belongs to a file (a need, a follow-up, a heatwave call, a domain profile): the
            // file's rule, and for a profile the part of the file the viewer sees.
            Record file = dsl.select(BENEFICIARY.REFERENT_ID, BENEFICIARY.DOMAINS).from(BENEFICIARY)
                    .where(BENEFICIARY.ID.eq(row.get("BENEFICIARY_ID", UUID.class))).fetchOne();
            if (file == null || (part != null && !NeedToKnow.visibleParts(viewer).contains(part))) {
                return false;
            }
            UUID referent = file.get(BENEFICIARY.REFERENT_ID);
            return NeedToKnow.canRead(viewer, referent == null ? null : new StaffId(referent),
                    Columns.enumSet(Domain.class, file.get(BENEFICIARY.DOMAINS)));
        }
        Subject subject = subject(entity);
        if (subject == Subject.BENEFICIARY && row.field("REFERENT_ID") != null) {
            UUID referent = row.get(BENEFICIARY.REFERENT_ID);
            return NeedToKnow.canRead(viewer, referent == null ? null : new StaffId(referent),
                    Columns.enumSet(Domain.class, row.get(BENEFICIARY.DOMAINS)));
        }
        return NeedToKnow.canWrite(viewer, subject);
    }

    private static Subject subject(String entity) {
        if (entity.equals(Entities.BENEFICIARY_TABLE.entity())) {
            return Subject.BENEFICIARY;
        }
        if (entity.equals(Entities.HELPER_TABLE.entity())) {
            return Subject.HELPER;
        }
        if (entity.equals(Entities.HEATWAVE_CAMPAIGN_TABLE.entity())) {
            return Subject.BENEFICIARY; // the town hall's campaign: who may write files settles it
        }
        return Subject.STAFF; // the staff and the structure: the administrator's
    }

    /** The part of a file each domain profile is (need-to-know). */
    private static final Map<String, fr.cercle.model.access.Part> PROFILE_PARTS = Map.of(
            Entities.ELDERLY_PROFILE_TABLE.entity(), fr.cercle.model.profile.ElderlyProfile.PART,
            Entities.HEALTH_PROFILE_TABLE.entity(), fr.cercle.model.profile.HealthProfile.PART,
            Entities.SCHOOL_PROFILE_TABLE.entity(), fr.cercle.model.profile.SchoolProfile.PART);

    private String label(String entity, Record row) {
        Field<?> file = row.field("BENEFICIARY_ID");
        if (file != null) {
            // What belongs to a file is named by its person.
            Record person = dsl.select(BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME).from(BENEFICIARY)
                    .where(BENEFICIARY.ID.eq(row.get(file, UUID.class))).fetchOne();
            if (person != null) {
                return (Objects.toString(person.get(BENEFICIARY.FIRST_NAME), "") + " "
                        + Objects.toString(person.get(BENEFICIARY.LAST_NAME), "")).strip();
            }
        }
        return plainLabel(row);
    }

    private static String plainLabel(Record row) {
        Field<?> first = row.field("FIRST_NAME");
        Field<?> last = row.field("LAST_NAME");
        if (first != null && last != null) {
            return (Objects.toString(row.get(first), "") + " " + Objects.toString(row.get(last), "")).strip();
        }
        Field<?> name = row.field("STRUCTURE_NAME");
        return name == null ? "" : Objects.toString(row.get(name), "");
    }
}
