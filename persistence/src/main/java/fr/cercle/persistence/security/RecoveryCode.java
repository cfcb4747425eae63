package fr.cercle.persistence.security;

import java.security.SecureRandom;

/**
 * The recovery code shown once when the keyring is made, to be printed and kept in the town hall's
 * safe: 24 characters in six groups of four ({@code K7PQ-3M9X-...}), from an alphabet without
 * look-alikes (no 0/O, 1/I/L), about 118 bits. Typed back with or without dashes, in any case.
 */
final class RecoveryCode {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int GROUPS = 6;
    private static final int GROUP = 4;

    private RecoveryCode() {
    }

    static char[] random(SecureRandom random) {
        char[] code = new char[GROUPS * GROUP + GROUPS - 1];
        int at = 0;
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                code[at++] = '-';
            }
            for (int i = 0; i < GROUP; i++) {
                code[at++] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
        }
        return code;
    }

    /** The code as the key derivation sees it: upper case, without dashes or spaces. */
    static char[] normalise(char[] typed) {
        StringBuilder kept = new StringBuilder(typed.length);
        for (char c : typed) {
            if (c != '-' && !Character.isWhitespace(c)) {
                kept.append(Character.toUpperCase(c));
            }
        }
        char[] result = new char[kept.length()];
        kept.getChars(0, kept.length(), result, 0);
        return result;
    }
}
