package fr.cercle.sync.seal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A one-time enrolment code: 16 characters of Crockford's base 32 (80 random bits), shown as four
 * groups of four, typed by an administrator on the installation to enrol. Neither side sends the code:
 * each proves it knows it with an HMAC-SHA256, keyed by the code's hash, of what it sends and of the
 * TLS certificate it sees (docs/exchange-format.md, section 12). A man in the middle presenting another
 * certificate cannot make a proof the server accepts, nor answer one the installation accepts.
 */
public final class EnrolmentCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String normalized;

    private EnrolmentCode(String normalized) {
        this.normalized = normalized;
    }

    public static EnrolmentCode generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new EnrolmentCode(code.toString());
    }

    /**
     * The code a person typed: case, spaces and hyphens do not matter, and the letters O, I and L read
     * as the digits they look like. Empty if it is not 16 such characters.
     */
    public static Optional<EnrolmentCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(new EnrolmentCode(code.toString())) : Optional.empty();
    }

    /** As shown to people: {@code XXXX-XXXX-XXXX-XXXX}. */
    @Override
    public String toString() {
        return normalized.substring(0, 4) + "-" + normalized.substring(4, 8) + "-" + normalized.substring(8, 12) + "-"
                + normalized.substring(12);
    }

    /** The key of the proofs, hex: what the server keeps instead of the code. */
    public String key() {
        return HexFormat.of().formatHex(sha256(("cercle-enrolment-1 " + normalized).getBytes(StandardCharsets.US_ASCII)));
    }

    /** How a request names its code without revealing it, hex. */
    public String lookup() {
        return lookup(key());
    }

    public static String lookup(String key) {
        return HexFormat.of().formatHex(sha256(HexFormat.of().parseHex(key)));
    }

    /**
     * The proof, keyed by {@code key}, of a {@code step} ("request" or "answer") carrying {@code payload}
     * over a connection whose server certificate has {@code tlsFingerprint} (empty over plain HTTP).
     */
    public static byte[] proof(String key, String step, String tlsFingerprint, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
            byte[] context = ("cercle-enrol-1 " + step + "\n" + tlsFingerprint + "\n").getBytes(StandardCharsets.US_ASCII);
            return mac.doFinal(ByteBuffer.allocate(context.length + payload.length).put(context).put(payload).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Compares two proofs in constant time. */
    public static boolean sameProof(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
