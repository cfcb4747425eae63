package fr.cercle.sync.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real HTTPS over the loopback: the JDK's server and client, as the central server and the devices use them. */
class PinnedTrustTest {

    /** Made like the central server's: SAN localhost and 127.0.0.1. */
    private static ServerCertificate certificate;
    /** Names neither host the tests use: any hostname check would refuse it. */
    private static ServerCertificate elsewhere;
    private static final AtomicInteger reached = new AtomicInteger();
    private static HttpsServer server;
    private static HttpsServer elsewhereServer;

    @BeforeAll
    static void start() throws IOException {
        certificate = ServerCertificate.generate("cercle.test", Duration.ofDays(1));
        elsewhere = ServerCertificate.generate("cercle.test", Duration.ofDays(1), "dns:elsewhere.invalid");
        server = https(certificate);
        elsewhereServer = https(elsewhere);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        elsewhereServer.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void aClientPinnedToTheServersCertificateIsServed(String host) throws Exception {
        HttpResponse<String> response = get(PinnedTrust.pinned(certificate.fingerprint()), host, server);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void thePinIsTheOnlyCheckNotTheHostName(String host) throws Exception {
        HttpResponse<String> response = get(PinnedTrust.pinned(elsewhere.fingerprint()), host, elsewhereServer);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** Shows that the test above means something: HttpClient does ask the JDK's trust manager to check the name. */
    @Test
    void theJdksOwnTrustManagerWouldCheckTheHostName() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("elsewhere", elsewhere.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);

        assertThatThrownBy(() -> get(context, "127.0.0.1", elsewhereServer))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void aClientPinnedToAnotherCertificateNeverReachesTheServer() {
        int before = reached.get();

        assertThatThrownBy(() -> get(PinnedTrust.pinned(elsewhere.fingerprint()), "127.0.0.1", server))
                .isInstanceOf(IOException.class)
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("not the one pinned at enrolment")
                .hasMessageContaining(elsewhere.fingerprint())
                .hasMessageContaining(certificate.fingerprint());
        assertThat(reached).hasValue(before);
    }

    @Test
    void theFingerprintMayBeGivenAsPeopleReadIt() throws Exception {
        assertThat(get(PinnedTrust.pinned(certificate.fingerprintForPeople()), "127.0.0.1", server).statusCode())
                .isEqualTo(200);
    }

    @Test
    void somethingElseThanAFingerprintCannotBePinned() {
        assertThatThrownBy(() -> PinnedTrust.pinned("cafe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PinnedTrust.pinned(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PinnedTrust.pinned("g".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstContactRemembersTheCertificateItSaw() throws Exception {
        PinnedTrust.Recording recording = PinnedTrust.recording();
        assertThat(recording.seen()).isEmpty();

        assertThat(get(recording.context(), "127.0.0.1", server).statusCode()).isEqualTo(200);
        assertThat(recording.seen()).contains(certificate.fingerprint());

        assertThat(get(recording.context(), "localhost", elsewhereServer).statusCode()).isEqualTo(200);
        assertThat(recording.seen()).contains(elsewhere.fingerprint());
    }

    private static HttpsServer https(ServerCertificate identity) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(identity.serverContext()));
        https.createContext("/", exchange -> {
            reached.incrementAndGet();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        https.start();
        return https;
    }

    private static HttpResponse<String> get(SSLContext context, String host, HttpsServer https)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI uri = URI.create("https://" + host + ":" + https.getAddress().getPort() + "/");
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
