package fr.cercle.sync.seal;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleException.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedBundleTest {

    private static PrivateIdentity device;
    private static PrivateIdentity server;
    private static PrivateIdentity stranger;
    private static final Party DEVICE = Party.device(DeviceId.newId());
    private static final Party SERVER = Party.server(UUID.randomUUID());

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        device = PrivateIdentity.generate();
        server = PrivateIdentity.generate();
        stranger = PrivateIdentity.generate();
    }

    private Path plain(int bytes) throws IOException {
        byte[] content = new byte[bytes];
        new Random(7).nextBytes(content);
        return Files.write(dir.resolve("plain-" + bytes), content);
    }

    private Path seal(Path plain, PrivateIdentity from, PublicIdentity to) throws IOException {
        Path sealed = dir.resolve("sealed-" + UUID.randomUUID());
        try (OutputStream out = Files.newOutputStream(sealed)) {
            SealedBundle.seal(plain, out, DEVICE, from, SERVER, to, Clock.systemUTC());
        }
        return sealed;
    }

    private Path open(Path sealed, PublicIdentity from, PrivateIdentity to) throws Exception {
        Path out = dir.resolve("opened-" + UUID.randomUUID());
        SealedBundle.open(sealed, SealedBundle.envelope(sealed), from, to, out);
        return out;
    }

    @Test
    void aSealedBundleOpensForItsRecipientAsItWas() throws Exception {
        // Three 1 MB segments and a bit: the streaming encryption's segments join back exactly.
        Path plain = plain(3 * 1024 * 1024 + 17);
        Path sealed = seal(plain, device, server.publicIdentity());

        SealedBundle.Envelope envelope = SealedBundle.envelope(sealed);
        assertThat(envelope.sender()).isEqualTo(DEVICE);
        assertThat(envelope.recipient()).isEqualTo(SERVER);
        assertThat(Files.readAllBytes(open(sealed, device.publicIdentity(), server))).isEqualTo(Files.readAllBytes(plain));
    }

    @Test
    void theContentCannotBeReadInTheFile() throws Exception {
        Path plain = Files.writeString(dir.resolve("p"), "{\"lastName\":\"Durand-Sentinelle\"}\n".repeat(50));
        byte[] sealed = Files.readAllBytes(seal(plain, device, server.publicIdentity()));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Durand-Sentinelle");
    }

    @Test
    void anyAlteredByteIsRefusedBeforeAnythingIsDecrypted() throws Exception {
        Path sealed = seal(plain(100_000), device, server.publicIdentity());
        byte[] bytes = Files.readAllBytes(sealed);
        int envelopeEnd = SealedBundle.envelope(sealed).prefix().length;
        // In the ciphertext, in the signature, and in the envelope's key (the JSON stays valid).
        for (int at : new int[] {envelopeEnd + 10, bytes.length - 20, bytes.length / 2}) {
            byte[] altered = bytes.clone();
            altered[at] ^= 0x01;
            Path file = Files.write(dir.resolve("altered-" + at), altered);
            assertThatThrownBy(() -> open(file, device.publicIdentity(), server))
                    .isInstanceOf(BundleException.class)
                    .extracting(e -> ((BundleException) e).problem()).isEqualTo(Problem.TAMPERED);
        }
    }

    @Test
    void anEnvelopeRewrittenToNameAnotherSenderIsRefused() throws Exception {
        Path sealed = seal(plain(1_000), device, server.publicIdentity());
        String text = new String(Files.readAllBytes(sealed), StandardCharsets.ISO_8859_1);
        Party other = Party.device(DeviceId.newId());
        Path forged = Files.write(dir.resolve("forged"), text.replace(DEVICE.toString(), other.toString())
                .getBytes(StandardCharsets.ISO_8859_1));
        SealedBundle.Envelope envelope = SealedBundle.envelope(forged);
        assertThat(envelope.sender()).isEqualTo(other);
        // Whoever the forger claims to be, the signature is checked with the claimed sender's key.
        assertThatThrownBy(() -> SealedBundle.open(forged, envelope, stranger.publicIdentity(), server, dir.resolve("o")))
                .extracting(e -> ((BundleException) e).problem()).isEqualTo(Problem.TAMPERED);
    }

    @Test
    void aBundleSealedByAnotherThanItsSenderIsRefused() throws Exception {
        Path sealed = seal(plain(1_000), stranger, server.publicIdentity());
        assertThatThrownBy(() -> open(sealed, device.publicIdentity(), server))
                .extracting(e -> ((BundleException) e).problem()).isEqualTo(Problem.TAMPERED);
    }

    @Test
    void aBundleSealedForOthersCannotBeOpened() throws Exception {
        Path sealed = seal(plain(1_000), device, stranger.publicIdentity());
        assertThatThrownBy(() -> open(sealed, device.publicIdentity(), server))
                .extracting(e -> ((BundleException) e).problem()).isEqualTo(Problem.NOT_FOR_US);
    }

    @Test
    void plainTruncatedAndForeignFilesAreToldApart() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.cercle"), "{\"format\":\"cercle-exchange\"}\n");
        assertThatThrownBy(() -> SealedBundle.envelope(plain))
                .extracting(e -> ((BundleException) e).problem()).isEqualTo(Problem.NOT_SEALED);
        assertThat(SealedBundle.isSealed(plain)).isFalse();

        Path sealed = seal(plain(1_000), device, server.publicIdentity());
        assertThat(SealedBundle.isSealed(sealed)).isTrue();
        byte[] bytes = Files.readAllBytes(sealed);
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, 30));
        assertThatThrownBy(() -> SealedBundle.envelope(cut))
                .extracting(e -> ((BundleException) e).problem()).isEqualTo(Problem.TRUNCATED);
        Path shorter = Files.write(dir.resolve("shorter"), Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> open(shorter, device.publicIdentity(), server))
                .extracting(e -> ((BundleException) e).problem()).isEqualTo(Problem.TAMPERED);
    }

    @Test
    void keysSurviveTheirWrittenForm() throws Exception {
        PrivateIdentity again = PrivateIdentity.fromJson(server.toJson());
        assertThat(again.publicIdentity()).isEqualTo(server.publicIdentity());
        assertThat(PublicIdentity.fromJson(server.publicIdentity().toJson())).isEqualTo(server.publicIdentity());
        assertThat(server.publicIdentity().toJson()).doesNotContain(PrivateIdentity.fromJson(server.toJson()).toJson());
        Path sealed = seal(plain(500), device, server.publicIdentity());
        assertThat(open(sealed, device.publicIdentity(), again)).exists();
        assertThatThrownBy(() -> PublicIdentity.fromJson("{\"verifying\":\"x\",\"sealing\":\"y\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
