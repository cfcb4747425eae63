package fr.cercle.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.sync.seal.EnrolmentCode;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.PrivateIdentity;
import fr.cercle.sync.seal.PublicIdentity;
import fr.cercle.sync.tls.PinnedTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Enrols this installation with a central server, with the one-time code its administrator issued
 * (docs/exchange-format.md, section 12): new keys are made for this installation, the server's
 * certificate seen at the first contact is bound into both proofs, and only when the server's answer
 * proves that it knows the code too are its keys and certificate kept, together with the address and
 * the organisation, as this installation's {@link Enrolment}.
 */
public final class EnrolmentClient {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CercleDatabase db;
    private final Duration timeout;

    public EnrolmentClient(CercleDatabase db, Duration timeout) {
        this.db = db;
        this.timeout = timeout;
    }

    public Enrolment enrol(URI address, EnrolmentCode code, BooleanSupplier cancelled) throws SyncException {
        URI server = address.toString().endsWith("/") ? address : URI.create(address + "/");
        boolean secure = "https".equals(server.getScheme().toLowerCase(Locale.ROOT));
        String fingerprint = "";
        if (secure) {
            PinnedTrust.Recording recording = PinnedTrust.recording();
            HttpClient first = HttpClient.newBuilder().connectTimeout(timeout).sslContext(recording.context()).build();
            new ServerExchange(first, server).send(HttpRequest.newBuilder(server.resolve("v1/status")).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofString(), cancelled);
            fingerprint = recording.seen().orElseThrow(() -> new SyncException(SyncException.Kind.BAD_ANSWER,
                    "The server at " + server + " presented no certificate", null));
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (secure) {
            builder.sslContext(PinnedTrust.pinned(fingerprint));
        }
        ServerExchange exchange = new ServerExchange(builder.build(), server);

        PrivateIdentity keys = PrivateIdentity.generate();
        ObjectNode request = JSON.createObjectNode();
        request.put("code", code.lookup());
        request.put("device", db.deviceId().toString());
        request.put("keys", keys.publicIdentity().toJson());
        byte[] payload = request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode body = JSON.createObjectNode();
        body.put("payload", Base64.getEncoder().encodeToString(payload));
        body.put("proof", Base64.getEncoder().encodeToString(EnrolmentCode.proof(code.key(), "request", fingerprint, payload)));
        HttpResponse<String> response = exchange.send(HttpRequest.newBuilder(server.resolve("v1/enrol")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString(), cancelled);

        JsonNode answer = ServerExchange.json(response);
        byte[] answerPayload;
        byte[] answerProof;
        try {
            answerPayload = Base64.getDecoder().decode(answer.path("payload").asText());
            answerProof = Base64.getDecoder().decode(answer.path("proof").asText());
        } catch (IllegalArgumentException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "The server's answer to the enrolment is not readable", e);
        }
        if (!EnrolmentCode.sameProof(EnrolmentCode.proof(code.key(), "answer", fingerprint, answerPayload), answerProof)) {
            throw new SyncException(SyncException.Kind.ENROLMENT_REFUSED, "The server at " + server
                    + " could not prove it issued this code: it may not be the server you meant", null);
        }
        Enrolment enrolment;
        try {
            JsonNode enrolled = JSON.readTree(answerPayload);
            if (!DeviceId.parse(enrolled.path("device").asText()).equals(db.deviceId())) {
                throw new IllegalArgumentException("the answer is for another installation");
            }
            enrolment = new Enrolment(server, Party.parse(enrolled.path("server").asText()), enrolled.path("name").asText(),
                    enrolled.path("organisation").asText(), PublicIdentity.fromJson(enrolled.path("keys").asText()),
                    fingerprint, keys, db.clock().instant());
        } catch (IOException | IllegalArgumentException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "The server's answer to the enrolment is not valid: "
                    + e.getMessage(), e);
        }
        enrolment.write(db.localSettings());
        new SyncSettings(server, SyncSettings.read(db.localSettings()).intervalMinutes()).write(db.localSettings());
        LOG.info("Enrolled with {} ({}) for {}", enrolment.serverParty(), server, enrolment.organisation());
        return enrolment;
    }
}
