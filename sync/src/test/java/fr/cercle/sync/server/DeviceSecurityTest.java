package fr.cercle.sync.server;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import fr.cercle.sync.Opened;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.EnrolmentClient;
import fr.cercle.sync.client.SealedFiles;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleException.Problem;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.EnrolmentCode;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.PrivateIdentity;
import fr.cercle.sync.seal.RequestSignature;
import fr.cercle.sync.tls.PinnedTrust;
import fr.cercle.sync.tls.ServerCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

import static fr.cercle.sync.server.jooq.Tables.ENROLMENT_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server authenticates devices: enrolment with a one-time code (bound to the TLS certificate),
 * revocation effective at once over HTTPS and by file, signed requests, and sealed bundles that are
 * tampered, replayed or foreign refused before anything is parsed, with nothing written.
 */
class DeviceSecurityTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final Opened opened = new Opened();

    <T extends AutoCloseable> T keep(T closeable) {
        return opened.keep(closeable);
    }

    TestServer server(String name) throws Exception {
        return keep(TestServer.start(keep(ServerDatabase.h2(dir.resolve(name)))));
    }

    CercleDatabase installation(String name) {
        return keep(Installations.open(dir.resolve(name), TestData.CLOCK));
    }

    static Problem problem(Throwable e) {
        return ((BundleException) e).problem();
    }

    static SyncException.Kind kind(Throwable e) {
        return ((SyncException) e).kind();
    }

    @Test
    void aCodeEnrolsOneInstallationOnceAndPinsTheServersCertificate() throws Exception {
        TestServer server = server("server");
        CercleDatabase village = installation("village");
        CercleDatabase other = installation("other");
        EnrolmentCode code = server.gateway().registry().issueCode("Mairie de Vareilles", "Secrétariat", Duration.ofHours(1));

        Enrolment enrolment = new EnrolmentClient(village, Duration.ofSeconds(10)).enrol(server.uri(), code, () -> false);

        assertThat(enrolment.organisation()).isEqualTo("Mairie de Vareilles");
        assertThat(enrolment.secure()).isTrue();
        assertThat(enrolment.tlsPin()).isEqualTo(server.gateway().registry().certificate().fingerprint());
        assertThat(Enrolment.read(village.localSettings())).hasValueSatisfying(stored ->
                assertThat(stored.serverKeys()).isEqualTo(server.gateway().registry().keys().publicIdentity()));
        assertThat(server.gateway().registry().find(village.deviceId())).hasValueSatisfying(device -> {
            assertThat(device.label()).isEqualTo("Secrétariat");
            assertThat(device.keys()).isEqualTo(enrolment.deviceKeys().publicIdentity());
        });
        assertThatThrownBy(() -> new EnrolmentClient(other, Duration.ofSeconds(10)).enrol(server.uri(), code, () -> false))
                .as("a code serves once")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SyncException.Kind.ENROLMENT_REFUSED));
        assertThat(Enrolment.read(other.localSettings())).isEmpty();
        assertThat(server.gateway().registry().find(other.deviceId())).isEmpty();
    }

    @Test
    void aWrongOrExpiredCodeIsRefusedAndFiveWrongProofsKillACode() throws Exception {
        TestServer server = server("server");
        CercleDatabase village = installation("village");
        DeviceRegistry registry = server.gateway().registry();
        EnrolmentClient client = new EnrolmentClient(village, Duration.ofSeconds(10));

        assertThatThrownBy(() -> client.enrol(server.uri(), EnrolmentCode.generate(), () -> false))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SyncException.Kind.ENROLMENT_REFUSED))
                .hasMessageContaining("mistyped, already used or expired");

        EnrolmentCode expired = registry.issueCode("Mairie", "Poste", Duration.ofHours(1));
        ServerDatabase db = keep(ServerDatabase.h2(dir.resolve("server")));
        db.dsl().update(ENROLMENT_CODE).set(ENROLMENT_CODE.EXPIRES_AT, java.time.OffsetDateTime.now().minusMinutes(1))
                .where(ENROLMENT_CODE.LOOKUP.eq(expired.lookup())).execute();
        assertThatThrownBy(() -> client.enrol(server.uri(), expired, () -> false))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SyncException.Kind.ENROLMENT_REFUSED));

        // Someone trying codes against one code's lookup: after five wrong proofs, even the right one fails.
        EnrolmentCode code = registry.issueCode("Mairie", "Poste", Duration.ofHours(1));
        byte[] payload = ("{\"code\":\"" + code.lookup() + "\",\"device\":\"" + village.deviceId() + "\",\"keys\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(PrivateIdentity.generate().publicIdentity().toJson())
                + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < DeviceRegistry.MAX_FAILURES; i++) {
            byte[] guess = EnrolmentCode.proof(EnrolmentCode.generate().key(), "request", "", payload);
            assertThatThrownBy(() -> registry.enrol(payload, guess, "")).isInstanceOf(Refused.class);
        }
        assertThatThrownBy(() -> registry.enrol(payload, EnrolmentCode.proof(code.key(), "request", "", payload), ""))
                .isInstanceOf(Refused.class);
        assertThat(registry.devices()).isEmpty();
        assertThat(Enrolment.read(village.localSettings())).isEmpty();
    }

    @Test
    void aManInTheMiddleWithAnotherCertificateCannotEnrolNorBeEnrolledWith() throws Exception {
        TestServer server = server("server");
        CercleDatabase village = installation("village");
        EnrolmentCode code = server.gateway().registry().issueCode("Mairie", "Poste", Duration.ofHours(1));
        HttpsServer relay = relay(server);

        assertThatThrownBy(() -> new EnrolmentClient(village, Duration.ofSeconds(10))
                .enrol(URI.create("https://127.0.0.1:" + relay.getAddress().getPort() + "/"), code, () -> false))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SyncException.Kind.ENROLMENT_REFUSED));

        assertThat(server.gateway().registry().devices()).as("the relayed proof covers the relay's certificate").isEmpty();
        assertThat(Enrolment.read(village.localSettings())).isEmpty();
    }

    /** Forwards every request to the real server, presenting a certificate of its own. */
    private HttpsServer relay(TestServer target) throws Exception {
        ServerCertificate own = ServerCertificate.generate("relay", Duration.ofDays(1));
        HttpsServer relay = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        relay.setHttpsConfigurator(new HttpsConfigurator(own.serverContext()));
        HttpClient onward = HttpClient.newBuilder().sslContext(PinnedTrust.recording().context()).build();
        relay.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.uri() + exchange.getRequestURI()
                        .toString().substring(1))).method(exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
                HttpResponse<byte[]> answer = onward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        relay.setExecutor(Executors.newFixedThreadPool(2));
        relay.start();
        opened.keep(() -> relay.stop(0));
        return relay;
    }

    @Test
    void aServerPresentingAnotherCertificateThanThePinnedOneIsRefused() throws Exception {
        TestServer server = server("server");
        TestServer impostor = server("impostor");
        CercleDatabase village = installation("village");
        Enrolment real = server.enrol(village, "Mairie");
        new Enrolment(impostor.uri(), real.serverParty(), real.serverName(), real.organisation(), real.serverKeys(),
                real.tlsPin(), real.deviceKeys(), real.enrolledAt()).write(village.localSettings());
        Installations.seed(village, TestData.staff());

        assertThatThrownBy(() -> TestServer.sync(village))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SyncException.Kind.BAD_ANSWER))
                .hasMessageContaining("did not present the certificate pinned at enrolment");
        assertThat(impostor.gateway().store().status(null).cursor()).isZero();
    }

    @Test
    void aRevokedInstallationIsRefusedAtOnceOverHttpsAndByFileWithNothingWritten() throws Exception {
        TestServer server = server("server");
        CercleDatabase village = installation("village");
        Enrolment enrolment = server.enrol(village, "Mairie de Vareilles");
        var jeanne = Installations.seed(village, TestData.staff());
        TestServer.sync(village);
        long cursor = server.gateway().store().status(null).cursor();
        Installations.beneficiaries(village).save(TestData.beneficiary(jeanne.referent()).firstName("Marcel").build(),
                jeanne.referent());
        Path usb = dir.resolve("village.cercle");
        try (OutputStream out = Files.newOutputStream(usb)) {
            new SealedFiles(village, enrolment, BundleLimits.DEFAULT).export(SyncState.read(village.localSettings()).acknowledged(), out);
        }

        assertThat(server.gateway().registry().revoke(village.deviceId())).isTrue();

        assertThatThrownBy(() -> TestServer.sync(village))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SyncException.Kind.REVOKED))
                .hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> server.gateway().receive(usb))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.REVOKED));
        assertThatThrownBy(() -> server.gateway().send(village.deviceId(), 0, 100, new ByteArrayOutputStream()))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.REVOKED));
        HttpResponse<String> pull = Requests.client(enrolment).send(Requests.signed(server, village, enrolment, "GET",
                "/v1/pull?device=" + village.deviceId() + "&after=0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pull.statusCode()).isEqualTo(403);
        assertThat(pull.body()).contains("\"problem\":\"REVOKED\"");
        assertThat(server.gateway().store().status(null).cursor()).isEqualTo(cursor);
        // Withdrawn for good: a new code does not bring it back.
        assertThatThrownBy(() -> server.enrol(village, "Mairie de Vareilles"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SyncException.Kind.REVOKED));
    }

    @Test
    void unsignedOrForgedRequestsAreRefused() throws Exception {
        TestServer server = server("server");
        CercleDatabase village = installation("village");
        CercleDatabase other = installation("other");
        Enrolment enrolment = server.enrol(village, "Mairie");
        Enrolment otherEnrolment = server.enrol(other, "Mairie");
        HttpClient http = Requests.client(enrolment);
        String pull = "/v1/pull?device=" + village.deviceId() + "&after=0";

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(server.uri() + pull.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("UNSIGNED");

        // The other installation's key, claiming to be the village.
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(server.uri() + pull.substring(1)))
                .header(RequestSignature.DEVICE_HEADER, village.deviceId().toString())
                .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(otherEnrolment.deviceKeys(), "GET", pull))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("BAD_SIGNATURE");

        // A signature of another request does not serve for this one.
        HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(server.uri() + pull.substring(1)))
                .header(RequestSignature.DEVICE_HEADER, village.deviceId().toString())
                .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(enrolment.deviceKeys(), "GET",
                        "/v1/pull?device=" + village.deviceId() + "&after=5"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).isEqualTo(401);

        HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "v1/status"))
                .header(RequestSignature.DEVICE_HEADER, DeviceId.newId().toString())
                .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(PrivateIdentity.generate(), "GET", "/v1/status"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.body()).contains("UNKNOWN_DEVICE", "not enrolled");
    }

    @Test
    void foreignBundlesAreRefusedBeforeParsingWithNothingWritten() throws Exception {
        TestServer server = server("server");
        TestServer elsewhere = server("elsewhere");
        CercleDatabase village = installation("village");
        CercleDatabase ccas = installation("ccas");
        CercleDatabase stranger = installation("stranger");
        Enrolment village1 = server.enrol(village, "Mairie");
        Enrolment ccas1 = server.enrol(ccas, "CCAS");
        Enrolment strangerElsewhere = elsewhere.enrol(stranger, "Ailleurs");
        Installations.seed(village, TestData.staff());
        Installations.seed(stranger, TestData.staff());

        // Sealed for another server: that server alone could open it.
        Path forElsewhere = dir.resolve("for-elsewhere.cercle");
        try (OutputStream out = Files.newOutputStream(forElsewhere)) {
            new SealedFiles(stranger, strangerElsewhere, BundleLimits.DEFAULT).export(0, out);
        }
        assertThatThrownBy(() -> server.gateway().receive(forElsewhere))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.NOT_FOR_US));

        // Sealed for this server by an installation it never enrolled.
        Enrolment notEnrolled = new Enrolment(server.uri(), server.gateway().registry().party(), "x", "x",
                server.gateway().registry().keys().publicIdentity(), "", PrivateIdentity.generate(), TestData.CLOCK.instant());
        Path fromStranger = dir.resolve("from-stranger.cercle");
        try (OutputStream out = Files.newOutputStream(fromStranger)) {
            new SealedFiles(stranger, notEnrolled, BundleLimits.DEFAULT).export(0, out);
        }
        assertThatThrownBy(() -> server.gateway().receive(fromStranger))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.UNKNOWN_SENDER));
        assertThat(server.gateway().store().status(null).cursor()).isZero();

        // The server's file for the village, brought to the CCAS.
        TestServer.sync(village);
        Path forVillage = dir.resolve("for-village.cercle");
        try (OutputStream out = Files.newOutputStream(forVillage)) {
            server.gateway().send(village.deviceId(), 0, 100, out);
        }
        long ccasJournal = ccas.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL);
        assertThatThrownBy(() -> new SealedFiles(ccas, ccas1, BundleLimits.DEFAULT).importFile(forVillage))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.NOT_FOR_US));
        // A file from another server than the one the CCAS is enrolled with.
        Path fromElsewhere = dir.resolve("from-elsewhere.cercle");
        try (OutputStream out = Files.newOutputStream(fromElsewhere)) {
            fr.cercle.sync.seal.SealedBundle.seal(Files.write(dir.resolve("empty"), new byte[0]), out,
                    elsewhere.gateway().registry().party(), elsewhere.gateway().registry().keys(), Party.device(ccas.deviceId()),
                    ccas1.deviceKeys().publicIdentity(), Clock.systemUTC());
        }
        assertThatThrownBy(() -> new SealedFiles(ccas, ccas1, BundleLimits.DEFAULT).importFile(fromElsewhere))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.UNKNOWN_SENDER));
        assertThat(ccas.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL)).isEqualTo(ccasJournal);
        assertThat(village1.organisation()).isEqualTo("Mairie");
    }

    @Test
    void aPlainBundleIsRefusedOverHttpsAndOnAKey() throws Exception {
        TestServer server = server("server");
        CercleDatabase village = installation("village");
        Enrolment enrolment = server.enrol(village, "Mairie");
        Installations.seed(village, TestData.staff());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new fr.cercle.sync.client.BundleExport(village, "Mairie").ownChanges(0, plain, false);

        HttpResponse<String> response = Requests.push(server, village, enrolment, plain.toByteArray());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("NOT_SEALED");
        Path file = Files.write(dir.resolve("plain.cercle"), plain.toByteArray());
        assertThatThrownBy(() -> server.gateway().receive(file))
                .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.NOT_SEALED));
        assertThat(server.gateway().store().status(null).cursor()).isZero();
    }
}
