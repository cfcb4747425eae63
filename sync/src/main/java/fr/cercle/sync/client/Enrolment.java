package fr.cercle.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.PrivateIdentity;
import fr.cercle.sync.seal.PublicIdentity;
import fr.cercle.sync.tls.PinnedTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This installation's enrolment with its central server: the server's address, identity and keys, the
 * certificate pinned at enrolment (empty over plain HTTP), the organisation the administrator enrolled
 * it for, and this installation's own keys. Kept in the installation's settings, inside its encrypted
 * database.
 */
public record Enrolment(URI server, Party serverParty, String serverName, String organisation, PublicIdentity serverKeys,
                        String tlsPin, PrivateIdentity deviceKeys, Instant enrolledAt) {

    private static final Logger LOG = LoggerFactory.getLogger(Enrolment.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "sync.enrolment";

    public boolean secure() {
        return !tlsPin.isEmpty();
    }

    /** An HTTP client that talks only to the server whose certificate was pinned at enrolment. */
    HttpClient httpClient(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (secure()) {
            builder.sslContext(PinnedTrust.pinned(tlsPin));
        }
        return builder.build();
    }

    public static Optional<Enrolment> read(LocalSettings settings) {
        return settings.get(KEY).filter(s -> !s.isBlank()).flatMap(stored -> {
            try {
                JsonNode json = JSON.readTree(stored);
                return Optional.of(new Enrolment(URI.create(json.path("server").asText()),
                        Party.parse(json.path("serverParty").asText()), json.path("serverName").asText(),
                        json.path("organisation").asText(), PublicIdentity.fromJson(json.path("serverKeys").asText()),
                        json.path("tlsPin").asText(), PrivateIdentity.fromJson(json.path("deviceKeys").asText()),
                        Instant.parse(json.path("enrolledAt").asText())));
            } catch (IOException | RuntimeException e) {
                LOG.error("The stored enrolment is damaged; this installation must be enrolled again", e);
                return Optional.empty();
            }
        });
    }

    public void write(LocalSettings settings) {
        ObjectNode json = JSON.createObjectNode();
        json.put("server", server.toString());
        json.put("serverParty", serverParty.toString());
        json.put("serverName", serverName);
        json.put("organisation", organisation);
        json.put("serverKeys", serverKeys.toJson());
        json.put("tlsPin", tlsPin);
        json.put("deviceKeys", deviceKeys.toJson());
        json.put("enrolledAt", enrolledAt.toString());
        settings.put(KEY, json.toString());
    }

    @Override
    public String toString() {
        return "Enrolment[" + server + ", " + serverParty + ", " + organisation + "]";
    }
}
