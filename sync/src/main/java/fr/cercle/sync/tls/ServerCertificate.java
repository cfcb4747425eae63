package fr.cercle.sync.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The central server's TLS identity: a key pair and a self-signed certificate, made at first start and
 * kept as PKCS12 bytes with their password, so that the server can store them in its database and
 * several server instances present the same certificate. Clients do not check it against certificate
 * authorities but pin its SHA-256 {@linkplain #fingerprint() fingerprint} at enrolment ({@link PinnedTrust}).
 */
public final class ServerCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);

    /** The only alias of the key store; any single alias is accepted when loading. */
    static final String ALIAS = "cercle";
    /** The certificate names the loopback addresses so that a local client works even with hostname checks. */
    static final String LOOPBACK_SAN = "dns:localhost,ip:127.0.0.1";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);
    /** Environment variable that hands the password to keytool, so that it never shows in the process list. */
    private static final String PASSWORD_VARIABLE = "CERCLE_KEYSTORE_PASSWORD";
    /**
     * ASCII only: keytool receives the name as a process argument, whose encoding depends on the platform's
     * locale, and {@code , + = " \ < > ; #} would change the meaning of {@code -dname}. 64 is X.520's
     * upper bound for a common name.
     */
    private static final Pattern COMMON_NAME = Pattern.compile("[A-Za-z0-9.-]+( [A-Za-z0-9.-]+)*");
    private static final int MAX_COMMON_NAME = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] pkcs12;
    private final String password;
    private final KeyStore keyStore;
    private final X509Certificate certificate;

    private ServerCertificate(byte[] pkcs12, String password, KeyStore keyStore, X509Certificate certificate) {
        this.pkcs12 = pkcs12;
        this.password = password;
        this.keyStore = keyStore;
        this.certificate = certificate;
    }

    /**
     * Makes a new EC P-256 key pair and a self-signed certificate valid for {@code validity} (rounded up
     * to whole days). The JDK has no public API to build certificates, so this runs the JDK's own
     * {@code keytool}, which ships in {@code java.base} and so is present in every runtime, jlink'd ones
     * included. Takes about a second.
     *
     * @throws IllegalArgumentException if the common name has characters other than ASCII letters, digits,
     *                                  single inner spaces, dots and hyphens, or the validity is not positive
     * @throws IllegalStateException    if keytool is missing, fails or does not finish within 60 seconds
     */
    public static ServerCertificate generate(String commonName, Duration validity) {
        return generate(commonName, validity, LOOPBACK_SAN);
    }

    /** With other subject alternative names: lets tests make a certificate that names none of their hosts. */
    static ServerCertificate generate(String commonName, Duration validity, String subjectAlternativeNames) {
        checkCommonName(commonName);
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("The validity of the certificate must be positive: " + validity);
        }
        long days = validity.plusDays(1).minusNanos(1).toDays();
        String password = randomPassword();
        Path keytool = keytool();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cercle-tls-");
            Path store = dir.resolve("server.p12");
            Path log = dir.resolve("keytool.log");
            List<String> command = List.of(keytool.toString(),
                    "-genkeypair", "-noprompt",
                    "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-validity", Long.toString(days),
                    "-dname", "CN=" + commonName,
                    "-ext", "SAN=" + subjectAlternativeNames,
                    "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put(PASSWORD_VARIABLE, password);
            runKeytool(builder, log);
            return of(Files.readAllBytes(store), password);
        } catch (IOException e) {
            throw new IllegalStateException("Could not make the server's certificate with " + keytool + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * Loads a certificate made by {@link #generate}, as the server stored it.
     *
     * @throws IllegalArgumentException if the bytes are not a PKCS12 key store, the password is wrong, or
     *                                  the store does not hold exactly one private key with its certificate
     */
    public static ServerCertificate of(byte[] pkcs12, String password) {
        if (pkcs12 == null || password == null) {
            throw new IllegalArgumentException("The server's key store and its password are both required");
        }
        byte[] bytes = pkcs12.clone();
        char[] chars = password.toCharArray();
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(new ByteArrayInputStream(bytes), chars);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "The server's key store cannot be read: it is not a PKCS12 key store or its password is wrong ("
                            + e.getMessage() + ")", e);
        }
        try {
            List<String> aliases = Collections.list(keyStore.aliases());
            if (aliases.size() != 1 || !keyStore.isKeyEntry(aliases.get(0))) {
                throw new IllegalArgumentException("The server's key store must hold exactly one private key entry, it holds "
                        + aliases.size() + " entries" + (aliases.size() == 1 ? " and it is not a private key" : ""));
            }
            String alias = aliases.get(0);
            Key key = keyStore.getKey(alias, chars);
            Certificate[] chain = keyStore.getCertificateChain(alias);
            if (!(key instanceof PrivateKey) || chain == null || chain.length == 0
                    || !(chain[0] instanceof X509Certificate certificate)) {
                throw new IllegalArgumentException("The server's key store must hold a private key with its X.509 certificate");
            }
            if (!certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("The server's private key does not match its certificate");
            }
            return new ServerCertificate(bytes, password, keyStore, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The server's private key cannot be read: " + e.getMessage(), e);
        }
    }

    /** The PKCS12 key store, to store; a copy. */
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    /** The key store's password, to store with it. */
    public String password() {
        return password;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** What clients pin: the SHA-256 of the certificate's DER encoding, 64 lowercase hex digits. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    /** The SHA-256 of the certificate's DER encoding, 64 lowercase hex digits. */
    public static String fingerprint(X509Certificate certificate) {
        return HexFormat.of().formatHex(sha256(certificate));
    }

    /** The fingerprint in uppercase groups of four, to read aloud or compare on two screens. */
    public String fingerprintForPeople() {
        String hex = fingerprint().toUpperCase(Locale.ROOT);
        StringBuilder people = new StringBuilder(hex.length() + hex.length() / 4);
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                people.append(' ');
            }
            people.append(hex, i, i + 4);
        }
        return people.toString();
    }

    /** A TLS context presenting this certificate, for the server's {@code HttpsServer}. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make the server's TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + fingerprint() + "]";
    }

    static byte[] sha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void checkCommonName(String commonName) {
        if (commonName == null || commonName.length() > MAX_COMMON_NAME || !COMMON_NAME.matcher(commonName).matches()) {
            throw new IllegalArgumentException("The certificate's common name must be 1 to " + MAX_COMMON_NAME
                    + " ASCII letters, digits, dots, hyphens and single inner spaces: " + commonName);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path keytool() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("The Java runtime has no keytool to make the server's certificate: " + keytool);
        }
        return keytool;
    }

    private static void runKeytool(ProcessBuilder builder, Path log) throws IOException {
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished;
        try {
            finished = process.waitFor(KEYTOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while keytool made the server's certificate", e);
        }
        if (!finished) {
            process.destroyForcibly();
            awaitQuietly(process);
            throw new IllegalStateException("keytool did not make the server's certificate within "
                    + KEYTOOL_TIMEOUT.toSeconds() + " s: " + output(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the server's certificate (exit code "
                    + process.exitValue() + "): " + output(log));
        }
    }

    /** Lets a killed keytool release its files, so that the temporary directory can be deleted (Windows). */
    private static void awaitQuietly(Process process) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String output(Path log) {
        try {
            // keytool writes in the platform's encoding, not necessarily UTF-8.
            String text = new String(Files.readAllBytes(log), Charset.defaultCharset()).strip();
            return text.isEmpty() ? "(no output)" : text;
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** Best effort: the key store left behind is encrypted with a password that was never written to disk. */
    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        } catch (IOException | UncheckedIOException e) {
            paths.add(dir);
        }
        Collections.reverse(paths);
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary file {}: {}", path, e.toString());
                path.toFile().deleteOnExit();
            }
        }
    }
}
