package fr.cercle.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.sync.seal.EnrolmentCode;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.PrivateIdentity;
import fr.cercle.sync.seal.PublicIdentity;
import fr.cercle.sync.server.jooq.tables.records.DeviceRecord;
import fr.cercle.sync.tls.ServerCertificate;
import fr.cercle.sync.server.jooq.tables.records.EnrolmentCodeRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static fr.cercle.sync.server.jooq.Tables.DEVICE;
import static fr.cercle.sync.server.jooq.Tables.ENROLMENT_CODE;
import static fr.cercle.sync.server.jooq.Tables.SERVER_SECRET;

/**
 * The installations this server serves: one-time codes an administrator issues, the enrolment that
 * uses one, revocation, and the server's own keys (made at its first start). Everything is in the
 * database, nothing in memory, so that several instances serve one PostgreSQL database and a device
 * withdrawn on one is refused by all at its next request.
 */
public final class DeviceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Wrong proofs after which a code no longer works. */
    static final int MAX_FAILURES = 5;
    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofHours(72);
    static final String SERVER_ID = "server.id";
    static final String SERVER_KEYS = "server.keys";
    static final String TLS = "tls.certificate";

    private final DSLContext dsl;
    private final Clock clock;
    private final String name;
    private final Party party;
    private final PrivateIdentity keys;

    public DeviceRegistry(ServerDatabase db, Clock clock, String name) {
        this.dsl = db.dsl();
        this.clock = clock;
        this.name = name;
        secretOnce(SERVER_ID, () -> UUID.randomUUID().toString());
        secretOnce(SERVER_KEYS, () -> PrivateIdentity.generate().toJson());
        this.party = Party.server(UUID.fromString(secret(SERVER_ID).orElseThrow()));
        this.keys = PrivateIdentity.fromJson(secret(SERVER_KEYS).orElseThrow());
    }

    /** Stores a secret made by {@code make} unless one is there: the first instance to start makes it. */
    void secretOnce(String key, java.util.function.Supplier<String> make) {
        if (secret(key).isEmpty()) {
            dsl.insertInto(SERVER_SECRET, SERVER_SECRET.SECRET_KEY, SERVER_SECRET.SECRET_VALUE)
                    .values(key, make.get())
                    .onDuplicateKeyIgnore()
                    .execute();
        }
    }

    Optional<String> secret(String key) {
        return dsl.select(SERVER_SECRET.SECRET_VALUE).from(SERVER_SECRET).where(SERVER_SECRET.SECRET_KEY.eq(key))
                .fetchOptional(SERVER_SECRET.SECRET_VALUE);
    }

    /**
     * The server's TLS certificate, made at the first start that asks for it (self-signed, valid ten
     * years: installations pin it at enrolment rather than trusting an authority).
     */
    public ServerCertificate certificate() {
        secretOnce(TLS, () -> {
            ServerCertificate made = ServerCertificate.generate("cercle-server", Duration.ofDays(3650));
            ObjectNode json = JSON.createObjectNode();
            json.put("pkcs12", Base64.getEncoder().encodeToString(made.pkcs12()));
            json.put("password", made.password());
            return json.toString();
        });
        try {
            JsonNode json = JSON.readTree(secret(TLS).orElseThrow());
            return ServerCertificate.of(Base64.getDecoder().decode(json.path("pkcs12").asText()), json.path("password").asText());
        } catch (IOException e) {
            throw new IllegalStateException("The server's stored certificate is damaged", e);
        }
    }

    public Party party() {
        return party;
    }

    public PrivateIdentity keys() {
        return keys;
    }

    public String name() {
        return name;
    }

    /** A new one-time code for an installation of {@code organisation}, valid for {@code validity}. */
    public EnrolmentCode issueCode(String organisation, String label, Duration validity) {
        String org = required(organisation, "organisation");
        String what = required(label, "label");
        if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("A code is valid between one minute and 30 days");
        }
        EnrolmentCode code = EnrolmentCode.generate();
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.insertInto(ENROLMENT_CODE)
                .set(ENROLMENT_CODE.LOOKUP, code.lookup())
                .set(ENROLMENT_CODE.CODE_KEY, code.key())
                .set(ENROLMENT_CODE.ORGANISATION, org)
                .set(ENROLMENT_CODE.LABEL, what)
                .set(ENROLMENT_CODE.CREATED_AT, now)
                .set(ENROLMENT_CODE.EXPIRES_AT, now.plus(validity))
                .set(ENROLMENT_CODE.FAILURES, 0)
                .execute();
        LOG.info("Enrolment code issued for {} ({}), valid until {}", org, what, now.plus(validity));
        return code;
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank() || text.strip().length() > 200) {
            throw new IllegalArgumentException("The " + what + " is required (at most 200 characters)");
        }
        return text.strip();
    }

    /**
     * Enrols the installation that sends {@code payload} with a proof made from a code this server
     * issued, and answers with the server's identity and a proof of its own (EnrolmentCode). Over
     * HTTPS, {@code tlsFingerprint} is the server's certificate, which the device's proof must cover.
     */
    public Answer enrol(byte[] payload, byte[] proof, String tlsFingerprint) throws Refused {
        JsonNode request;
        DeviceId device;
        PublicIdentity deviceKeys;
        String lookup;
        try {
            request = JSON.readTree(payload);
            lookup = request.path("code").asText();
            device = DeviceId.parse(request.path("device").asText());
            deviceKeys = PublicIdentity.fromJson(request.path("keys").asText());
        } catch (IOException | RuntimeException e) {
            throw new Refused(400, "BAD_REQUEST", "The enrolment request is not readable.");
        }
        Refused invalid = new Refused(403, "ENROLMENT_REFUSED",
                "This enrolment code is not valid: mistyped, already used or expired. Ask the administrator for a new one.");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Answer[] answer = new Answer[1];
        Refused[] refused = new Refused[1];
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            EnrolmentCodeRecord code = tx.selectFrom(ENROLMENT_CODE).where(ENROLMENT_CODE.LOOKUP.eq(lookup)).forUpdate().fetchOne();
            if (code == null || code.getUsedBy() != null || code.getFailures() >= MAX_FAILURES || !now.isBefore(code.getExpiresAt())) {
                refused[0] = invalid;
                return;
            }
            if (!EnrolmentCode.sameProof(EnrolmentCode.proof(code.getCodeKey(), "request", tlsFingerprint, payload), proof)) {
                code.setFailures(code.getFailures() + 1);
                code.store();
                LOG.warn("A wrong enrolment proof for a code of {} ({} wrong so far)", code.getOrganisation(), code.getFailures());
                refused[0] = invalid;
                return;
            }
            DeviceRecord existing = tx.selectFrom(DEVICE).where(DEVICE.DEVICE_ID.eq(device.value())).fetchOne();
            if (existing != null && existing.getRevokedAt() != null) {
                refused[0] = new Refused(403, "REVOKED", "This installation was withdrawn from the server; it cannot be enrolled again.");
                return;
            }
            code.setUsedBy(device.value());
            code.store();
            tx.insertInto(DEVICE)
                    .set(DEVICE.DEVICE_ID, device.value())
                    .set(DEVICE.ORGANISATION, code.getOrganisation())
                    .set(DEVICE.LABEL, code.getLabel())
                    .set(DEVICE.PUBLIC_KEYS, deviceKeys.toJson())
                    .set(DEVICE.ENROLLED_AT, now)
                    .onDuplicateKeyUpdate()
                    .set(DEVICE.ORGANISATION, code.getOrganisation())
                    .set(DEVICE.LABEL, code.getLabel())
                    .set(DEVICE.PUBLIC_KEYS, deviceKeys.toJson())
                    .set(DEVICE.ENROLLED_AT, now)
                    .execute();
            ObjectNode json = JSON.createObjectNode();
            json.put("server", party.toString());
            json.put("name", name);
            json.put("organisation", code.getOrganisation());
            json.put("device", device.toString());
            json.put("keys", keys.publicIdentity().toJson());
            byte[] answerPayload = JSON.writeValueAsBytes(json);
            answer[0] = new Answer(answerPayload, EnrolmentCode.proof(code.getCodeKey(), "answer", tlsFingerprint, answerPayload));
            LOG.info("Device {} enrolled for {} ({})", device, code.getOrganisation(), code.getLabel());
        });
        if (refused[0] != null) {
            throw refused[0];
        }
        return answer[0];
    }

    /** The server's answer to an enrolment: its payload and the proof that it knows the code too. */
    public record Answer(byte[] payload, byte[] proof) {

        public String toJson() {
            ObjectNode json = JSON.createObjectNode();
            json.put("payload", Base64.getEncoder().encodeToString(payload));
            json.put("proof", Base64.getEncoder().encodeToString(proof));
            return json.toString();
        }
    }

    /** Withdraws a device for good: its next request, push or file is refused. */
    public boolean revoke(DeviceId device) {
        int changed = dsl.update(DEVICE).set(DEVICE.REVOKED_AT, OffsetDateTime.now(clock))
                .where(DEVICE.DEVICE_ID.eq(device.value()).and(DEVICE.REVOKED_AT.isNull()))
                .execute();
        if (changed > 0) {
            LOG.info("Device {} revoked", device);
        }
        return changed > 0;
    }

    public Optional<EnrolledDevice> find(DeviceId device) {
        return dsl.selectFrom(DEVICE).where(DEVICE.DEVICE_ID.eq(device.value())).fetchOptional().map(DeviceRegistry::device);
    }

    public List<EnrolledDevice> devices() {
        return dsl.selectFrom(DEVICE).orderBy(DEVICE.ORGANISATION, DEVICE.LABEL, DEVICE.ENROLLED_AT).fetch(DeviceRegistry::device);
    }

    /**
     * The enrolled, not revoked device {@code id} names, or the reason it is refused: the same
     * check for a request over HTTP and for a file.
     */
    public EnrolledDevice active(DeviceId id) throws Refused {
        EnrolledDevice device = find(id).orElseThrow(() -> new Refused(403, "UNKNOWN_DEVICE",
                "This installation is not enrolled with the server: an administrator enrols it with a one-time code."));
        if (device.revoked()) {
            throw new Refused(403, "REVOKED", "This installation was withdrawn from the server by its administrator.");
        }
        return device;
    }

    private static EnrolledDevice device(DeviceRecord row) {
        return new EnrolledDevice(new DeviceId(row.getDeviceId()), row.getOrganisation(), row.getLabel(),
                PublicIdentity.fromJson(row.getPublicKeys()), row.getEnrolledAt(), row.getRevokedAt());
    }
}
