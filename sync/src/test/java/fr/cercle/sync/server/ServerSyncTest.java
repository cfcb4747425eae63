package fr.cercle.sync.server;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Contact;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.sync.Installations;
import fr.cercle.sync.Opened;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SealedFiles;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.cercle.persistence.jooq.Tables.CONFLICT_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Installations and a real server, over HTTP on loopback and through files, on H2 and on PostgreSQL. */
class ServerSyncTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final Opened opened = new Opened();
    final StaffMember claire = TestData.staff();

    <T extends AutoCloseable> T keep(T closeable) {
        return opened.keep(closeable);
    }

    CercleDatabase installation(String name, Clock clock) {
        return keep(Installations.open(dir.resolve(name), clock));
    }

    TestServer server(String url) throws IOException {
        return keep(TestServer.start(keep(ServerBackends.open(url))));
    }

    /** Syncs, enrolling the installation with this server first if it is not yet. */
    static SyncReport sync(CercleDatabase db, TestServer server) throws SyncException {
        if (Enrolment.read(db.localSettings()).isEmpty()) {
            server.enrol(db, "CCAS de test");
        }
        return TestServer.sync(db);
    }

    @ParameterizedTest
    @EnumSource(ServerBackends.Backend.class)
    void twoInstallationsExchangeEditsOverHttpAndConcurrentEditsBecomeAConflictOnBoth(ServerBackends.Backend backend)
            throws Exception {
        TestServer server = server(ServerBackends.newDatabase(backend, dir));
        CercleDatabase townHall = installation("town-hall", TestData.CLOCK);
        CercleDatabase ccas = installation("ccas", Clock.offset(TestData.CLOCK, Duration.ofDays(-2)));
        Beneficiary jeanne = Installations.seed(townHall, claire);

        assertThat(sync(townHall, server).sent()).isEqualTo(2);
        assertThat(sync(ccas, server).applied()).isEqualTo(2);
        assertThat(Installations.beneficiaries(ccas).find(jeanne.id())).contains(jeanne);

        Installations.beneficiaries(townHall).save(jeanne.withStatus(BeneficiaryStatus.PAUSED), claire.id());
        Installations.beneficiaries(ccas).save(jeanne.withStatus(BeneficiaryStatus.CLOSED).toBuilder()
                .contact(new Contact("06 11 22 33 44", null)).build(), claire.id());
        sync(townHall, server);
        sync(ccas, server);
        sync(townHall, server);

        for (CercleDatabase db : List.of(townHall, ccas)) {
            Beneficiary merged = Installations.beneficiaries(db).find(jeanne.id()).orElseThrow();
            assertThat(merged.contact().phone()).isEqualTo("06 11 22 33 44");
            assertThat(db.dsl().fetchCount(CONFLICT_VALUE)).as("the losing status is kept for a person").isEqualTo(1);
        }
        assertThat(Installations.beneficiaries(townHall).find(jeanne.id()).orElseThrow().status())
                .isEqualTo(Installations.beneficiaries(ccas).find(jeanne.id()).orElseThrow().status());
        assertThat(sync(ccas, server)).isEqualTo(new SyncReport(0, 0, 0, 0, false));
    }

    @Test
    void anOpeningOnOneInstallationIsInTheAuditTrailOfTheOthers() throws Exception {
        TestServer server = server(ServerBackends.newDatabase(ServerBackends.Backend.H2, dir));
        CercleDatabase townHall = installation("town-hall", TestData.CLOCK);
        CercleDatabase ccas = installation("ccas", TestData.CLOCK);
        Beneficiary jeanne = Installations.seed(townHall, claire);
        Viewer asClaire = new Viewer("claire", Optional.of(claire.id()), Set.of(Role.COORDINATOR), claire.domains());

        new BeneficiaryRepository(townHall.dsl(), townHall.writer(), townHall.clock(), asClaire).open(jeanne.id());
        sync(townHall, server);
        sync(ccas, server);

        List<AuditEntry> seenAtTheCcas = new AuditTrail(ccas.dsl(), ccas.writer(), ccas.clock(), asClaire)
                .search(AuditQuery.everything().about(Set.of(jeanne.id().value())), ZoneId.of("Europe/Paris"));
        assertThat(seenAtTheCcas).extracting(AuditEntry::action, AuditEntry::device).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.VIEW, townHall.deviceId()),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CREATE, townHall.deviceId()));
    }

    @ParameterizedTest
    @EnumSource(ServerBackends.Backend.class)
    void aServerRestoredFromAnOlderBackupGetsBackWhatItLost(ServerBackends.Backend backend) throws Exception {
        String url = ServerBackends.newDatabase(backend, dir);
        TestServer server = server(url);
        CercleDatabase townHall = installation("town-hall", TestData.CLOCK);
        CercleDatabase ccas = installation("ccas", TestData.CLOCK);
        server.enrol(ccas, "CCAS de test");
        Beneficiary jeanne = Installations.seed(townHall, claire);
        sync(townHall, server);

        // The server's disk is lost; a backup taken before the push comes back (the enrolments and keys
        // were in it), and the administrator marks the restore with a new epoch.
        ServerDatabase db = keep(ServerBackends.open(url));
        db.dsl().execute("DELETE FROM change_log");
        db.dsl().execute("DELETE FROM device_progress");
        db.dsl().execute("UPDATE server_counter SET last_seq = 0");
        server.gateway().store().renewEpoch();
        SyncReport report = sync(townHall, server);

        assertThat(report.newServerEpoch()).isTrue();
        assertThat(report.sent()).isEqualTo(2);
        sync(ccas, server);
        assertThat(Installations.beneficiaries(ccas).find(jeanne.id())).contains(jeanne);
    }

    @ParameterizedTest
    @EnumSource(ServerBackends.Backend.class)
    void withoutNetworkBundlesGoBothWaysThroughFilesSealed(ServerBackends.Backend backend) throws Exception {
        ServerDatabase db = keep(ServerBackends.open(ServerBackends.newDatabase(backend, dir)));
        TestServer server = keep(TestServer.start(db));
        CercleDatabase village = installation("village", TestData.CLOCK);
        CercleDatabase ccas = installation("ccas", TestData.CLOCK);
        // Enrolled once, on a day the village's computer was brought where there is a network; both
        // serve the same organisation, so each gets the other's files.
        Enrolment villageEnrolment = server.enrol(village, "CIAS du Pays Sostranien");
        Enrolment ccasEnrolment = server.enrol(ccas, "CIAS du Pays Sostranien");
        Beneficiary jeanne = Installations.seed(village, claire);

        Path usbKey = Files.createDirectories(dir.resolve("usb"));
        Path outgoing = usbKey.resolve("village.cercle");
        try (OutputStream out = Files.newOutputStream(outgoing)) {
            new SealedFiles(village, villageEnrolment, BundleLimits.DEFAULT).export(0, out);
        }
        assertThat(Files.readString(outgoing, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(jeanne.lastName());
        assertThat(server.gateway().receive(outgoing).appended()).isEqualTo(2);
        assertThatThrownBy(() -> server.gateway().receive(outgoing)).as("the same key plugged in twice")
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.REPLAYED));

        Path incoming = usbKey.resolve("for-ccas.cercle");
        try (OutputStream out = Files.newOutputStream(incoming)) {
            server.gateway().send(ccas.deviceId(), 0, 1_000, out);
        }
        SealedFiles atTheCcas = new SealedFiles(ccas, ccasEnrolment, BundleLimits.DEFAULT);
        atTheCcas.importFile(incoming);
        assertThatThrownBy(() -> atTheCcas.importFile(incoming))
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.REPLAYED));

        assertThat(Installations.beneficiaries(ccas).find(jeanne.id())).contains(jeanne);
        assertThat(SyncState.read(ccas.localSettings()).pullCursor()).isEqualTo(2);
        assertThat(SyncState.read(ccas.localSettings()).serverEpoch()).isEqualTo(server.gateway().store().epoch());
    }

    @Test
    void theServerTakesPushBundlesOnly() throws Exception {
        ServerDatabase db = keep(ServerBackends.open(ServerBackends.newDatabase(ServerBackends.Backend.H2, dir)));
        ServerStore store = new ServerStore(db, BundleLimits.DEFAULT, Clock.systemUTC(), "Serveur de test");
        CercleDatabase village = installation("village", TestData.CLOCK);
        Installations.seed(village, claire);
        Path pushed = dir.resolve("village.cercle");
        try (OutputStream out = Files.newOutputStream(pushed)) {
            new BundleExport(village, "Mairie de Vareilles").ownChanges(0, out, false);
        }
        store.push(pushed);
        Path pulled = dir.resolve("for-anyone.cercle");
        try (OutputStream out = Files.newOutputStream(pulled)) {
            store.pull(DeviceId.newId(), 0, 1_000, out, false);
        }

        assertThatThrownBy(() -> store.push(pulled))
                .isInstanceOf(BundleException.class)
                .hasMessage("Line 1: the server takes push bundles, and this one is a pull");
        assertThat(store.status(null).cursor()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ServerBackends.Backend.class)
    void aTamperedBundleOverHttpsIsRefusedWithItsReasonAndNothingWritten(ServerBackends.Backend backend) throws Exception {
        TestServer server = server(ServerBackends.newDatabase(backend, dir));
        CercleDatabase townHall = installation("town-hall", TestData.CLOCK);
        Enrolment enrolment = server.enrol(townHall, "Mairie");
        Installations.seed(townHall, claire);
        java.io.ByteArrayOutputStream bundle = new java.io.ByteArrayOutputStream();
        new SealedFiles(townHall, enrolment, BundleLimits.DEFAULT).export(0, bundle);
        byte[] damaged = bundle.toByteArray();
        damaged[damaged.length - 100] ^= 0x01;

        HttpResponse<String> response = Requests.push(server, townHall, enrolment, damaged);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"problem\":\"TAMPERED\"", "altered after it was sealed");
        assertThat(server.gateway().store().status(null).cursor()).isZero();
    }

    @Test
    void aDeviceSendsOnlyWhatItSealedItself() throws Exception {
        TestServer server = server(ServerBackends.newDatabase(ServerBackends.Backend.H2, dir));
        CercleDatabase village = installation("village", TestData.CLOCK);
        CercleDatabase ccas = installation("ccas", TestData.CLOCK);
        Enrolment villageEnrolment = server.enrol(village, "Mairie de Vareilles");
        Enrolment ccasEnrolment = server.enrol(ccas, "CCAS");
        Installations.seed(village, claire);
        java.io.ByteArrayOutputStream bundle = new java.io.ByteArrayOutputStream();
        new SealedFiles(village, villageEnrolment, BundleLimits.DEFAULT).export(0, bundle);

        HttpResponse<String> sentByAnother = Requests.push(server, ccas, ccasEnrolment, bundle.toByteArray());

        assertThat(sentByAnother.statusCode()).isEqualTo(403);
        assertThat(sentByAnother.body()).contains("\"problem\":\"FOREIGN\"", "not by " + ccas.deviceId());
        assertThat(server.gateway().store().status(null).cursor()).isZero();
    }

    @Test
    void aChangeClaimedByAnotherDeviceInsideABundleIsRefusedWithItsLine() throws Exception {
        CercleDatabase village = installation("village", TestData.CLOCK);
        Installations.seed(village, claire);
        java.io.ByteArrayOutputStream bundle = new java.io.ByteArrayOutputStream();
        new BundleExport(village, "Mairie de Vareilles").ownChanges(0, bundle, false);
        DeviceId intruder = DeviceId.newId();
        String text = bundle.toString(java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        lines[2] = lines[2].replace(village.deviceId().toString(), intruder.toString());
        Path forged = dir.resolve("forged.cercle");
        Files.write(forged, fr.cercle.sync.format.Bundles.rehash(String.join("\n", lines)));
        ServerStore store = new ServerStore(keep(ServerBackends.open(ServerBackends.newDatabase(
                ServerBackends.Backend.H2, dir.resolve("other")))), BundleLimits.DEFAULT, Clock.systemUTC(), "x");

        assertThatThrownBy(() -> store.push(forged))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith("Line 3: the change " + intruder + ":2 was made by another device")
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.FOREIGN));
        assertThat(store.status(null).cursor()).as("nothing appended, not even line 2").isZero();
    }

    @Test
    void anUnreachableServerIsSaidPlainlyAndLosesNothing() throws Exception {
        CercleDatabase townHall = installation("town-hall", TestData.CLOCK);
        Installations.seed(townHall, claire);
        fr.cercle.sync.seal.PrivateIdentity anyKeys = fr.cercle.sync.seal.PrivateIdentity.generate();
        Enrolment nowhere = new Enrolment(URI.create("http://127.0.0.1:9/"), fr.cercle.sync.seal.Party.server(
                java.util.UUID.randomUUID()), "x", "x", anyKeys.publicIdentity(), "", anyKeys, TestData.CLOCK.instant());
        SyncClient client = new SyncClient(townHall, nowhere, BundleLimits.DEFAULT, Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.sync(step -> { }, () -> false))
                .isInstanceOf(SyncException.class)
                .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.UNREACHABLE));
        assertThat(townHall.journal().lastSeq(townHall.deviceId())).isEqualTo(2);
        assertThat(SyncState.read(townHall.localSettings()).acknowledged()).isZero();
    }
}
