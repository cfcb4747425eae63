package fr.cercle.sync.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The client's trust in the central server: not certificate authorities but the server's own
 * self-signed certificate, whose fingerprint the device pinned at enrolment.
 *
 * <p>The trust managers here extend {@link X509ExtendedTrustManager} on purpose: the JDK uses such a
 * trust manager as is, and the hostname check that {@code java.net.http.HttpClient} asks for (endpoint
 * identification "HTTPS" in its {@code SSLParameters}) is performed only by the JDK's own trust manager.
 * So the pin is the only check, and the server can be reached by any name or address: its certificate
 * is not tied to one, and the pin is stronger than a hostname check anyway. Tested by
 * {@code PinnedTrustTest} with a certificate that names neither of the hosts used.
 */
public final class PinnedTrust {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private PinnedTrust() {
    }

    /**
     * A TLS context that accepts the server if and only if its certificate is the pinned one.
     *
     * @param fingerprint as given by {@link ServerCertificate#fingerprint()}; the
     *                    {@linkplain ServerCertificate#fingerprintForPeople() grouped uppercase form} is
     *                    accepted too
     * @throws IllegalArgumentException if it is not a SHA-256 fingerprint
     */
    public static SSLContext pinned(String fingerprint) {
        String normalized = fingerprint == null ? "" : fingerprint.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 certificate fingerprint (64 hex digits): " + fingerprint);
        }
        return context(new Pinned(normalized));
    }

    /**
     * A TLS context for the very first contact at enrolment, before anything is pinned: it accepts any
     * server certificate and remembers the one it saw, to be pinned once enrolment succeeds.
     *
     * <p>Accepting any certificate is safe only because the enrolment protocol binds the fingerprint
     * seen here into an HMAC keyed by the one-time code, which only the real server and the person
     * enrolling know: a man in the middle presenting another certificate makes that proof fail, and
     * without the code he cannot forge it. Never use this context for anything but that exchange.
     */
    public static Recording recording() {
        AtomicReference<String> seen = new AtomicReference<>();
        return new Recording(context(new Recorder(seen)), seen);
    }

    /** The context of the first contact and the fingerprint of the last server certificate it saw. */
    public static final class Recording {

        private final SSLContext context;
        private final AtomicReference<String> seen;

        private Recording(SSLContext context, AtomicReference<String> seen) {
            this.context = context;
            this.seen = seen;
        }

        public SSLContext context() {
            return context;
        }

        /** The fingerprint of the last server certificate seen, empty before any handshake. */
        public Optional<String> seen() {
            return Optional.ofNullable(seen.get());
        }
    }

    private static SSLContext context(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make the client's TLS context: " + e.getMessage(), e);
        }
    }

    private static X509Certificate leaf(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0 || chain[0] == null) {
            throw new CertificateException("The server presented no certificate");
        }
        return chain[0];
    }

    /** The server side of every check: only the client's own trust of servers is implemented. */
    private abstract static class ServerOnly extends X509ExtendedTrustManager {

        abstract void check(X509Certificate[] chain) throws CertificateException;

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verify(chain);
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            verify(chain);
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            verify(chain);
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            refuseClient();
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            refuseClient();
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            refuseClient();
        }

        /** Empty: the server is known by its fingerprint, not by an issuer. */
        @Override
        public final X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        private void verify(X509Certificate[] chain) throws CertificateException {
            try {
                check(chain);
            } catch (IllegalArgumentException e) {
                throw new CertificateException(e.getMessage(), e);
            }
        }

        private static void refuseClient() throws CertificateException {
            throw new CertificateException("This context is a client's: it trusts no client certificate");
        }
    }

    private static final class Pinned extends ServerOnly {

        private final String fingerprint;
        private final byte[] digest;

        Pinned(String fingerprint) {
            this.fingerprint = fingerprint;
            this.digest = HexFormat.of().parseHex(fingerprint);
        }

        @Override
        void check(X509Certificate[] chain) throws CertificateException {
            byte[] actual = ServerCertificate.sha256(leaf(chain));
            if (!MessageDigest.isEqual(digest, actual)) {
                throw new CertificateException("The server's certificate is not the one pinned at enrolment: pinned "
                        + fingerprint + ", presented " + HexFormat.of().formatHex(actual));
            }
        }
    }

    private static final class Recorder extends ServerOnly {

        private final AtomicReference<String> seen;

        Recorder(AtomicReference<String> seen) {
            this.seen = seen;
        }

        @Override
        void check(X509Certificate[] chain) throws CertificateException {
            seen.set(ServerCertificate.fingerprint(leaf(chain)));
        }
    }
}
