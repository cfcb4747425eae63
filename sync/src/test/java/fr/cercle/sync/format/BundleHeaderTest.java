package fr.cercle.sync.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The header line: every member is checked, and a refusal names the member. */
class BundleHeaderTest {

    static final DeviceId DEVICE = DeviceId.parse("0f8a2c3e-5b1d-4e7a-9c6f-2d4b8e1a7c30");
    static final UUID EPOCH = UUID.fromString("5e1f0c2a-9b3d-4a6e-8f7c-1d2e3f4a5b6c");

    static ObjectNode push() {
        return BundleWriter.headerJson(new BundleHeader(1, 1, UUID.randomUUID(), DEVICE, "Mairie de Vareilles",
                BundleKind.PUSH, 0, 2, null, Map.of(), Instant.parse("2026-11-27T08:00:00.123Z"), 2, "ab".repeat(32)));
    }

    static ObjectNode pull() {
        return BundleWriter.headerJson(new BundleHeader(1, 1, UUID.randomUUID(), null, "Serveur",
                BundleKind.PULL, 10, 12, EPOCH, Map.of(DEVICE, 4L), Instant.parse("2026-11-27T08:00:00.123Z"), 1, "ab".repeat(32)));
    }

    static BundleHeader read(ObjectNode json) throws BundleException {
        return BundleReader.header(json.toString().getBytes(StandardCharsets.UTF_8), BundleLimits.DEFAULT);
    }

    static ObjectNode with(ObjectNode json, Consumer<ObjectNode> change) {
        ObjectNode copy = json.deepCopy();
        change.accept(copy);
        return copy;
    }

    static void assertMalformed(ObjectNode json, String message) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(BundleException.class)
                .hasMessage("Line 1: the header is not valid: " + message)
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.MALFORMED));
    }

    @Test
    void whatTheWriterWritesReadsBack() throws Exception {
        BundleHeader push = read(push());
        assertThat(push.origin()).isEqualTo(DEVICE);
        assertThat(push.createdAt()).isEqualTo(Instant.parse("2026-11-27T08:00:00.123Z"));

        BundleHeader pull = read(pull());
        assertThat(pull.serverEpoch()).isEqualTo(EPOCH);
        assertThat(pull.acknowledged()).containsEntry(DEVICE, 4L);
        assertThat(pull.rangeFrom()).isEqualTo(10);
        assertThat(pull.rangeTo()).isEqualTo(12);
    }

    @Test
    void aMissingMemberIsNamed() {
        for (String name : new String[]{"schemaVersion", "bundleId", "kind", "origin", "range", "createdAt", "changeCount",
                "contentSha256"}) {
            assertMalformed(with(push(), json -> json.remove(name)), name + " is missing");
        }
        assertMalformed(with(push(), json -> json.remove("formatVersion")), "formatVersion is missing");
        assertMalformed(with(push(), json -> ((ObjectNode) json.get("range")).remove("to")), "range.to is missing");
        assertMalformed(with(push(), json -> ((ObjectNode) json.get("origin")).putNull("device")),
                "a push names its origin device (origin.device is missing)");
        assertMalformed(with(pull(), json -> json.remove("serverEpoch")),
                "a pull names the server's epoch (serverEpoch is missing)");
    }

    @Test
    void aMemberOfTheWrongTypeIsNamed() {
        assertMalformed(with(push(), json -> json.put("formatVersion", "1")), "formatVersion must be a whole number from 0, not \"1\"");
        assertMalformed(with(push(), json -> json.put("changeCount", 2.0)), "changeCount must be a whole number from 0, not 2.0");
        assertMalformed(with(push(), json -> json.put("bundleId", "1-1-1-1-1")),
                "bundleId must be an id (8-4-4-4-12 hexadecimal digits), not 1-1-1-1-1");
        assertMalformed(with(push(), json -> json.put("kind", "PUSH")), "kind must be push or pull");
        assertMalformed(with(push(), json -> json.put("createdAt", "2026-11-27T09:00:00+01:00")),
                "createdAt must be an instant in UTC such as 2026-11-27T08:00:00.123Z");
        assertMalformed(with(push(), json -> json.put("range", "0-2")), "range must be an object, not \"0-2\"");
        assertMalformed(with(push(), json -> ((ObjectNode) json.get("range")).put("from", 3)),
                "range.to (2) is before range.from (3)");
        assertMalformed(with(pull(), json -> ((ObjectNode) json.get("acknowledged")).put(DEVICE.toString(), "4")),
                "acknowledged." + DEVICE + " must be a whole number from 0, not \"4\"");
        assertMalformed(with(pull(), json -> ((ObjectNode) json.get("acknowledged")).put("town-hall", 4)),
                "acknowledged must name devices by id, not town-hall");
    }

    @Test
    void versionTwoAddsTheHorizonAndTheRecordsLeavingToAPull() throws Exception {
        String device = "8b1d4e6f-3f6c-4d85-9e20-7a5b8c1d2a9e";
        String record = "6528268f-28f3-4e30-a1eb-e61e92639aa4";
        BundleHeader header = read(with(pull(), json -> {
            json.put("formatVersion", 2);
            json.putObject("horizon").put(device, 12);
            json.putArray("leaving").addObject().put("entity", "beneficiary").put("id", record);
        }));
        assertThat(header.horizon()).containsEntry(fr.cercle.model.installation.DeviceId.parse(device), 12L);
        assertThat(header.leaving()).containsExactly(new BundleHeader.Leaving("beneficiary", UUID.fromString(record)));
        assertThat(read(with(pull(), json -> json.putObject("horizon").put(device, 12))).horizon())
                .as("a version 1 reader's view: unknown members ignored").isEmpty();
        assertMalformed(with(push(), json -> {
            json.put("formatVersion", 2);
            json.putObject("horizon").put(device, 12);
        }), "a push has no horizon nor records leaving");
        assertMalformed(with(pull(), json -> {
            json.put("formatVersion", 2);
            json.putArray("leaving").addObject().put("entity", "beneficiary");
        }), "leaving[].id is missing");
    }

    @Test
    void anotherVersionIsToldAsSuchBeforeAnythingElse() {
        assertThatThrownBy(() -> read(with(push(), json -> {
            json.put("formatVersion", BundleHeader.LATEST_FORMAT_VERSION + 1);
            json.remove("bundleId");
        }))).satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.UNKNOWN_FORMAT_VERSION));
        assertThatThrownBy(() -> read(with(push(), json -> json.put("schemaVersion", BundleHeader.SCHEMA_VERSION + 1))))
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.NEWER_SCHEMA));
    }

    @Test
    void membersThisVersionDoesNotKnowAreIgnored() throws Exception {
        assertThat(read(with(push(), json -> json.put("comment", "from the village"))).origin()).isEqualTo(DEVICE);
    }
}
