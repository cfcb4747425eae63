package fr.cercle.sync.server;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.model.time.Hlc;
import fr.cercle.model.sync.Version;
import fr.cercle.persistence.write.IncomingChange;
import fr.cercle.persistence.write.Operation;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static fr.cercle.sync.server.jooq.Tables.RECORD_SCOPE;
import static fr.cercle.sync.server.jooq.Tables.SCOPE_MOVE;
import static fr.cercle.sync.server.jooq.Tables.STAFF_SCOPE;

/**
 * Decides, inside one push's transaction, which organisation's scope each appended change belongs to
 * (docs/exchange-format.md, section 13): installations and staff members are shared; a beneficiary
 * belongs to its referent's organisation, following the referent field's latest version, the one
 * every installation's merge keeps; a helper or a heatwave campaign to the organisation of the device
 * that created it; an audit event to the scope of the record it is about; a need, a contribution, a
 * follow-up, a profile or a heatwave call to its person's file. A beneficiary whose referent moves to another
 * organisation's staff member makes a move, which the pulls of both organisations see in order.
 */
final class Scopes {

    /** The entities that belong to a person's file: they go where the file goes. */
    static final java.util.List<String> OF_A_FILE = java.util.List.of("need", "contribution", "follow_up",
            "elderly_profile", "health_profile", "school_profile", "heatwave_call");

    /** Where a change belongs: {@code organisation} null for shared. */
    record Scope(String organisation, UUID scopeId) {
        static final Scope SHARED = new Scope(null, null);
    }

    /** A record leaving one organisation for another, at a cursor. */
    record Move(long seq, String entity, UUID id, String from, String to) {
    }

    private static final class State {
        final String entity;
        String organisation;
        Version referent;
        UUID parent;
        boolean dirty;

        State(String entity, String organisation, Version referent) {
            this.entity = entity;
            this.organisation = organisation;
            this.referent = referent;
        }
    }

    private final DSLContext tx;
    /** The organisation of the device pushing, or null for a bundle brought without one (no scope). */
    private final String pusher;
    private final Map<UUID, Optional<String>> staff = new HashMap<>();
    private final Map<UUID, String> newStaff = new LinkedHashMap<>();
    private final Map<UUID, Optional<State>> records = new HashMap<>();
    private final List<Move> moves = new ArrayList<>();

    Scopes(DSLContext tx, String pusher) {
        this.tx = tx;
        this.pusher = pusher;
    }

    /**
     * The scope of {@code change}, just numbered; {@code nextSeq} numbers the move, when the change
     * moves its record to another organisation.
     */
    Scope of(IncomingChange change, java.util.function.LongSupplier nextSeq) {
        if (pusher == null) {
            return Scope.SHARED;
        }
        UUID id = change.entityId();
        switch (change.entity()) {
            case "staff_member" -> {
                if (change.operation() == Operation.CREATE && staffOrganisation(id).isEmpty()) {
                    staff.put(id, Optional.of(pusher));
                    newStaff.put(id, pusher);
                }
                return Scope.SHARED;
            }
            case "beneficiary" -> {
                return new Scope(beneficiary(change, nextSeq), id);
            }
            case "helper", "heatwave_campaign" -> {
                // A helper, like a heatwave campaign, stays with the organisation that recorded it.
                State state = record(id).orElseGet(() -> created(id, change.entity(), pusher, null));
                return new Scope(state.organisation, id);
            }
            case "need", "contribution", "follow_up", "elderly_profile", "health_profile", "school_profile",
                 "heatwave_call" -> {
                // What belongs to a person's file goes where the file goes.
                Optional<UUID> named = uuid(change.fields().get("beneficiary_id"));
                UUID file = named.orElseGet(() -> record(id).map(s -> s.parent).orElse(null));
                if (file == null) {
                    return new Scope(pusher, id);
                }
                if (named.isPresent() && record(id).map(s -> !file.equals(s.parent)).orElse(true)) {
                    State state = created(id, change.entity(), pusher, null);
                    state.parent = file;
                }
                return new Scope(record(file).map(s -> s.organisation).orElse(pusher), file);
            }
            case "audit_event" -> {
                UUID subject = uuid(change.fields().get("subject_id")).orElse(id);
                return new Scope(record(subject).map(s -> s.organisation).orElse(pusher), subject);
            }
            default -> {
                return Scope.SHARED;
            }
        }
    }

    private String beneficiary(IncomingChange change, java.util.function.LongSupplier nextSeq) {
        UUID id = change.entityId();
        boolean namesReferent = change.fields().containsKey("referent_id");
        Optional<UUID> referent = namesReferent ? uuid(change.fields().get("referent_id")) : Optional.empty();
        Optional<State> known = change.operation() == Operation.CREATE && !records.containsKey(id)
                ? Optional.empty() // a new record: no lookup for the bulk of a first sync
                : record(id);
        if (known.isEmpty()) {
            String organisation = referent.flatMap(this::staffOrganisation).orElse(pusher);
            created(id, "beneficiary", organisation, namesReferent ? change.version() : null);
            return organisation;
        }
        State state = known.get();
        if (namesReferent && change.operation() != Operation.DELETE
                && replaces(change, state.referent)) {
            state.referent = change.version();
            state.dirty = true;
            Optional<String> now = referent.flatMap(this::staffOrganisation);
            if (now.isPresent() && !now.get().equals(state.organisation)) {
                // The change that moves the record is the last one of its old scope; the new one gets
                // it with the record's history, at the move, numbered right after it.
                String before = state.organisation;
                moves.add(new Move(nextSeq.getAsLong(), "beneficiary", id, before, now.get()));
                state.organisation = now.get();
                return before;
            }
        }
        return state.organisation;
    }

    /**
     * Whether the change's referent replaces the one in force, as every installation's merge decides
     * (FieldMerge): a change that saw the version in force replaces it, whatever the clocks say (a PC
     * days behind does not follow a clock it finds absurd); otherwise the later version wins.
     */
    private static boolean replaces(IncomingChange change, Version inForce) {
        return inForce == null
                || change.base().getOrDefault("referent_id", java.util.Set.of()).contains(inForce.change())
                || change.version().isAfter(inForce);
    }

    private State created(UUID id, String entity, String organisation, Version referent) {
        State state = new State(entity, organisation, referent);
        state.dirty = true;
        records.put(id, Optional.of(state));
        return state;
    }

    private Optional<State> record(UUID id) {
        return records.computeIfAbsent(id, key -> tx.selectFrom(RECORD_SCOPE).where(RECORD_SCOPE.ENTITY_ID.eq(key))
                .fetchOptional()
                .map(r -> {
                    State state = new State(r.getEntity(), r.getOrganisation(), r.getReferentHlc() == null ? null
                            : new Version(new ChangeId(new DeviceId(r.getReferentDevice()), r.getReferentSeq()),
                            Hlc.unpack(r.getReferentHlc())));
                    state.parent = r.getParentId();
                    return state;
                }));
    }

    private Optional<String> staffOrganisation(UUID id) {
        return staff.computeIfAbsent(id, key -> tx.select(STAFF_SCOPE.ORGANISATION).from(STAFF_SCOPE)
                .where(STAFF_SCOPE.STAFF_ID.eq(key)).fetchOptional(STAFF_SCOPE.ORGANISATION));
    }

    private static Optional<UUID> uuid(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes what changed since the last time: new staff, records' scopes, moves. */
    void flush() {
        newStaff.forEach((id, organisation) -> tx.insertInto(STAFF_SCOPE, STAFF_SCOPE.STAFF_ID, STAFF_SCOPE.ORGANISATION)
                .values(id, organisation).onConflictDoNothing().execute());
        newStaff.clear();
        var batch = tx.batch(tx.insertInto(RECORD_SCOPE, RECORD_SCOPE.ENTITY_ID, RECORD_SCOPE.ENTITY, RECORD_SCOPE.ORGANISATION,
                        RECORD_SCOPE.REFERENT_HLC, RECORD_SCOPE.REFERENT_DEVICE, RECORD_SCOPE.REFERENT_SEQ, RECORD_SCOPE.PARENT_ID)
                .values((UUID) null, null, null, null, null, null, null)
                .onConflict(RECORD_SCOPE.ENTITY_ID).doUpdate()
                .set(RECORD_SCOPE.ORGANISATION, (String) null)
                .set(RECORD_SCOPE.REFERENT_HLC, (Long) null)
                .set(RECORD_SCOPE.REFERENT_DEVICE, (UUID) null)
                .set(RECORD_SCOPE.REFERENT_SEQ, (Long) null)
                .set(RECORD_SCOPE.PARENT_ID, (UUID) null));
        int count = 0;
        for (Map.Entry<UUID, Optional<State>> e : records.entrySet()) {
            if (e.getValue().isEmpty() || !e.getValue().get().dirty) {
                continue;
            }
            State s = e.getValue().get();
            Long hlc = s.referent == null ? null : s.referent.hlc().pack();
            UUID device = s.referent == null ? null : s.referent.change().device().value();
            Long seq = s.referent == null ? null : s.referent.change().seq();
            batch.bind(e.getKey(), s.entity, s.organisation, hlc, device, seq, s.parent, s.organisation, hlc, device, seq, s.parent);
            s.dirty = false;
            count++;
        }
        if (count > 0) {
            batch.execute();
        }
        for (Move move : moves) {
            tx.insertInto(SCOPE_MOVE, SCOPE_MOVE.SERVER_SEQ, SCOPE_MOVE.ENTITY, SCOPE_MOVE.ENTITY_ID, SCOPE_MOVE.FROM_ORG,
                    SCOPE_MOVE.TO_ORG).values(move.seq(), move.entity(), move.id(), move.from(), move.to()).execute();
        }
        moves.clear();
    }
}
