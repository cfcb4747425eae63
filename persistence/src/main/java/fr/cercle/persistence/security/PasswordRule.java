package fr.cercle.persistence.security;

/**
 * What a password must be. Length rather than composition rules (ANSSI and NIST SP 800-63B agree):
 * a passphrase of a few words is strong and easy to remember for a town-hall secretary.
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;

    private PasswordRule() {
    }

    /** Whether the password may be used. */
    public static boolean accepts(char[] password) {
        return password.length >= MIN_LENGTH;
    }
}
