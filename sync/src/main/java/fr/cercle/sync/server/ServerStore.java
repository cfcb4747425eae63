package fr.cercle.sync.server;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.persistence.write.IncomingChange;
import fr.cercle.persistence.write.Operation;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleKind;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.format.BundleReader;
import fr.cercle.sync.format.BundleWriter;
import fr.cercle.sync.format.ChangeCodec;
import fr.cercle.sync.server.jooq.tables.records.ScopeMoveRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static fr.cercle.sync.server.jooq.Tables.CHANGE_LOG;
import static fr.cercle.sync.server.jooq.Tables.DEVICE_PROGRESS;
import static fr.cercle.sync.server.jooq.Tables.HELD_CHANGE;
import static fr.cercle.sync.server.jooq.Tables.RECEIVED_BUNDLE;
import static fr.cercle.sync.server.jooq.Tables.SCOPE_MOVE;
import static fr.cercle.sync.server.jooq.Tables.SERVER_COUNTER;
import static fr.cercle.sync.server.jooq.Tables.SERVER_INFO;

/**
 * What the central server keeps: every change received, in commit order, for devices to pull. The
 * server does not merge: each installation merges with the same rule (FieldMerge); the server orders,
 * deduplicates, holds changes that come after a gap, and never loses one. It keeps no state in memory,
 * so several instances can serve one PostgreSQL database side by side.
 */
public final class ServerStore {

    private static final Logger LOG = LoggerFactory.getLogger(ServerStore.class);
    static final String EPOCH = "epoch";

    private final DSLContext dsl;
    private final BundleLimits limits;
    private final Clock clock;
    private final String name;

    public ServerStore(ServerDatabase db, BundleLimits limits, Clock clock, String name) {
        this.dsl = db.dsl();
        this.limits = limits;
        this.clock = clock;
        this.name = name;
        dsl.insertInto(SERVER_INFO, SERVER_INFO.INFO_KEY, SERVER_INFO.INFO_VALUE)
                .values(EPOCH, UUID.randomUUID().toString())
                .onDuplicateKeyIgnore()
                .execute();
    }

    public UUID epoch() {
        return UUID.fromString(dsl.select(SERVER_INFO.INFO_VALUE).from(SERVER_INFO)
                .where(SERVER_INFO.INFO_KEY.eq(EPOCH)).fetchSingle(SERVER_INFO.INFO_VALUE));
    }

    /**
     * A new epoch, after the database was restored from a backup: every device then pulls again from
     * the start and sends again what the server lacks.
     */
    public UUID renewEpoch() {
        UUID epoch = UUID.randomUUID();
        dsl.update(SERVER_INFO).set(SERVER_INFO.INFO_VALUE, epoch.toString()).where(SERVER_INFO.INFO_KEY.eq(EPOCH)).execute();
        LOG.info("New server epoch {}", epoch);
        return epoch;
    }

    public ServerStatus status(DeviceId device) {
        long cursor = dsl.select(SERVER_COUNTER.LAST_SEQ).from(SERVER_COUNTER).where(SERVER_COUNTER.ID.eq(1))
                .fetchSingle(SERVER_COUNTER.LAST_SEQ);
        return new ServerStatus(epoch(), cursor, device == null ? 0 : progress(dsl, device),
                dsl.fetchCount(DEVICE_PROGRESS));
    }

    /**
     * Receives a push bundle file brought by hand (a USB key, the drop folder): it comes from the
     * device its header names. See {@link #push(Path, DeviceId)}.
     */
    public PushResult push(Path bundle) throws BundleException, IOException {
        return push(bundle, null);
    }

    /**
     * Receives a push bundle file from a device: its integrity verified first, then each change
     * parsed, checked and appended in one transaction, which rolls back if any is refused. A device
     * pushes only its own changes: the bundle's origin must be {@code sender} (when the request told
     * who sends it), and every change must have been made by that origin.
     */
    public PushResult push(Path bundle, DeviceId sender) throws BundleException, IOException {
        return push(bundle, sender, null);
    }

    /**
     * As {@link #push(Path, DeviceId)}, for a bundle that came sealed with the id {@code sealedId}: the
     * id is recorded in the same transaction, and a bundle whose id was recorded before is refused.
     */
    public PushResult push(Path bundle, DeviceId sender, UUID sealedId) throws BundleException, IOException {
        return push(bundle, sender, sealedId, null);
    }

    /**
     * As {@link #push(Path, DeviceId, UUID)}, from a device of {@code organisation}: each change is put
     * in the scope it belongs to (Scopes), so that pulls by organisation send it where it belongs.
     * Without an organisation, changes are shared by all.
     */
    public PushResult push(Path bundle, DeviceId sender, UUID sealedId, String organisation)
            throws BundleException, IOException {
        BundleHeader checked;
        try (InputStream in = Files.newInputStream(bundle)) {
            checked = BundleReader.verify(in, limits);
        }
        if (checked.kind() != BundleKind.PUSH) {
            throw new BundleException(BundleException.Problem.MALFORMED, 1,
                    "the server takes push bundles, and this one is a " + checked.kind().wireName());
        }
        DeviceId origin = checked.origin();
        if (sender != null && !sender.equals(origin)) {
            throw new BundleException(BundleException.Problem.FOREIGN, 1, "the bundle comes from device " + origin
                    + ", not from the device " + sender + " that sends it");
        }
        long[] counts = new long[3];
        try {
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                // The counter's row lock, held until commit, makes pushes commit in cursor order.
                long last = tx.select(SERVER_COUNTER.LAST_SEQ).from(SERVER_COUNTER).where(SERVER_COUNTER.ID.eq(1))
                        .forUpdate().fetchSingle(SERVER_COUNTER.LAST_SEQ);
                if (sealedId != null && tx.insertInto(RECEIVED_BUNDLE, RECEIVED_BUNDLE.BUNDLE_ID, RECEIVED_BUNDLE.DEVICE_ID,
                                RECEIVED_BUNDLE.RECEIVED_AT)
                        .values(sealedId, origin.value(), OffsetDateTime.now(clock))
                        .onDuplicateKeyIgnore()
                        .execute() == 0) {
                    throw new BundleException(BundleException.Problem.REPLAYED, 0,
                            "this bundle (" + sealedId + ") was already received once");
                }
                Appender appender = new Appender(tx, last, OffsetDateTime.now(clock), new Scopes(tx, organisation));
                try (InputStream in = Files.newInputStream(bundle)) {
                    BundleReader.read(in, limits, (change, json, line) -> {
                        if (!change.change().device().equals(origin)) {
                            throw new BundleException(BundleException.Problem.FOREIGN, line, "the change "
                                    + change.change() + " was made by another device than the bundle's origin, " + origin);
                        }
                        counts[appender.receive(change, json)]++;
                    });
                }
                appender.finish();
            });
        } catch (DataAccessException e) {
            if (e.getCause() instanceof BundleException bundleProblem) {
                throw bundleProblem;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        long acknowledged = checked.origin() == null ? 0 : progress(dsl, checked.origin());
        LOG.info("Push {} from {}: {} appended, {} already here, {} held", checked.bundleId(), checked.origin(),
                counts[0], counts[1], counts[2]);
        return new PushResult(counts[0], counts[1], counts[2], acknowledged, epoch());
    }

    /**
     * Writes, as a pull bundle, the changes after {@code afterCursor} that did not come from this
     * device, at most {@code limit} of them. The bundle's range ends at the last cursor looked at.
     */
    public BundleHeader pull(DeviceId device, long afterCursor, int limit, OutputStream out, boolean gzip)
            throws IOException {
        return pull(device, afterCursor, limit, out, gzip, null);
    }

    /**
     * As {@link #pull(DeviceId, long, int, OutputStream, boolean)}, for a device of
     * {@code organisation} (null: every change): only the changes within the organisation's scope
     * (docs/exchange-format.md, section 13). A record entering the scope comes with its whole history,
     * its own device's changes included; a record leaving it ends the page and is named in the
     * header's {@code leaving}; the header's {@code horizon} tells how far each device's changes were
     * looked at, those left out included.
     */
    public BundleHeader pull(DeviceId device, long afterCursor, int limit, OutputStream out, boolean gzip,
                             String organisation) throws IOException {
        if (organisation != null) {
            return pullScoped(device, afterCursor, limit, out, gzip, organisation);
        }
        try (BundleWriter writer = new BundleWriter()) {
            long to = afterCursor;
            int rows = 0;
            for (Record3<Long, UUID, String> row : dsl.select(CHANGE_LOG.SERVER_SEQ, CHANGE_LOG.DEVICE_ID, CHANGE_LOG.CHANGE_JSON)
                    .from(CHANGE_LOG)
                    .where(CHANGE_LOG.SERVER_SEQ.gt(afterCursor))
                    .orderBy(CHANGE_LOG.SERVER_SEQ)
                    .limit(limit)
                    .fetchSize(1_000)
                    .fetchLazy()) {
                to = row.value1();
                rows++;
                if (device == null || !device.value().equals(row.value2())) {
                    writer.add(row.value3());
                }
            }
            Map<DeviceId, Long> acknowledged = device == null ? Map.of() : Map.of(device, progress(dsl, device));
            LOG.debug("Pull by {} after {}: {} rows looked at", device, afterCursor, rows);
            return writer.finish(new BundleWriter.Draft(null, name, BundleKind.PULL, afterCursor, to, epoch(), acknowledged),
                    clock, out, gzip);
        }
    }

    private BundleHeader pullScoped(DeviceId device, long afterCursor, int limit, OutputStream out, boolean gzip,
                                    String organisation) throws IOException {
        // Read first: every row up to this cursor is committed (the counter is written in the same
        // transaction as the rows, under its lock).
        long top = dsl.select(SERVER_COUNTER.LAST_SEQ).from(SERVER_COUNTER).where(SERVER_COUNTER.ID.eq(1))
                .fetchSingle(SERVER_COUNTER.LAST_SEQ);
        java.util.ArrayDeque<ScopeMoveRecord> moves = new java.util.ArrayDeque<>(dsl.selectFrom(SCOPE_MOVE)
                .where(SCOPE_MOVE.SERVER_SEQ.gt(afterCursor).and(SCOPE_MOVE.SERVER_SEQ.le(top))
                        .and(SCOPE_MOVE.FROM_ORG.eq(organisation).or(SCOPE_MOVE.TO_ORG.eq(organisation))))
                .orderBy(SCOPE_MOVE.SERVER_SEQ)
                .fetch());
        try (BundleWriter writer = new BundleWriter()) {
            long to = afterCursor;
            int rows = 0;
            Leave leave = null;
            try (var cursor = dsl.select(CHANGE_LOG.SERVER_SEQ, CHANGE_LOG.DEVICE_ID, CHANGE_LOG.CHANGE_JSON)
                    .from(CHANGE_LOG)
                    .where(CHANGE_LOG.SERVER_SEQ.gt(afterCursor).and(CHANGE_LOG.SERVER_SEQ.le(top))
                            .and(CHANGE_LOG.ORGANISATION.isNull().or(CHANGE_LOG.ORGANISATION.eq(organisation))))
                    .orderBy(CHANGE_LOG.SERVER_SEQ)
                    .limit(limit)
                    .fetchSize(1_000)
                    .fetchLazy()) {
                for (Record3<Long, UUID, String> row : cursor) {
                    leave = moves(moves, row.value1(), organisation, writer);
                    if (leave != null) {
                        to = leave.seq();
                        break;
                    }
                    to = row.value1();
                    rows++;
                    if (!device.value().equals(row.value2())) {
                        writer.add(row.value3());
                    }
                }
            }
            if (leave == null && rows < limit) {
                // Every row up to the top was looked at: the moves left after the last one come too.
                leave = moves(moves, Long.MAX_VALUE, organisation, writer);
                to = leave != null ? leave.seq() : top;
            }
            Map<DeviceId, Long> horizon = new java.util.LinkedHashMap<>();
            for (var row : dsl.select(CHANGE_LOG.DEVICE_ID, org.jooq.impl.DSL.max(CHANGE_LOG.DEVICE_SEQ)).from(CHANGE_LOG)
                    .where(CHANGE_LOG.SERVER_SEQ.gt(afterCursor).and(CHANGE_LOG.SERVER_SEQ.le(to))
                            .and(CHANGE_LOG.DEVICE_ID.ne(device.value())))
                    .groupBy(CHANGE_LOG.DEVICE_ID).fetch()) {
                horizon.put(new DeviceId(row.value1()), row.value2());
            }
            Map<DeviceId, Long> acknowledged = Map.of(device, progress(dsl, device));
            return writer.finish(new BundleWriter.Draft(null, name, BundleKind.PULL, afterCursor, to, epoch(), acknowledged,
                    horizon, leave == null ? List.of() : leave.records()), clock, out, gzip);
        }
    }

    /** A record leaving the organisation's scope, at a cursor, with the records that go with it (its needs, its help, its follow-ups). */
    private record Leave(long seq, List<BundleHeader.Leaving> records) {
    }

    /**
     * Takes the moves before cursor {@code before}: a record entering the organisation's scope is
     * written with its whole history; the first one leaving it is returned (the page ends there).
     */
    private Leave moves(java.util.ArrayDeque<ScopeMoveRecord> moves, long before, String organisation, BundleWriter writer) {
        while (!moves.isEmpty() && moves.peekFirst().getServerSeq() < before) {
            ScopeMoveRecord move = moves.pollFirst();
            if (!move.getToOrg().equals(organisation)) {
                List<BundleHeader.Leaving> records = new ArrayList<>();
                records.add(new BundleHeader.Leaving(move.getEntity(), move.getEntityId()));
                dsl.selectDistinct(CHANGE_LOG.ENTITY, CHANGE_LOG.ENTITY_ID).from(CHANGE_LOG)
                        .where(CHANGE_LOG.SCOPE_ID.eq(move.getEntityId()).and(CHANGE_LOG.ENTITY.in(Scopes.OF_A_FILE))
                                .and(CHANGE_LOG.SERVER_SEQ.lt(move.getServerSeq())))
                        .forEach(r -> records.add(new BundleHeader.Leaving(r.value1(), r.value2())));
                return new Leave(move.getServerSeq(), records);
            }
            for (String json : dsl.select(CHANGE_LOG.CHANGE_JSON).from(CHANGE_LOG)
                    .where(CHANGE_LOG.SCOPE_ID.eq(move.getEntityId()).and(CHANGE_LOG.SERVER_SEQ.lt(move.getServerSeq())))
                    .orderBy(CHANGE_LOG.SERVER_SEQ)
                    .fetch(CHANGE_LOG.CHANGE_JSON)) {
                writer.add(json);
            }
        }
        return null;
    }

    /** Whether a sealed bundle with this id was received before. */
    public boolean received(UUID sealedId) {
        return dsl.fetchExists(RECEIVED_BUNDLE, RECEIVED_BUNDLE.BUNDLE_ID.eq(sealedId));
    }

    private static long progress(DSLContext dsl, DeviceId device) {
        return Optional.ofNullable(dsl.select(DEVICE_PROGRESS.LAST_SEQ).from(DEVICE_PROGRESS)
                .where(DEVICE_PROGRESS.DEVICE_ID.eq(device.value())).fetchOne(DEVICE_PROGRESS.LAST_SEQ)).orElse(0L);
    }

    /** Appends the changes of one push, inside its transaction. */
    private static final class Appender {
        /** How many changes wait before they are written together. */
        private static final int BATCH = 500;

        private final DSLContext tx;
        private final OffsetDateTime now;
        private final Scopes scopes;
        private final Map<DeviceId, Long> progress = new HashMap<>();
        private final List<Pending> pending = new ArrayList<>();
        private long last;

        /** A change given its cursor and scope, not yet written. */
        private record Pending(long seq, IncomingChange change, String json, Scopes.Scope scope) {
        }

        Appender(DSLContext tx, long last, OffsetDateTime now, Scopes scopes) {
            this.tx = tx;
            this.last = last;
            this.now = now;
            this.scopes = scopes;
        }

        /** 0 appended, 1 duplicate, 2 held. */
        int receive(IncomingChange change, String json) {
            DeviceId device = change.change().device();
            long known = progress.computeIfAbsent(device, d -> ServerStore.progress(tx, d));
            long seq = change.change().seq();
            if (seq <= known) {
                return 1;
            }
            if (seq > known + 1) {
                tx.insertInto(HELD_CHANGE)
                        .set(HELD_CHANGE.DEVICE_ID, device.value()).set(HELD_CHANGE.DEVICE_SEQ, seq)
                        .set(HELD_CHANGE.CHANGE_JSON, json).set(HELD_CHANGE.RECEIVED_AT, now)
                        .onDuplicateKeyIgnore()
                        .execute();
                return 2;
            }
            append(change, json);
            long next = seq + 1;
            for (var held = held(device, next); held != null; held = held(device, ++next)) {
                tx.deleteFrom(HELD_CHANGE).where(HELD_CHANGE.DEVICE_ID.eq(device.value())
                        .and(HELD_CHANGE.DEVICE_SEQ.eq(next))).execute();
                try {
                    append(fr.cercle.sync.format.ChangeCodec.read(
                            held.getChangeJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0), held.getChangeJson());
                } catch (BundleException e) {
                    throw new IllegalStateException("A held change no longer reads: " + e.getMessage(), e);
                }
            }
            progress.put(device, next - 1);
            return 0;
        }

        private fr.cercle.sync.server.jooq.tables.records.HeldChangeRecord held(DeviceId device, long seq) {
            return tx.selectFrom(HELD_CHANGE).where(HELD_CHANGE.DEVICE_ID.eq(device.value())
                    .and(HELD_CHANGE.DEVICE_SEQ.eq(seq))).fetchOne();
        }

        /**
         * Appends one change, in cursor order. A deletion erases its record: the record's earlier
         * changes are rewritten as deletions, and a change of it arriving later is stored as one
         * (docs/exchange-format.md, 7.4). Other changes wait in a batch, written with one query that
         * finds which of their records are erased and one batched insert.
         */
        private void append(IncomingChange change, String json) {
            long seq = ++last;
            Scopes.Scope scope = scopes.of(change, () -> ++last);
            if (change.operation() != Operation.DELETE) {
                pending.add(new Pending(seq, change, json, scope));
                if (pending.size() >= BATCH) {
                    flush();
                }
                return;
            }
            flush();
            insert(seq, change, json, scope);
            eraseEarlier(change.entityId());
        }

        /** Writes the waiting changes, each of an erased record as the deletion it now is. */
        private void flush() {
            scopes.flush();
            if (pending.isEmpty()) {
                return;
            }
            Set<UUID> ids = new HashSet<>();
            pending.forEach(p -> ids.add(p.change().entityId()));
            Set<UUID> erased = new HashSet<>(tx.selectDistinct(CHANGE_LOG.ENTITY_ID).from(CHANGE_LOG)
                    .where(CHANGE_LOG.ENTITY_ID.in(ids).and(CHANGE_LOG.OPERATION.eq(Operation.DELETE.name())))
                    .fetch(CHANGE_LOG.ENTITY_ID));
            BatchBindStep batch = tx.batch(tx.insertInto(CHANGE_LOG, CHANGE_LOG.SERVER_SEQ, CHANGE_LOG.DEVICE_ID,
                            CHANGE_LOG.DEVICE_SEQ, CHANGE_LOG.ENTITY, CHANGE_LOG.ENTITY_ID, CHANGE_LOG.OPERATION,
                            CHANGE_LOG.HLC, CHANGE_LOG.AUTHOR_ID, CHANGE_LOG.CHANGE_JSON, CHANGE_LOG.RECEIVED_AT,
                            CHANGE_LOG.ORGANISATION, CHANGE_LOG.SCOPE_ID)
                    .values((Long) null, null, null, null, null, null, null, null, null, null, null, null));
            for (Pending p : pending) {
                IncomingChange change = p.change();
                String json = p.json();
                if (erased.contains(change.entityId())) {
                    change = change.erased();
                    json = ChangeCodec.toJson(change).toString();
                }
                batch.bind(p.seq(), change.change().device().value(), change.change().seq(), change.entity(),
                        change.entityId(), change.operation().name(), change.hlc().pack(), change.author().value(),
                        json, now, p.scope().organisation(), p.scope().scopeId());
            }
            batch.execute();
            pending.clear();
        }

        private void eraseEarlier(UUID id) {
            for (var row : tx.select(CHANGE_LOG.SERVER_SEQ, CHANGE_LOG.CHANGE_JSON).from(CHANGE_LOG)
                    .where(CHANGE_LOG.ENTITY_ID.eq(id).and(CHANGE_LOG.OPERATION.ne(Operation.DELETE.name())))
                    .fetch()) {
                IncomingChange earlier;
                try {
                    earlier = ChangeCodec.read(row.value2().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
                } catch (BundleException e) {
                    throw new IllegalStateException("A stored change no longer reads: " + e.getMessage(), e);
                }
                tx.update(CHANGE_LOG)
                        .set(CHANGE_LOG.OPERATION, Operation.DELETE.name())
                        .set(CHANGE_LOG.CHANGE_JSON, ChangeCodec.toJson(earlier.erased()).toString())
                        .where(CHANGE_LOG.SERVER_SEQ.eq(row.value1()))
                        .execute();
            }
        }

        private void insert(long seq, IncomingChange change, String json, Scopes.Scope scope) {
            tx.insertInto(CHANGE_LOG)
                    .set(CHANGE_LOG.SERVER_SEQ, seq)
                    .set(CHANGE_LOG.DEVICE_ID, change.change().device().value())
                    .set(CHANGE_LOG.DEVICE_SEQ, change.change().seq())
                    .set(CHANGE_LOG.ENTITY, change.entity())
                    .set(CHANGE_LOG.ENTITY_ID, change.entityId())
                    .set(CHANGE_LOG.OPERATION, change.operation().name())
                    .set(CHANGE_LOG.HLC, change.hlc().pack())
                    .set(CHANGE_LOG.AUTHOR_ID, change.author().value())
                    .set(CHANGE_LOG.CHANGE_JSON, json)
                    .set(CHANGE_LOG.RECEIVED_AT, now)
                    .set(CHANGE_LOG.ORGANISATION, scope.organisation())
                    .set(CHANGE_LOG.SCOPE_ID, scope.scopeId())
                    .execute();
        }

        void finish() {
            flush();
            tx.update(SERVER_COUNTER).set(SERVER_COUNTER.LAST_SEQ, last).where(SERVER_COUNTER.ID.eq(1)).execute();
            progress.forEach((device, seq) -> tx.insertInto(DEVICE_PROGRESS,
                            DEVICE_PROGRESS.DEVICE_ID, DEVICE_PROGRESS.LAST_SEQ, DEVICE_PROGRESS.LAST_PUSH)
                    .values(device.value(), seq, now)
                    .onConflict(DEVICE_PROGRESS.DEVICE_ID)
                    .doUpdate().set(DEVICE_PROGRESS.LAST_SEQ, seq).set(DEVICE_PROGRESS.LAST_PUSH, now)
                    .execute());
        }
    }
}
