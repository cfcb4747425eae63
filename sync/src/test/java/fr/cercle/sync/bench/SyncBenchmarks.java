package fr.cercle.sync.bench;

import fr.cercle.persistence.TestData;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.sync.ChangeId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneReferenceLoader;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.write.IncomingChange;
import fr.cercle.persistence.write.JournalEntry;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.BundleImport;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleKind;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.format.BundleReader;
import fr.cercle.sync.format.BundleWriter;
import fr.cercle.sync.format.ChangeCodec;
import fr.cercle.sync.seal.EnrolmentCode;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.PrivateIdentity;
import fr.cercle.sync.seal.RequestSignature;
import fr.cercle.sync.seal.SealedBundle;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerGateway;
import fr.cercle.sync.server.ServerStore;
import fr.cercle.sync.server.SyncServer;
import fr.cercle.sync.server.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The sync's benchmarks (docs/performance.md), each beside the stack's own limit on the same rows in
 * the same run: export against raw JDBC reading plus raw Jackson streaming; import against a raw JDBC
 * batch insert into H2; one change on a database of 100,000 people (bundle size, round trip over
 * loopback HTTP); 50 devices pushing at once to a server on PostgreSQL. A command-line program in
 * the test sources, run by {@code ./mvnw -B -Pbench -pl sync -am verify -DskipTests}.
 */
public final class SyncBenchmarks {

    private final Path work;
    private final int people;
    private final StringBuilder report = new StringBuilder();

    private SyncBenchmarks(Path work, int people) {
        this.work = work;
        this.people = people;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        int people = Integer.getInteger("bench.people", 100_000);
        new SyncBenchmarks(work, people).run();
        System.exit(0); // the embedded PostgreSQL and HTTP client leave threads behind
    }

    private void run() throws Exception {
        line("# Sync benchmarks");
        line("");
        line("%d beneficiaries; %s; %d cores; JDK %s; max heap %d MiB", people, System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        String only = System.getProperty("bench.only", "");
        Path sourceDir = work.resolve("sync-source-" + people);
        try (CercleDatabase source = source(sourceDir)) {
            long changes = source.journal().lastSeq(source.deviceId());
            Path bundle = work.resolve("sync-all.cercle");
            if (only.isEmpty() || only.equals("export") || !Files.exists(bundle)) {
                export(source, changes, bundle);
            }
            if (only.isEmpty() || only.equals("import")) {
                importing(bundle, changes);
            }
            if (only.isEmpty() || only.equals("one")) {
                oneChange(source, bundle);
            }
        }
        if (only.isEmpty() || only.equals("seal")) {
            sealing(work.resolve("sync-all.cercle"));
        }
        if (only.isEmpty() || only.equals("devices")) {
            manyDevices();
        }
        Files.writeString(work.resolve("sync-results.md"), report);
        System.out.println();
        System.out.println("Written to " + work.resolve("sync-results.md"));
    }

    private CercleDatabase source(Path dir) {
        boolean fresh = !Files.exists(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"));
        CercleDatabase db = CercleDatabase.open(dir, Clock.systemUTC());
        if (fresh || new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).count() < people) {
            long start = System.nanoTime();
            new CommuneReferenceLoader(db.dsl(), Clock.systemUTC()).ensureLoaded();
            new DemoDataGenerator(db, 7L).generate(people, 0, Progress.NONE);
            System.out.printf("(generated %d beneficiaries in %d s)%n", people, (System.nanoTime() - start) / 1_000_000_000);
        }
        return db;
    }

    // ---- Export, beside raw JDBC + raw Jackson streaming of the same journal rows

    private void export(CercleDatabase source, long changes, Path bundle) throws Exception {
        Path raw = work.resolve("sync-raw.jsonl");
        List<Long> cercle = new ArrayList<>();
        List<Long> limit = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 16)) {
                new BundleExport(source, "bench").ownChanges(0, out, false);
            }
            long t1 = System.nanoTime();
            rawExport(source, raw);
            long t2 = System.nanoTime();
            if (run > 0) {
                cercle.add(t1 - t0);
                limit.add(t2 - t1);
            }
        }
        long bytes = Files.size(bundle);
        line("");
        line("## Export of %d changes (%.1f MB), median of 3 after a warm-up", changes, bytes / 1e6);
        line("");
        line("| | time | changes/s | MB/s |");
        line("|---|---|---|---|");
        row("Cercle `BundleExport` (journal → bundle, with checksum)", median(cercle), changes, bytes);
        row("Limit: raw JDBC read of the journal + raw Jackson `JsonGenerator`", median(limit), changes, Files.size(raw));
        line("");
        line("Ratio: Cercle at %.0f%% of the limit's throughput (target: at least 50%%).", 100.0 * median(limit) / median(cercle));
    }

    private static void rawExport(CercleDatabase source, Path file) throws Exception {
        JsonFactory json = new JsonFactory();
        try (Connection c = source.dsl().configuration().connectionProvider().acquire();
             Statement s = c.createStatement();
             JsonGenerator out = json.createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)) {
            s.setFetchSize(5_000);
            try (ResultSet r = s.executeQuery("SELECT ENTITY, ENTITY_ID, OPERATION, DEVICE_ID, DEVICE_SEQ, HLC, AUTHOR_ID, "
                    + "FIELDS, BASE FROM CHANGE_JOURNAL ORDER BY DEVICE_ID, DEVICE_SEQ")) {
                while (r.next()) {
                    out.writeStartObject();
                    out.writeStringField("entity", r.getString(1));
                    out.writeStringField("id", r.getString(2));
                    out.writeStringField("op", r.getString(3));
                    out.writeStringField("device", r.getString(4));
                    out.writeNumberField("seq", r.getLong(5));
                    out.writeNumberField("hlc", r.getLong(6));
                    out.writeStringField("author", r.getString(7));
                    out.writeFieldName("fields");
                    out.writeRawValue(r.getString(8));
                    out.writeFieldName("base");
                    out.writeRawValue(r.getString(9));
                    out.writeEndObject();
                    out.writeRaw('\n');
                }
            }
        }
    }

    // ---- Import, beside a raw JDBC batch insert of the same rows into H2

    private void importing(Path bundle, long changes) throws Exception {
        List<Long> cercle = new ArrayList<>();
        List<Long> limit = new ArrayList<>();
        List<Long> sameRows = new ArrayList<>();
        List<Long> verify = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Path target = work.resolve("sync-import-" + run);
            Path rawTarget = work.resolve("sync-raw-" + run);
            Path rowsTarget = work.resolve("sync-raw-rows-" + run);
            deleteTree(target);
            deleteTree(rawTarget);
            deleteTree(rowsTarget);
            try (CercleDatabase db = CercleDatabase.open(target, Clock.systemUTC());
                 CercleDatabase raw = CercleDatabase.open(rawTarget, Clock.systemUTC());
                 CercleDatabase rows = CercleDatabase.open(rowsTarget, Clock.systemUTC())) {
                long t0 = System.nanoTime();
                try (var in = Files.newInputStream(bundle)) {
                    BundleReader.verify(in, BundleLimits.DEFAULT);
                }
                long t1 = System.nanoTime();
                new BundleImport(db, BundleLimits.DEFAULT).importFile(bundle);
                long t2 = System.nanoTime();
                rawInsert(bundle, raw);
                long t3 = System.nanoTime();
                rawInsertSameRows(bundle, rows);
                long t4 = System.nanoTime();
                verify.add(t1 - t0);
                cercle.add(t2 - t1);
                limit.add(t3 - t2);
                sameRows.add(t4 - t3);
                if (db.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.BENEFICIARY)
                        != rows.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.BENEFICIARY)) {
                    throw new IllegalStateException("The same-rows limit did not write the same beneficiaries");
                }
            }
        }
        line("");
        line("## Import of the same %d changes into an empty installation, best of 2", changes);
        line("");
        line("| | time | changes/s |");
        line("|---|---|---|");
        row("Cercle `BundleImport` (integrity pass + parse, check, merge in one transaction)", best(cercle), changes, 0);
        row("of which the integrity pass alone (stream, framing, count, SHA-256)", best(verify), changes, 0);
        row("Limit A: the journal rows only (Cercle's reader, raw JDBC batches of 1,000, one transaction)", best(limit), changes, 0);
        row("Limit B: the same rows Cercle writes, records and journal (raw Jackson streaming, raw JDBC batches of 1,000, one transaction)", best(sameRows), changes, 0);
        line("");
        line("Ratio: Cercle at %.0f%% of limit A's throughput, %.0f%% of limit B's (target: at least 50%%).",
                100.0 * best(limit) / best(cercle), 100.0 * best(sameRows) / best(cercle));
    }

    /**
     * What H2 and Jackson can do with this bundle at best: each line read with Jackson's streaming
     * parser (no tree, no checks), and the rows Cercle ends up with (each created record in its table,
     * each change in the journal) inserted with plain JDBC batches in one transaction.
     */
    private static void rawInsertSameRows(Path bundle, CercleDatabase target) throws Exception {
        JsonFactory factory = new JsonFactory();
        try (Connection c = target.dsl().configuration().connectionProvider().acquire();
             var lines = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(bundle),
                     StandardCharsets.UTF_8), 1 << 16)) {
            c.setAutoCommit(false);
            Map<String, PreparedStatement> records = new java.util.HashMap<>();
            Map<String, Integer> pendingRecords = new java.util.HashMap<>();
            PreparedStatement journal = c.prepareStatement("INSERT INTO CHANGE_JOURNAL (ENTITY, ENTITY_ID, OPERATION, "
                    + "FIELDS, BASE, HLC, DEVICE_ID, DEVICE_SEQ, AUTHOR_ID, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)");
            int pendingJournal = 0;
            lines.readLine(); // the header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entity = null;
                String id = null;
                String op = null;
                String device = null;
                long seq = 0;
                String hlc = null;
                String author = null;
                String fieldsJson = null;
                List<String> names = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                try (com.fasterxml.jackson.core.JsonParser parser = factory.createParser(line)) {
                    parser.nextToken();
                    while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        String member = parser.currentName();
                        parser.nextToken();
                        switch (member) {
                            case "entity" -> entity = parser.getText();
                            case "id" -> id = parser.getText();
                            case "op" -> op = parser.getText();
                            case "device" -> device = parser.getText();
                            case "seq" -> seq = parser.getLongValue();
                            case "hlc" -> hlc = parser.getText();
                            case "author" -> author = parser.getText();
                            case "fields" -> {
                                int from = (int) parser.currentTokenLocation().getCharOffset();
                                while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                                    names.add(parser.currentName());
                                    parser.nextToken();
                                    values.add(rawValue(parser, line));
                                }
                                fieldsJson = line.substring(from, (int) parser.currentTokenLocation().getCharOffset() + 1);
                            }
                            default -> parser.skipChildren();
                        }
                    }
                }
                int hash = hlc.indexOf('#');
                long packed = (java.time.Instant.parse(hlc.substring(0, hash)).toEpochMilli() << 16)
                        | Integer.parseInt(hlc.substring(hash + 1));
                if ("create".equals(op)) {
                    String table = entity;
                    PreparedStatement insert = records.get(table);
                    if (insert == null) {
                        String idColumn = fr.cercle.persistence.write.Entities.byName(table).orElseThrow().id().getName();
                        insert = c.prepareStatement("INSERT INTO " + table + " (" + idColumn + ", " + String.join(", ", names)
                                + ", CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?"
                                + ", ?".repeat(names.size() + 4) + ")");
                        records.put(table, insert);
                    }
                    insert.setObject(1, UUID.fromString(id));
                    for (int i = 0; i < values.size(); i++) {
                        insert.setObject(i + 2, values.get(i));
                    }
                    java.time.OffsetDateTime at = java.time.OffsetDateTime.ofInstant(
                            java.time.Instant.ofEpochMilli(packed >>> 16), java.time.ZoneOffset.UTC);
                    insert.setObject(values.size() + 2, at);
                    insert.setObject(values.size() + 3, UUID.fromString(author));
                    insert.setObject(values.size() + 4, at);
                    insert.setObject(values.size() + 5, UUID.fromString(author));
                    insert.addBatch();
                    if (pendingRecords.merge(table, 1, Integer::sum) == 1_000) {
                        insert.executeBatch();
                        pendingRecords.put(table, 0);
                    }
                }
                journal.setString(1, entity);
                journal.setObject(2, UUID.fromString(id));
                journal.setString(3, op.toUpperCase(java.util.Locale.ROOT));
                journal.setString(4, fieldsJson);
                journal.setString(5, "{}");
                journal.setLong(6, packed);
                journal.setObject(7, UUID.fromString(device));
                journal.setLong(8, seq);
                journal.setObject(9, UUID.fromString(author));
                journal.addBatch();
                if (++pendingJournal == 1_000) {
                    journal.executeBatch();
                    pendingJournal = 0;
                }
            }
            for (PreparedStatement insert : records.values()) {
                insert.executeBatch();
                insert.close();
            }
            journal.executeBatch();
            journal.close();
            c.commit();
        }
    }

    /** A field's value from the streaming parser: a list of texts is kept as its JSON text, as its column holds it. */
    private static Object rawValue(com.fasterxml.jackson.core.JsonParser parser, String line) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                int from = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                yield line.substring(from, (int) parser.currentTokenLocation().getCharOffset() + 1);
            }
            default -> throw new IllegalStateException("Unexpected " + parser.currentToken());
        };
    }

    /** The same changes, their fields inserted as rows with plain JDBC: what H2 itself can take. */
    private static void rawInsert(Path bundle, CercleDatabase raw) throws Exception {
        try (Connection c = raw.dsl().configuration().connectionProvider().acquire()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO CHANGE_JOURNAL (ENTITY, ENTITY_ID, OPERATION, "
                    + "FIELDS, BASE, HLC, DEVICE_ID, DEVICE_SEQ, AUTHOR_ID, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)");
                 var in = Files.newInputStream(bundle)) {
                int[] pending = {0};
                BundleReader.read(in, BundleLimits.DEFAULT, (change, json, line) -> {
                    try {
                        insert.setString(1, change.entity());
                        insert.setObject(2, change.entityId());
                        insert.setString(3, change.operation().name());
                        insert.setString(4, json);
                        insert.setString(5, "{}");
                        insert.setLong(6, change.hlc().pack());
                        insert.setObject(7, change.change().device().value());
                        insert.setLong(8, change.change().seq());
                        insert.setObject(9, change.author().value());
                        insert.addBatch();
                        if (++pending[0] == 1_000) {
                            insert.executeBatch();
                            pending[0] = 0;
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                insert.executeBatch();
            }
            c.commit();
        }
    }

    // ---- One change on a database of 100,000 people

    private void oneChange(CercleDatabase source, Path fullBundle) throws Exception {
        Path serverDir = work.resolve("sync-server-one");
        Path otherDir = work.resolve("sync-import-0");
        deleteTree(serverDir);
        try (ServerDatabase serverDb = ServerDatabase.h2(serverDir);
             CercleDatabase other = CercleDatabase.open(otherDir, Clock.systemUTC())) {
            try (TestServer server = TestServer.start(serverDb)) {
                ServerStore store = server.gateway().store();
                store.push(fullBundle);
                long cursor = store.status(null).cursor();
                server.enrol(source, "bench");
                server.enrol(other, "bench");
                // Both installations already hold the 100,000 people: they start in step with the server.
                long mine = source.journal().lastSeq(source.deviceId());
                new SyncState(store.epoch(), mine, cursor).write(source.localSettings());
                new SyncState(store.epoch(), 0, cursor).write(other.localSettings());
                BeneficiaryRepository people = new BeneficiaryRepository(source.dsl(), source.writer(), source.clock(), TestData.ALL_ACCESS);
                List<Long> push = new ArrayList<>();
                List<Long> pull = new ArrayList<>();
                long bundleBytes = 0;
                var summaries = people.summaries();
                for (int run = 0, next = 0; run < 6; run++) {
                    // The next person whose file saves as it is (a generated minor may lack the parent's
                    // consent that a later version requires).
                    while (true) {
                        Beneficiary b = people.find(summaries.get(next++).id()).orElseThrow();
                        try {
                            people.save(b.withStatus(b.status() == BeneficiaryStatus.ACTIVE ? BeneficiaryStatus.PAUSED
                                    : BeneficiaryStatus.ACTIVE), b.referent());
                            break;
                        } catch (fr.cercle.model.validation.InvalidRecordException invalid) {
                            // try the next one
                        }
                    }
                    ByteArrayOutputStream one = new ByteArrayOutputStream();
                    new BundleExport(source, "bench").ownChanges(mine + run, one, false);
                    bundleBytes = one.size();
                    long t0 = System.nanoTime();
                    TestServer.sync(source);
                    long t1 = System.nanoTime();
                    TestServer.sync(other);
                    long t2 = System.nanoTime();
                    if (run > 0) {
                        push.add(t1 - t0);
                        pull.add(t2 - t1);
                    }
                }
                line("");
                line("## One change on a database of %d people (loopback HTTPS, signed requests, sealed bundles, median of 5 after a warm-up)", people());
                line("");
                line("| | |");
                line("|---|---|");
                line("| push bundle of the one change (plain JSON) | %,d bytes |", bundleBytes);
                line("| sync of the installation that made it (status, push, pull) | %.0f ms |", median(push) / 1e6);
                line("| sync of the other installation (status, pull, merge) | %.0f ms |", median(pull) / 1e6);
                line("| round trip, edit to the other installation | %.0f ms (target: under 1 s) |", (median(push) + median(pull)) / 1e6);
            }
        }
    }

    private int people() {
        return people;
    }

    // ---- Sealing a bundle, beside the JDK's own AES-GCM and a plain copy of the same bytes

    private void sealing(Path plainBundle) throws Exception {
        if (!Files.exists(plainBundle)) {
            line("(no bundle to seal: run the export part first)");
            return;
        }
        Path gz = work.resolve("sync-all.cercle.gz");
        try (var in = Files.newInputStream(plainBundle);
             var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            in.transferTo(out);
        }
        long bytes = Files.size(gz);
        PrivateIdentity device = PrivateIdentity.generate();
        PrivateIdentity server = PrivateIdentity.generate();
        Party from = Party.device(DeviceId.newId());
        Party to = Party.server(UUID.randomUUID());
        Path sealed = work.resolve("sync-all.sealed");
        Path opened = work.resolve("sync-all.opened");
        Path copy = work.resolve("sync-all.copy");
        Path jdk = work.resolve("sync-all.jdk-gcm");
        javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance("AES").generateKey();
        List<Long> seal = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        for (int run = 0; run < 6; run++) {
            long t0 = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(sealed)) {
                SealedBundle.seal(gz, out, from, device, to, server.publicIdentity(), Clock.systemUTC());
            }
            long t1 = System.nanoTime();
            SealedBundle.open(sealed, SealedBundle.envelope(sealed), device.publicIdentity(), server, opened);
            long t2 = System.nanoTime();
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            byte[] iv = new byte[12];
            new java.security.SecureRandom().nextBytes(iv);
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, iv));
            try (var out = new javax.crypto.CipherOutputStream(Files.newOutputStream(jdk), cipher)) {
                Files.copy(gz, out);
            }
            long t3 = System.nanoTime();
            Files.copy(gz, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long t4 = System.nanoTime();
            if (run > 0) {
                seal.add(t1 - t0);
                open.add(t2 - t1);
                raw.add(t3 - t2);
                plain.add(t4 - t3);
            }
        }
        if (Files.mismatch(gz, opened) != -1) {
            throw new IllegalStateException("The opened bundle differs from the sealed one");
        }
        line("");
        line("## Sealing the full bundle (%,d bytes gzip-compressed, median of 5 after a warm-up)", bytes);
        line("");
        line("| | time | MB/s |");
        line("|---|---|---|");
        line("| seal (HPKE key, Tink streaming AES-256-GCM, Ed25519 of the digest) | %.0f ms | %.0f |", median(seal) / 1e6, bytes / 1e6 / (median(seal) / 1e9));
        line("| open (signature checked over the whole file, then decrypted) | %.0f ms | %.0f |", median(open) / 1e6, bytes / 1e6 / (median(open) / 1e9));
        line("| JDK AES-GCM of the same bytes (CipherOutputStream), same run | %.0f ms | %.0f |", median(raw) / 1e6, bytes / 1e6 / (median(raw) / 1e9));
        line("| plain file copy of the same bytes, same run | %.0f ms | %.0f |", median(plain) / 1e6, bytes / 1e6 / (median(plain) / 1e9));
    }

    // ---- 50 devices pushing at once to a server on PostgreSQL

    private void manyDevices() throws Exception {
        int devices = 50;
        int perDevice = Integer.getInteger("bench.devices.changes", 1_000);
        int perPush = 250;
        Path source = work.resolve("sync-all.cercle");
        List<IncomingChange> pool = new ArrayList<>();
        try (var in = Files.newInputStream(source)) {
            BundleReader.read(in, BundleLimits.DEFAULT, (change, json, line) -> {
                if (pool.size() < perDevice) {
                    pool.add(change);
                }
            });
        }
        // Each device sends the same kind of changes under its own identity, in bundles of 250.
        List<List<byte[]>> bundles = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            DeviceId device = new DeviceId(new UUID(0xbe0c, d));
            List<byte[]> mine = new ArrayList<>();
            for (int from = 0; from < perDevice; from += perPush) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (BundleWriter writer = new BundleWriter()) {
                    for (int k = from; k < Math.min(perDevice, from + perPush); k++) {
                        IncomingChange c = pool.get(k);
                        writer.add(ChangeCodec.toJson(new IncomingChange(c.entity(), new UUID(d, k), c.operation(),
                                new ChangeId(device, k + 1), c.hlc(), c.author(), c.fields(), Map.of())));
                    }
                    writer.finish(new BundleWriter.Draft(device, "bench", BundleKind.PUSH, from, from + perPush, null, Map.of()),
                            Clock.systemUTC(), out, true);
                }
                mine.add(out.toByteArray());
            }
            bundles.add(mine);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ServerDatabase db = ServerDatabase.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            ServerGateway gateway = TestServer.gateway(db);
            ServerStore store = gateway.store();
            // Each device enrolled and its bundles sealed before the clock starts: the run measures
            // what the server does with them (check, open, append), as it would in the field.
            List<PrivateIdentity> keys = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                PrivateIdentity mine = PrivateIdentity.generate();
                EnrolmentCode code = gateway.registry().issueCode("bench", "device " + d, Duration.ofHours(1));
                byte[] payload = ("{\"code\":\"" + code.lookup() + "\",\"device\":\"" + new UUID(0xbe0c, d)
                        + "\",\"keys\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(mine.publicIdentity().toJson())
                        + "}").getBytes(StandardCharsets.UTF_8);
                gateway.registry().enrol(payload, EnrolmentCode.proof(code.key(), "request", "", payload), "");
                keys.add(mine);
            }
            for (int d = 0; d < devices; d++) {
                List<byte[]> sealed = new ArrayList<>();
                for (byte[] plain : bundles.get(d)) {
                    Path plainFile = Files.write(work.resolve("bench-plain.cercle.gz"), plain);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    SealedBundle.seal(plainFile, out, Party.device(new DeviceId(new UUID(0xbe0c, d))), keys.get(d),
                            gateway.registry().party(), gateway.registry().keys().publicIdentity(), Clock.systemUTC());
                    sealed.add(out.toByteArray());
                }
                bundles.set(d, sealed);
            }
            try (SyncServer server = SyncServer.startPlain(gateway, new InetSocketAddress("127.0.0.1", 0), BundleLimits.DEFAULT)) {
                ExecutorService httpThreads = Executors.newFixedThreadPool(8);
                HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
                ExecutorService senders = Executors.newFixedThreadPool(devices);
                long t0 = System.nanoTime();
                List<Future<?>> all = new ArrayList<>();
                for (int d = 0; d < devices; d++) {
                    List<byte[]> mine = bundles.get(d);
                    String device = new UUID(0xbe0c, d).toString();
                    PrivateIdentity deviceKeys = keys.get(d);
                    all.add(senders.submit(() -> {
                        for (byte[] b : mine) {
                            String path = "/v1/push?device=" + device;
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                            + server.port() + path))
                                    .header(RequestSignature.DEVICE_HEADER, device)
                                    .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(deviceKeys, "POST", path))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                throw new IllegalStateException("Push refused: " + r.body());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : all) {
                    f.get();
                }
                long elapsed = System.nanoTime() - t0;
                senders.shutdown();
                httpThreads.shutdown();
                long total = (long) devices * perDevice;
                Set<String> seen = new HashSet<>();
                long cursor = 0;
                while (true) {
                    ByteArrayOutputStream page = new ByteArrayOutputStream();
                    var header = store.pull(new DeviceId(new UUID(1, 1)), cursor, 50_000, page, false);
                    BundleReader.read(new ByteArrayInputStream(page.toByteArray()), BundleLimits.DEFAULT,
                            (change, json, line) -> seen.add(change.change().toString()));
                    if (header.rangeTo() == cursor) {
                        break;
                    }
                    cursor = header.rangeTo();
                }
                line("");
                line("## %d devices pushing at once to one server on PostgreSQL 14 (loopback HTTP, signed requests, sealed bundles)", devices);
                line("");
                line("| | |");
                line("|---|---|");
                line("| changes pushed | %,d (%d per device, in gzip bundles of %d) |", total, perDevice, perPush);
                line("| time until every push was acknowledged | %.1f s |", elapsed / 1e9);
                line("| throughput | %,.0f changes/s |", total / (elapsed / 1e9));
                line("| changes then pulled from cursor 0, distinct | %,d (%s) |", seen.size(),
                        seen.size() == total && store.status(null).cursor() == total ? "nothing lost, nothing twice" : "MISMATCH");

                // The same pull by organisation (every device is of "bench": the same rows, filtered,
                // with a horizon) beside the pull of everything, alternating, median of 5.
                List<Long> scoped = new ArrayList<>();
                List<Long> everything = new ArrayList<>();
                for (int run = 0; run < 6; run++) {
                    for (String organisation : new String[] {"bench", null}) {
                        long t = System.nanoTime();
                        for (long from = 0; ; ) {
                            var header = store.pull(new DeviceId(new UUID(1, 1)), from, 5_000, OutputStream.nullOutputStream(),
                                    true, organisation);
                            if (header.rangeTo() == from) {
                                break;
                            }
                            from = header.rangeTo();
                        }
                        if (run > 0) {
                            (organisation == null ? everything : scoped).add(System.nanoTime() - t);
                        }
                    }
                }
                line("| full pull by pages of 5,000, by organisation (scope filter, horizon) | %.0f ms |", median(scoped) / 1e6);
                line("| the same pull of everything (no scope), same run | %.0f ms |", median(everything) / 1e6);
            }
        }
    }

    // ---- Helpers

    private void row(String what, long nanos, long changes, long bytes) {
        double seconds = nanos / 1e9;
        if (bytes > 0) {
            line("| %s | %.2f s | %,.0f | %.0f |", what, seconds, changes / seconds, bytes / 1e6 / seconds);
        } else {
            line("| %s | %.2f s | %,.0f |", what, seconds, changes / seconds);
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long best(List<Long> values) {
        return values.stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
