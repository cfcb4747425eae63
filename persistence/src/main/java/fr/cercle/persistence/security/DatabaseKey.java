package fr.cercle.persistence.security;

import java.security.SecureRandom;

/**
 * The key that opens the database file (H2's {@code CIPHER=AES}): 32 random characters from 62
 * ASCII letters and digits, about 190 bits. ASCII because H2 drops the high byte of each character
 * of a file password, which would weaken a key made of arbitrary characters. Nobody types it: it is
 * kept wrapped in the {@link Keyring}, once per account, and unwrapped by a password.
 */
public final class DatabaseKey {

    static final int LENGTH = 32;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final char[] chars;

    private DatabaseKey(char[] chars) {
        if (chars.length != LENGTH) {
            throw new IllegalArgumentException("A database key has " + LENGTH + " characters");
        }
        for (char c : chars) {
            if (!isAlphanumeric(c)) {
                throw new IllegalArgumentException("A database key holds ASCII letters and digits only");
            }
        }
        this.chars = chars.clone();
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    static DatabaseKey random(SecureRandom random) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new DatabaseKey(chars);
    }

    static DatabaseKey of(byte[] ascii) {
        char[] chars = new char[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            chars[i] = (char) ascii[i];
        }
        return new DatabaseKey(chars);
    }

    byte[] ascii() {
        byte[] bytes = new byte[chars.length];
        for (int i = 0; i < chars.length; i++) {
            bytes[i] = (byte) chars[i];
        }
        return bytes;
    }

    /**
     * The password to give H2's connection for a file opened with {@code CIPHER=AES}: the file
     * password, a space, then the user password (none).
     */
    public String h2Password() {
        return new String(chars) + " ";
    }

    /**
     * A 256-bit key for another use of this installation's secret, told apart by {@code label}
     * (HMAC-SHA256 of the label under this key): the backups are encrypted with one, so that whoever
     * can open the database can open its backups, and no other secret must be kept.
     */
    public byte[] derive(String label) {
        byte[] ascii = ascii();
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(ascii, "HmacSHA256"));
            return mac.doFinal(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new KeyringException("The key derivation failed", e);
        } finally {
            java.util.Arrays.fill(ascii, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "DatabaseKey[hidden]";
    }
}
