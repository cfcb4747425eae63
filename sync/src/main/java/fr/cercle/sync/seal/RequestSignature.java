package fr.cercle.sync.seal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How an installation signs its requests to the server: the method and the address (path and query,
 * as sent) signed with its Ed25519 key, in two headers. A request carries no secret that could be
 * reused for another request; a request sent again asks again for what only that installation can
 * open, and a push sent again is refused by its bundle's id.
 */
public final class RequestSignature {

    public static final String DEVICE_HEADER = "X-Cercle-Device";
    public static final String SIGNATURE_HEADER = "X-Cercle-Signature";

    private RequestSignature() {
    }

    public static String sign(PrivateIdentity keys, String method, String rawPathAndQuery) {
        return Base64.getEncoder().encodeToString(keys.sign(text(method, rawPathAndQuery)));
    }

    public static boolean verifies(PublicIdentity keys, String method, String rawPathAndQuery, String signature) {
        Optional<byte[]> decoded = decode(signature);
        return decoded.isPresent() && keys.verifies(decoded.get(), text(method, rawPathAndQuery));
    }

    private static Optional<byte[]> decode(String signature) {
        try {
            return Optional.of(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static byte[] text(String method, String rawPathAndQuery) {
        return ("cercle-request-1\n" + method + "\n" + rawPathAndQuery).getBytes(StandardCharsets.UTF_8);
    }
}
