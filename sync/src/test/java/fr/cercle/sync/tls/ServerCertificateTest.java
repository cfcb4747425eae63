package fr.cercle.sync.tls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ServerCertificateTest {

    private static ServerCertificate certificate;

    @BeforeAll
    static void generateOnce() {
        certificate = ServerCertificate.generate("cercle.test", Duration.ofDays(365));
    }

    @Test
    void theFingerprintIsTheSha256OfTheCertificateInLowercaseHex() throws Exception {
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded()));

        assertThat(certificate.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(expected);
        assertThat(ServerCertificate.fingerprint(certificate.certificate())).isEqualTo(expected);
    }

    @Test
    void peopleReadTheFingerprintInUppercaseGroupsOfFour() {
        String people = certificate.fingerprintForPeople();

        assertThat(people).matches("[0-9A-F]{4}( [0-9A-F]{4}){15}");
        assertThat(people.replace(" ", "").toLowerCase()).isEqualTo(certificate.fingerprint());
    }

    @Test
    void theCertificateIsSelfSignedWithAnEcKeyForTheLoopbackNames() throws Exception {
        X509Certificate x509 = certificate.certificate();

        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=cercle.test");
        assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
        x509.verify(x509.getPublicKey());
        assertThat(x509.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(x509.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(x509.getNotAfter().toInstant())
                .isCloseTo(Instant.now().plus(365, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));
        assertThat(certificate.password()).hasSize(24).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theStoredBytesAndPasswordGiveTheSameCertificateBack() {
        ServerCertificate loaded = ServerCertificate.of(certificate.pkcs12(), certificate.password());

        assertThat(loaded.fingerprint()).isEqualTo(certificate.fingerprint());
        assertThat(loaded.certificate()).isEqualTo(certificate.certificate());
        assertThat(loaded.serverContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void theStoredBytesCannotBeChangedFromOutside() {
        byte[] bytes = certificate.pkcs12();
        bytes[0] ^= 0x7f;

        assertThat(certificate.pkcs12()).isNotEqualTo(bytes);
    }

    @Test
    void aWrongPasswordIsRefusedClearly() {
        assertThatThrownBy(() -> ServerCertificate.of(certificate.pkcs12(), "not the password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password is wrong");
    }

    @Test
    void bytesThatAreNoKeyStoreAreRefusedClearly() {
        assertThatThrownBy(() -> ServerCertificate.of("garbage".getBytes(), certificate.password()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PKCS12 key store");
        assertThatThrownBy(() -> ServerCertificate.of(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyStoreWithoutAPrivateKeyIsRefused() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("cercle", certificate.certificate());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, "secret".toCharArray());

        assertThatThrownBy(() -> ServerCertificate.of(bytes.toByteArray(), "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one private key");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a,b", "CN=x", "x\"y", "x+y", "x;y", "x\\y", " x", "x ", "a  b", "Créteil", "x\ny",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void aCommonNameThatWouldBreakTheDistinguishedNameIsRefused(String commonName) {
        assertThatThrownBy(() -> ServerCertificate.generate(commonName, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("common name");
    }

    @Test
    void theValidityMustBePositive() {
        assertThatThrownBy(() -> ServerCertificate.generate("cercle", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerCertificate.generate("cercle", Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
