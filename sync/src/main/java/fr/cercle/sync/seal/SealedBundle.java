package fr.cercle.sync.seal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleException.Problem;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A bundle sealed for its journey (docs/exchange-format.md, section 11): encrypted for its recipient
 * and signed by its sender, so that a lost USB key or a copied request reveals nothing and an altered
 * or foreign file is refused before a byte of it is parsed.
 *
 * <p>The file is the magic line {@code CERCLE-SEALED-1\n}, the envelope's length (4 bytes, big-endian)
 * and its JSON, then the bundle encrypted with Tink's streaming AES-256-GCM (HKDF, 1 MB segments) under
 * a key used once, that key itself sealed for the recipient with HPKE, and last the sender's Ed25519
 * signature (64 bytes) of everything before the ciphertext followed by the ciphertext's SHA-256. The
 * envelope is the encryption's associated data, so no field of it can be changed either.
 */
public final class SealedBundle {

    private static final byte[] MAGIC = "CERCLE-SEALED-1\n".getBytes(StandardCharsets.US_ASCII);
    public static final String FORMAT = "cercle-sealed";
    public static final int VERSION = 1;
    static final int MAX_ENVELOPE = 16 * 1024;
    static final int SIGNATURE = 64;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SealedBundle() {
    }

    /**
     * What the envelope says, read without opening anything: who sealed the bundle, for whom, when, and
     * its id (a recipient opens one id once).
     */
    public record Envelope(UUID id, Party sender, Party recipient, Instant created, byte[] sealedKey, byte[] prefix) {
    }

    /** Whether the file starts like a sealed bundle (and not like a plain one). */
    public static boolean isSealed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    /** Seals the plain bundle {@code plain} for {@code recipient} and writes it to {@code out}. */
    public static Envelope seal(Path plain, OutputStream out, Party sender, PrivateIdentity senderKeys,
                                Party recipient, PublicIdentity recipientKeys, Clock clock) throws IOException {
        try {
            UUID id = UUID.randomUUID();
            KeysetHandle once = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            byte[] sealedKey = recipientKeys.encrypt(
                    TinkProtoKeysetFormat.serializeKeyset(once, InsecureSecretKeyAccess.get()), context(id));
            Instant created = clock.instant();
            ObjectNode header = JSON.createObjectNode();
            header.put("format", FORMAT);
            header.put("version", VERSION);
            header.put("id", id.toString());
            header.put("sender", sender.toString());
            header.put("recipient", recipient.toString());
            header.put("created", created.toString());
            header.put("key", Base64.getEncoder().encodeToString(sealedKey));
            byte[] envelope = JSON.writeValueAsBytes(header);
            byte[] prefix = ByteBuffer.allocate(MAGIC.length + 4 + envelope.length)
                    .put(MAGIC).putInt(envelope.length).put(envelope).array();
            out.write(prefix);
            MessageDigest digest = sha256();
            StreamingAead aead = once.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
            try (OutputStream encrypted = aead.newEncryptingStream(new DigestOutputStream(kept(out), digest), prefix)) {
                Files.copy(plain, encrypted);
            }
            out.write(senderKeys.sign(signed(prefix, digest.digest())));
            out.flush();
            return new Envelope(id, sender, recipient, created, sealedKey, prefix);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal the bundle: " + e.getMessage(), e);
        }
    }

    /** Reads the envelope of a sealed file, checking its frame; nothing is decrypted yet. */
    public static Envelope envelope(Path file) throws BundleException, IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new BundleException(Problem.NOT_SEALED, 0, magic.length > 0 && (magic[0] == '{' || magic[0] == 0x1f)
                        ? "the file is a bundle that is not sealed: only bundles encrypted and signed by an enrolled "
                          + "installation or by the server are accepted"
                        : "the file is not a Cercle bundle");
            }
            byte[] length = in.readNBytes(4);
            int envelopeLength = length.length == 4 ? ByteBuffer.wrap(length).getInt() : -1;
            if (envelopeLength <= 0 || envelopeLength > MAX_ENVELOPE
                    || MAGIC.length + 4L + envelopeLength + SIGNATURE > size) {
                throw new BundleException(Problem.TRUNCATED, 0, "the sealed bundle is cut short or its envelope is damaged");
            }
            byte[] envelope = in.readNBytes(envelopeLength);
            byte[] prefix = ByteBuffer.allocate(MAGIC.length + 4 + envelopeLength)
                    .put(MAGIC).putInt(envelopeLength).put(envelope).array();
            return parse(envelope, prefix);
        }
    }

    private static Envelope parse(byte[] envelope, byte[] prefix) throws BundleException {
        JsonNode json;
        try {
            json = JSON.readTree(envelope);
        } catch (IOException e) {
            throw new BundleException(Problem.MALFORMED, 0, "the sealed bundle's envelope is not JSON");
        }
        if (json == null || !json.isObject() || !FORMAT.equals(json.path("format").asText())) {
            throw new BundleException(Problem.MALFORMED, 0, "the envelope does not say it is a " + FORMAT + " envelope");
        }
        if (json.path("version").asInt(-1) != VERSION) {
            throw new BundleException(Problem.UNKNOWN_FORMAT_VERSION, 0, "the sealed bundle is of envelope version "
                    + json.path("version") + "; this program reads version " + VERSION);
        }
        try {
            return new Envelope(UUID.fromString(text(json, "id")), Party.parse(text(json, "sender")),
                    Party.parse(text(json, "recipient")), Instant.parse(text(json, "created")),
                    Base64.getDecoder().decode(text(json, "key")), prefix);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BundleException(Problem.MALFORMED, 0, "the sealed bundle's envelope is damaged: " + e.getMessage());
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText();
    }

    /**
     * Checks the signature with the sender's key, then opens the bundle with the recipient's keys and
     * writes the plain bundle to {@code plainOut}. Nothing is decrypted before the signature is found
     * right; the caller has checked that the envelope names a sender it knows and itself as recipient.
     */
    public static void open(Path file, Envelope envelope, PublicIdentity senderKeys, PrivateIdentity recipientKeys,
                            Path plainOut) throws BundleException, IOException {
        long size = Files.size(file);
        long from = envelope.prefix().length;
        long length = size - from - SIGNATURE;
        byte[] signature;
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(from);
            try (InputStream in = limited(channel, length)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            ByteBuffer tail = ByteBuffer.allocate(SIGNATURE);
            while (tail.hasRemaining() && channel.read(tail, size - SIGNATURE + tail.position()) > 0) {
                // reads the signature at the end of the file
            }
            signature = tail.array();
        }
        if (!senderKeys.verifies(signature, signed(envelope.prefix(), digest.digest()))) {
            throw new BundleException(Problem.TAMPERED, 0, "the bundle's signature is not " + envelope.sender()
                    + "'s: it was altered after it was sealed, or sealed by someone else");
        }
        StreamingAead aead;
        try {
            KeysetHandle once = TinkProtoKeysetFormat.parseKeyset(
                    recipientKeys.decrypt(envelope.sealedKey(), context(envelope.id())), InsecureSecretKeyAccess.get());
            aead = once.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new BundleException(Problem.NOT_FOR_US, 0, "the bundle was sealed for " + envelope.recipient()
                    + " with other keys than this one's: it cannot be opened here");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             OutputStream out = Files.newOutputStream(plainOut)) {
            channel.position(from);
            try (InputStream in = aead.newDecryptingStream(limited(channel, length), envelope.prefix())) {
                in.transferTo(out);
            } catch (GeneralSecurityException | IOException e) {
                throw new BundleException(Problem.TAMPERED, 0, "the bundle's content does not decrypt: " + e.getMessage());
            }
        }
    }

    private static byte[] context(UUID id) {
        return ("cercle-sealed-1 " + id).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] signed(byte[] prefix, byte[] ciphertextDigest) {
        return ByteBuffer.allocate(prefix.length + ciphertextDigest.length).put(prefix).put(ciphertextDigest).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** {@code out}, which closing the encrypting stream must not close: the signature follows. */
    private static OutputStream kept(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** The next {@code length} bytes of the channel, as a stream that ends there. */
    private static InputStream limited(FileChannel channel, long length) {
        InputStream in = Channels.newInputStream(channel);
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() {
                // the channel belongs to the caller
            }
        };
    }
}
