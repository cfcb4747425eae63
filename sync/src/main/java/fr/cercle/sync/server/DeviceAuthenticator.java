package fr.cercle.sync.server;

import com.sun.net.httpserver.HttpExchange;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.sync.seal.RequestSignature;

/**
 * Tells which enrolled device a request comes from, or refuses it: the request must be signed
 * ({@link RequestSignature}) by an enrolled device that is not revoked. Looked up in the database at
 * each request, so a revocation is effective at once on every server instance.
 */
public final class DeviceAuthenticator {

    private final DeviceRegistry registry;

    public DeviceAuthenticator(DeviceRegistry registry) {
        this.registry = registry;
    }

    public DeviceId authenticate(HttpExchange exchange) throws Refused {
        String claimed = exchange.getRequestHeaders().getFirst(RequestSignature.DEVICE_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(RequestSignature.SIGNATURE_HEADER);
        if (claimed == null || signature == null) {
            throw new Refused(401, "UNSIGNED", "The request is not signed by an enrolled installation.");
        }
        DeviceId device;
        try {
            device = DeviceId.parse(claimed);
        } catch (IllegalArgumentException e) {
            throw new Refused(401, "UNSIGNED", "The request names no installation.");
        }
        EnrolledDevice enrolled = registry.active(device);
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (!RequestSignature.verifies(enrolled.keys(), exchange.getRequestMethod(), target, signature)) {
            throw new Refused(401, "BAD_SIGNATURE", "The request's signature is not this installation's.");
        }
        return device;
    }
}
