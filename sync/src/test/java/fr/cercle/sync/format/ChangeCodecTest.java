package fr.cercle.sync.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.time.Hlc;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One text form for clocks and ids, so that every implementation writes and reads the same. */
class ChangeCodecTest {

    static final String DEVICE = "0f8a2c3e-5b1d-4e7a-9c6f-2d4b8e1a7c30";
    static final String AUTHOR = "6b2e9d14-3c7a-4f85-b0e1-9a5d2c8f4e67";
    static final String RECORD = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f";

    static String update(String device, String hlc, String base) {
        return "{\"entity\":\"beneficiary\",\"id\":\"" + RECORD + "\",\"op\":\"update\",\"device\":\"" + device
                + "\",\"seq\":7,\"hlc\":\"" + hlc + "\",\"author\":\"" + AUTHOR + "\",\"fields\":{\"status\":\"PAUSED\"},"
                + "\"base\":{\"status\":[" + base + "]}}";
    }

    static void read(String line) throws BundleException {
        ChangeCodec.read(line.getBytes(StandardCharsets.UTF_8), 2);
    }

    @Test
    void theClockIsWrittenToTheMillisecondEvenOnAWholeSecond() {
        assertThat(ChangeCodec.formatHlc(new Hlc(Instant.parse("2026-11-27T08:00:00Z").toEpochMilli(), 0)))
                .isEqualTo("2026-11-27T08:00:00.000Z#0");
        assertThat(ChangeCodec.formatHlc(new Hlc(Instant.parse("2026-11-27T08:00:00.120Z").toEpochMilli(), 3)))
                .isEqualTo("2026-11-27T08:00:00.120Z#3");
    }

    @Test
    void theClockIsReadInItsOneForm() throws Exception {
        assertThat(ChangeCodec.parseHlc("2026-11-27T08:00:00.123Z#65535"))
                .isEqualTo(new Hlc(Instant.parse("2026-11-27T08:00:00.123Z").toEpochMilli(), 65_535));
        assertThat(ChangeCodec.parseHlc("2026-11-27T08:00:00Z#0"))
                .isEqualTo(new Hlc(Instant.parse("2026-11-27T08:00:00Z").toEpochMilli(), 0));
        for (String other : List.of("2026-11-27T09:00:00.123+01:00#0", "2026-11-27T08:00:00.123456Z#0",
                "2026-11-27T08:00:00.1Z#0", "2026-11-27t08:00:00.123z#0", "2026-11-27T08:00:00.123Z#+1",
                "2026-11-27T08:00:00.123Z#01", "2026-11-27T08:00:00.123Z#65536", "1969-12-31T23:59:59.999Z#0",
                "2026-02-30T08:00:00.123Z#0", "2026-11-27T08:00:00.123Z")) {
            assertThatThrownBy(() -> read(update(DEVICE, other, "")))
                    .as(other)
                    .isInstanceOf(BundleException.class)
                    .hasMessageContaining("hlc")
                    .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.INVALID_CHANGE));
        }
    }

    @Test
    void anAuditEventIsOnlyEverCreated() throws Exception {
        String create = "{\"entity\":\"audit_event\",\"id\":\"" + RECORD + "\",\"op\":\"create\",\"device\":\"" + DEVICE
                + "\",\"seq\":7,\"hlc\":\"2026-11-27T08:00:00.123Z#0\",\"author\":\"" + AUTHOR + "\",\"fields\":"
                + "{\"action\":\"VIEW\",\"subject_entity\":\"beneficiary\",\"subject_id\":\"" + DEVICE + "\"}}";
        read(create);

        String update = create.replace("\"op\":\"create\"", "\"op\":\"update\"")
                .replace(",\"subject_entity\":\"beneficiary\",\"subject_id\":\"" + DEVICE + "\"", "");
        assertThatThrownBy(() -> read(update))
                .isInstanceOf(BundleException.class)
                .hasMessage("Line 2: audit_event is only ever created: a change may not update one")
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.INVALID_CHANGE));
        String delete = create.replace("\"op\":\"create\"", "\"op\":\"delete\"")
                .replaceAll("\"fields\":\\{.*\\}\\}$", "\"fields\":{}}");
        assertThatThrownBy(() -> read(delete)).hasMessageContaining("audit_event is only ever created");
        assertThatThrownBy(() -> read(create.replace("\"VIEW\"", "\"PRINT\""))).hasMessageContaining("audit_event.action");
    }

    @Test
    void idsAreReadInTheirCanonicalFormOnly() throws Exception {
        read(update(DEVICE, "2026-11-27T08:00:00.123Z#0", "\"" + DEVICE + ":6\""));

        assertThatThrownBy(() -> read(update("1-1-1-1-1", "2026-11-27T08:00:00.123Z#0", "")))
                .hasMessage("Line 2: device must be an id (8-4-4-4-12 hexadecimal digits), not 1-1-1-1-1");
        assertThatThrownBy(() -> read(update(DEVICE, "2026-11-27T08:00:00.123Z#0", "\"" + DEVICE + ":+6\"")))
                .hasMessageContaining("Not a change id");
        assertThatThrownBy(() -> read(update(DEVICE, "2026-11-27T08:00:00.123Z#0", "6")))
                .hasMessageContaining("base of status must be a list of change ids");
    }

    @Test
    void theHeaderTellsWhenToTheMillisecond() {
        BundleHeader header = new BundleHeader(1, 1, UUID.randomUUID(), DeviceId.parse(DEVICE), "Mairie", BundleKind.PUSH,
                0, 0, null, Map.of(), Instant.parse("2026-11-27T08:00:00Z"), 0, "0".repeat(64));

        ObjectNode json = BundleWriter.headerJson(header);

        assertThat(json.path("createdAt").asText()).isEqualTo("2026-11-27T08:00:00.000Z");
    }
}
