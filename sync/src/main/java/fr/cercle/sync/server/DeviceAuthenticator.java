package fr.cercle.sync.server;

import com.sun.net.httpserver.HttpExchange;
import fr.cercle.model.installation.DeviceId;

import java.util.Map;
import java.util.Optional;

/**
 * Tells which enrolled device a request comes from, or refuses it. This is where device
 * authentication plugs in (enrolment with a one-time code, revocation: the protection issue). Until
 * then, {@link #DECLARED} takes the device id the client declares.
 */
@FunctionalInterface
public interface DeviceAuthenticator {

    /** The device making the request, or empty to refuse it (the server answers 403). */
    Optional<DeviceId> authenticate(HttpExchange exchange, Map<String, String> query);

    /** Trusts the {@code device} parameter of the request: for a server on a closed network, before accounts exist. */
    DeviceAuthenticator DECLARED = (exchange, query) -> {
        try {
            return Optional.ofNullable(query.get("device")).map(DeviceId::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    };
}
