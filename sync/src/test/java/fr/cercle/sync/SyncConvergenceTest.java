package fr.cercle.sync;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Contact;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.write.Conflict;
import fr.cercle.persistence.write.ConflictRepository;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.JournalEntry;
import fr.cercle.persistence.write.Operation;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.BundleImport;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerStore;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL;
import static fr.cercle.persistence.jooq.Tables.TOMBSTONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installations and a server; random edits (concurrent edits of the same field, erasures), and a
 * network that drops, duplicates, reorders and delays bundles; PC clocks wrong by days. After a final
 * full sync every installation holds the same data and the same conflicts, and no edit of a guarded
 * field was lost: each is in force, kept in a conflict, replaced by an edit that saw it, or its record
 * was erased; and no installation nor the server keeps what an erased record's changes wrote.
 */
class SyncConvergenceTest {

    record Node(CercleDatabase db, HandClock clock, StaffId author) {
    }

    @Property(tries = 8)
    void everyReplicaEndsEqualAndNoGuardedEditIsLost(@ForAll long seed, @ForAll @IntRange(min = 3, max = 5) int size)
            throws Exception {
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("cercle-convergence");
        List<Node> nodes = new ArrayList<>();
        try (ServerDatabase serverDb = ServerDatabase.h2(dir.resolve("server"))) {
            ServerStore server = new ServerStore(serverDb, BundleLimits.DEFAULT, Clock.systemUTC(), "test");
            for (int i = 0; i < size; i++) {
                HandClock clock = new HandClock(
                        Instant.parse("2026-11-27T09:00:00Z").plus(Duration.ofDays(random.nextInt(9) - 4)));
                nodes.add(new Node(TestDatabases.withCommunes(dir.resolve("n" + i), clock), clock, StaffId.newId()));
            }
            List<Parcel> inFlight = new ArrayList<>();
            for (int step = 0; step < 60; step++) {
                Node node = nodes.get(random.nextInt(size));
                node.clock().advance(Duration.ofSeconds(random.nextInt(120)));
                switch (random.nextInt(6)) {
                    case 0, 1, 2 -> edit(node, random);
                    case 3 -> send(inFlight, push(node, server, random), random);
                    case 4 -> send(inFlight, pull(node, server, SyncState.read(node.db().localSettings()).pullCursor()), random);
                    default -> deliverSome(inFlight, server, dir, random);
                }
            }
            while (!inFlight.isEmpty()) {
                deliver(inFlight.remove(random.nextInt(inFlight.size())), server, dir);
            }
            for (int round = 0; round < 2; round++) {
                for (Node node : nodes) {
                    deliver(new Parcel(null, export(node, 0)), server, dir);
                }
                for (Node node : nodes) {
                    for (long cursor = 0, end = server.status(null).cursor(); cursor < end; cursor += 7) {
                        deliver(pull(node, server, cursor), server, dir);
                    }
                }
            }

            List<Beneficiary> first = everyone(nodes.get(0).db());
            List<String> conflicts = conflicts(nodes.get(0).db());
            for (Node node : nodes) {
                assertThat(everyone(node.db())).isEqualTo(first);
                assertThat(conflicts(node.db())).isEqualTo(conflicts);
                assertThat(node.db().dsl().fetchCount(fr.cercle.persistence.jooq.Tables.HELD_CHANGE)).isZero();
            }
            noGuardedEditLost(nodes.get(0).db());
            noReplicaKeepsErasedData(nodes, serverDb);
        } finally {
            nodes.forEach(node -> node.db().close());
            deleteTree(dir);
        }
    }

    static void edit(Node node, Random random) {
        List<Beneficiary> known = Installations.beneficiaries(node.db()).summaries().stream()
                .map(s -> Installations.beneficiaries(node.db()).find(s.id()).orElseThrow()).toList();
        if (known.isEmpty() || random.nextInt(5) == 0) {
            Installations.beneficiaries(node.db()).save(TestData.beneficiary(node.author()).build(), node.author());
            return;
        }
        Beneficiary target = known.get(random.nextInt(known.size()));
        Beneficiary edited = switch (random.nextInt(7)) {
            case 0, 1 -> target.withStatus(BeneficiaryStatus.values()[random.nextInt(BeneficiaryStatus.values().length)]);
            case 2, 3 -> target.toBuilder().contact(new Contact(String.format("06 00 00 00 %02d", random.nextInt(100)), null)).build();
            case 4, 5 -> target.toBuilder().situation("Note " + random.nextInt(1000)).build();
            default -> null;
        };
        if (edited == null) {
            Installations.beneficiaries(node.db()).erase(target.id(), node.author());
        } else {
            Installations.beneficiaries(node.db()).save(edited, node.author());
        }
    }

    /** A bundle on its way: to the server ({@code to} null) or to an installation. */
    record Parcel(Node to, byte[] bundle) {
    }

    /** The node's changes after what the server holds, or after a later point (the server then sees a gap). */
    static Parcel push(Node node, ServerStore server, Random random) throws IOException {
        long acknowledged = server.status(node.db().deviceId()).acknowledged();
        long mine = node.db().journal().lastSeq(node.db().deviceId());
        long after = mine > acknowledged && random.nextInt(4) == 0
                ? acknowledged + 1 + random.nextInt((int) (mine - acknowledged)) : acknowledged;
        return new Parcel(null, export(node, after));
    }

    static byte[] export(Node node, long after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BundleExport(node.db(), "n").ownChanges(after, out, false);
        return out.toByteArray();
    }

    static Parcel pull(Node node, ServerStore server, long after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.pull(node.db().deviceId(), after, 7, out, false);
        return new Parcel(node, out.toByteArray());
    }

    /** The network: a bundle is lost, arrives once, arrives twice, or waits to arrive later and out of order. */
    static void send(List<Parcel> inFlight, Parcel parcel, Random random) {
        int fate = random.nextInt(5);
        if (fate == 0) {
            return;
        }
        inFlight.add(parcel);
        if (fate == 1) {
            inFlight.add(parcel);
        }
    }

    static void deliverSome(List<Parcel> inFlight, ServerStore server, Path dir, Random random) throws Exception {
        for (int n = random.nextInt(3); n > 0 && !inFlight.isEmpty(); n--) {
            deliver(inFlight.remove(random.nextInt(inFlight.size())), server, dir);
        }
    }

    static void deliver(Parcel parcel, ServerStore server, Path dir) throws Exception {
        if (parcel.to() == null) {
            Path file = Files.createTempFile(dir, "push", ".cercle");
            Files.write(file, parcel.bundle());
            server.push(file);
            Files.delete(file);
        } else {
            new BundleImport(parcel.to().db(), BundleLimits.DEFAULT).importFrom(() -> new ByteArrayInputStream(parcel.bundle()));
        }
    }

    static List<Beneficiary> everyone(CercleDatabase db) {
        return Installations.beneficiaries(db).summaries().stream()
                .map(s -> Installations.beneficiaries(db).find(s.id()).orElseThrow())
                .sorted(Comparator.comparing(b -> b.id().value()))
                .toList();
    }

    static List<String> conflicts(CercleDatabase db) {
        return new ConflictRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).all().stream()
                .map(c -> c.entityId() + "." + c.field() + "=" + c.current().value() + "@" + c.current().change()
                        + " vs " + c.others().stream().map(o -> o.value() + "@" + o.change()).sorted().toList())
                .sorted()
                .toList();
    }

    /**
     * A deleted record is erased everywhere: no installation's journal keeps what its changes wrote,
     * nothing is held for it, and the server keeps its changes only as deletions.
     */
    static void noReplicaKeepsErasedData(List<Node> nodes, ServerDatabase server) {
        Set<UUID> erased = new HashSet<>(nodes.get(0).db().dsl().select(TOMBSTONE.ENTITY_ID).from(TOMBSTONE)
                .fetch(TOMBSTONE.ENTITY_ID));
        for (Node node : nodes) {
            var dsl = node.db().dsl();
            assertThat(dsl.select(TOMBSTONE.ENTITY_ID).from(TOMBSTONE).fetch(TOMBSTONE.ENTITY_ID))
                    .containsExactlyInAnyOrderElementsOf(erased);
            assertThat(dsl.select(CHANGE_JOURNAL.FIELDS).from(CHANGE_JOURNAL).where(CHANGE_JOURNAL.ENTITY_ID.in(erased))
                    .fetch(CHANGE_JOURNAL.FIELDS)).as("what erased records' changes wrote")
                    .allSatisfy(fields -> assertThat(fields).isEqualTo("{}"));
        }
        assertThat(server.dsl().select(fr.cercle.sync.server.jooq.Tables.CHANGE_LOG.OPERATION)
                .from(fr.cercle.sync.server.jooq.Tables.CHANGE_LOG)
                .where(fr.cercle.sync.server.jooq.Tables.CHANGE_LOG.ENTITY_ID.in(erased))
                .fetch(fr.cercle.sync.server.jooq.Tables.CHANGE_LOG.OPERATION)).as("the server keeps erased records' changes as deletions")
                .allSatisfy(operation -> assertThat(operation).isEqualTo("DELETE"));
    }

    /** Every write of a guarded field is in force, in a conflict, replaced knowingly, or its record is deleted. */
    static void noGuardedEditLost(CercleDatabase db) {
        List<JournalEntry> all = db.journal().entriesAfter(0, Integer.MAX_VALUE);
        Set<String> replacedKnowingly = new HashSet<>();
        all.forEach(e -> e.base().forEach((field, ids) -> ids.forEach(id -> replacedKnowingly.add(e.entityId() + field + id))));
        Set<UUID> deleted = new HashSet<>(db.dsl().select(TOMBSTONE.ENTITY_ID).from(TOMBSTONE).fetch(TOMBSTONE.ENTITY_ID));
        Map<String, Set<ChangeId>> live = new LinkedHashMap<>();
        for (Conflict c : new ConflictRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).all()) {
            Set<ChangeId> ids = new HashSet<>();
            ids.add(c.current().change());
            c.others().forEach(o -> ids.add(o.change()));
            live.put(c.entityId() + c.field(), ids);
        }
        for (JournalEntry entry : all) {
            if (!entry.entity().equals("beneficiary") || entry.operation() == Operation.DELETE
                    || deleted.contains(entry.entityId())) {
                continue;
            }
            for (String field : entry.fields().keySet()) {
                if (!Entities.BENEFICIARY_TABLE.isGuarded(Entities.BENEFICIARY_TABLE.field(field).orElseThrow())) {
                    continue;
                }
                boolean inConflict = live.getOrDefault(entry.entityId() + field, Set.of()).contains(entry.change());
                boolean replaced = replacedKnowingly.contains(entry.entityId() + field + entry.change());
                boolean inForce = entry.change().equals(fieldVersion(db, entry.entityId(), field));
                assertThat(inForce || inConflict || replaced)
                        .as("%s of %s written by %s is in force, in a conflict or replaced knowingly", field, entry.entityId(), entry.change())
                        .isTrue();
            }
        }
    }

    static ChangeId fieldVersion(CercleDatabase db, UUID id, String field) {
        return db.journal().versions("beneficiary", id).get(field).change();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
