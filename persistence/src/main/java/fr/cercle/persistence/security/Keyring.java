package fr.cercle.persistence.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts' keys to the database file, kept beside it in {@value #FILE_NAME}. The database is
 * encrypted with one random {@link DatabaseKey}; the keyring holds it once per account (a slot),
 * encrypted (AES-GCM) with a key derived from that account's password (PBKDF2-HMAC-SHA256, a random
 * salt per slot). Signing in is unwrapping one's slot: a wrong password fails GCM's authentication,
 * so no password hash is stored. A recovery slot, opened by a code shown once when the keyring is
 * made, lets an administrator back in without any backdoor. Repeated failures lock a login for a
 * while. See docs/security.md.
 *
 * <p>Not thread-safe; the file is rewritten whole, atomically, at every change.
 */
public final class Keyring {

    public static final String FILE_NAME = "keyring.json";
    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
    public static final int ITERATIONS = 600_000;
    /** Failures in a row after which a login is locked. */
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** The login of the recovery slot; accounts' logins are lower-case letters, digits, dots and dashes. */
    static final String RECOVERY = "#recovery";

    private static final int FORMAT = 1;
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final int iterations;
    private final SecureRandom random;
    private final List<Slot> slots;

    private Keyring(Path file, int iterations, SecureRandom random, List<Slot> slots) {
        this.file = file;
        this.iterations = iterations;
        this.random = random;
        this.slots = new ArrayList<>(slots);
    }

    /** Whether this data folder has a keyring: if not, the first start creates the administrator. */
    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME));
    }

    /** A new keyring and database key, with the first account (the administrator) and a recovery code. */
    public static Created create(Path dataDir, String login, char[] password) {
        return create(dataDir, login, password, ITERATIONS);
    }

    /**
     * As {@link #create(Path, String, char[])}, with another PBKDF2 iteration count: for tests, where
     * 600,000 iterations per sign-in would cost seconds. The count is stored in each slot.
     */
    public static Created create(Path dataDir, String login, char[] password, int iterations) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            throw new IllegalStateException("This data folder already has a keyring: " + file);
        }
        SecureRandom random = new SecureRandom();
        Keyring keyring = new Keyring(file, iterations, random, List.of());
        DatabaseKey key = DatabaseKey.random(random);
        keyring.slots.add(keyring.seal(checkLogin(login), checkPassword(password), key));
        char[] recovery = RecoveryCode.random(random);
        keyring.slots.add(keyring.seal(RECOVERY, RecoveryCode.normalise(recovery), key));
        keyring.save();
        return new Created(keyring, key, new String(recovery));
    }

    /** What {@link #create} makes: the keyring, the database key, and the recovery code to show once. */
    public record Created(Keyring keyring, DatabaseKey key, String recoveryCode) {
        @Override
        public String toString() {
            return "Created[" + keyring.logins() + "]";
        }
    }

    /** Reads the keyring of a data folder. */
    public static Keyring load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            if (stored.format() != FORMAT || stored.slots() == null) {
                throw new KeyringException("The keyring " + file + " is in a format this version does not read");
            }
            return new Keyring(file, ITERATIONS, new SecureRandom(), stored.slots());
        } catch (IOException e) {
            throw new KeyringException("The keyring " + file + " cannot be read", e);
        }
    }

    /** The logins that can sign in, in the order they were enrolled. */
    public Set<String> logins() {
        Set<String> logins = new LinkedHashSet<>();
        slots.stream().map(Slot::login).filter(l -> !RECOVERY.equals(l)).forEach(logins::add);
        return logins;
    }

    /**
     * Signs in: the database key, if the password opens this login's slot. A failure is counted;
     * after {@link #MAX_FAILURES} in a row the login is locked for {@link #LOCKOUT}, and a locked
     * login is refused without trying the password.
     *
     * @throws SignInException WRONG (an unknown login too, so as not to tell which logins exist) or LOCKED
     */
    public DatabaseKey unlock(String login, char[] password, Instant now) {
        String wanted = normaliseLogin(login);
        Optional<Slot> found = slot(wanted);
        if (found.isEmpty() || RECOVERY.equals(wanted)) {
            throw new SignInException(SignInException.Reason.WRONG, MAX_FAILURES, null);
        }
        return open(found.get(), password, now);
    }

    /** Opens the recovery slot with the code shown when the keyring was made; failures count as for a login. */
    public DatabaseKey recover(String code, Instant now) {
        Slot slot = slot(RECOVERY).orElseThrow(() -> new KeyringException("This keyring has no recovery slot"));
        return open(slot, RecoveryCode.normalise(code.toCharArray()), now);
    }

    /**
     * Gives a login a slot for this key (a new account), or a new password (its own change, or an
     * administrator's reset after a forgotten password): the old slot is replaced, its failures cleared.
     */
    public void enrol(DatabaseKey key, String login, char[] password) {
        String normalised = checkLogin(login);
        Slot slot = seal(normalised, checkPassword(password), key);
        replace(normalised, slot);
        save();
    }

    /** A new recovery code for this key, the old one no longer opening anything; shown once. */
    public String renewRecoveryCode(DatabaseKey key) {
        char[] code = RecoveryCode.random(random);
        replace(RECOVERY, seal(RECOVERY, RecoveryCode.normalise(code), key));
        save();
        return new String(code);
    }

    /** Removes a login's slot: it can no longer sign in. */
    public void remove(String login) {
        String normalised = normaliseLogin(login);
        if (RECOVERY.equals(normalised) || !slots.removeIf(s -> s.login().equals(normalised))) {
            throw new IllegalArgumentException("No account signs in as " + login);
        }
        save();
    }

    /** Until when a login is locked, if it is at {@code now}. */
    public Optional<Instant> lockedUntil(String login, Instant now) {
        return slot(normaliseLogin(login)).map(Slot::until).filter(until -> until != null && until.isAfter(now));
    }

    private DatabaseKey open(Slot slot, char[] password, Instant now) {
        if (slot.until() != null && slot.until().isAfter(now)) {
            throw new SignInException(SignInException.Reason.LOCKED, 0, slot.until());
        }
        try {
            byte[] ascii = decrypt(slot, password);
            try {
                DatabaseKey key = DatabaseKey.of(ascii);
                if (slot.failures() > 0 || slot.lockedUntil() != null) {
                    replace(slot.login(), slot.withFailures(0, null));
                    save();
                }
                return key;
            } finally {
                Arrays.fill(ascii, (byte) 0);
            }
        } catch (AEADBadTagException wrong) {
            int failures = slot.failures() + 1;
            Instant until = failures >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
            replace(slot.login(), slot.withFailures(until != null ? 0 : failures, until));
            save();
            if (until != null) {
                throw new SignInException(SignInException.Reason.LOCKED, 0, until);
            }
            throw new SignInException(SignInException.Reason.WRONG, MAX_FAILURES - failures, null);
        } catch (GeneralSecurityException e) {
            throw new KeyringException("The keyring's cryptography failed", e);
        }
    }

    private Slot seal(String login, char[] password, DatabaseKey key) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(salt);
        random.nextBytes(iv);
        byte[] ascii = key.ascii();
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, derive(password, salt, iterations), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(login));
            byte[] wrapped = cipher.doFinal(ascii);
            Base64.Encoder b64 = Base64.getEncoder();
            return new Slot(login, KDF, iterations, b64.encodeToString(salt), b64.encodeToString(iv),
                    b64.encodeToString(wrapped), 0, null);
        } catch (GeneralSecurityException e) {
            throw new KeyringException("The keyring's cryptography failed", e);
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private static byte[] decrypt(Slot slot, char[] password) throws GeneralSecurityException {
        if (!KDF.equals(slot.kdf())) {
            throw new KeyringException("The slot of " + slot.login() + " uses an unknown derivation: " + slot.kdf());
        }
        Base64.Decoder b64 = Base64.getDecoder();
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, derive(password, b64.decode(slot.salt()), slot.iterations()),
                new GCMParameterSpec(TAG_BITS, b64.decode(slot.iv())));
        cipher.updateAAD(aad(slot.login()));
        return cipher.doFinal(b64.decode(slot.wrappedKey()));
    }

    private static SecretKeySpec derive(char[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] bytes = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(bytes, "AES");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } finally {
            spec.clearPassword();
        }
    }

    /** A slot opens only under its own login: moving a slot to another login breaks its tag. */
    private static byte[] aad(String login) {
        return ("cercle-keyring-v" + FORMAT + ":" + login).getBytes(StandardCharsets.UTF_8);
    }

    private Optional<Slot> slot(String login) {
        return slots.stream().filter(s -> s.login().equals(login)).findFirst();
    }

    private void replace(String login, Slot slot) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).login().equals(login)) {
                slots.set(i, slot);
                return;
            }
        }
        slots.add(slot);
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".new");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), new Stored(FORMAT, List.copyOf(slots)));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The keyring " + file + " cannot be written", e);
        }
    }

    /** A login as the keyring stores it: trimmed, lower case. */
    public static String normaliseLogin(String login) {
        return Objects.requireNonNull(login, "login").strip().toLowerCase(Locale.ROOT);
    }

    private static String checkLogin(String login) {
        String normalised = normaliseLogin(login);
        if (!normalised.matches("[a-z0-9][a-z0-9.-]{1,39}")) {
            throw new IllegalArgumentException("A login is 2 to 40 lower-case letters, digits, dots or dashes, "
                    + "starting with a letter or digit");
        }
        return normalised;
    }

    private static char[] checkPassword(char[] password) {
        if (password.length < PasswordRule.MIN_LENGTH) {
            throw new IllegalArgumentException("A password has at least " + PasswordRule.MIN_LENGTH + " characters");
        }
        return password;
    }

    /** One slot as stored: the database key wrapped for one login. */
    record Slot(String login, String kdf, int iterations, String salt, String iv, String wrappedKey,
                int failures, String lockedUntil) {
        Slot withFailures(int failures, Instant lockedUntil) {
            return new Slot(login, kdf, iterations, salt, iv, wrappedKey, failures,
                    lockedUntil == null ? null : lockedUntil.toString());
        }

        Instant until() {
            return lockedUntil == null ? null : Instant.parse(lockedUntil);
        }
    }

    record Stored(int format, List<Slot> slots) {
    }
}
