package fr.cercle.sync.format;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.BundleImport;
import fr.cercle.sync.client.ImportReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bundles written by one installation, read by another; and every kind of bad bundle refused with nothing written. */
class BundleFormatTest {

    @TempDir
    Path dir;
    CercleDatabase origin;
    CercleDatabase target;
    Beneficiary jeanne;

    @BeforeEach
    void open() {
        origin = Installations.open(dir.resolve("origin"), TestData.CLOCK);
        target = Installations.open(dir.resolve("target"), TestData.CLOCK);
        StaffMember claire = TestData.staff();
        jeanne = Installations.seed(origin, claire);
    }

    @AfterEach
    void close() {
        origin.close();
        target.close();
    }

    byte[] export(boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BundleExport(origin, "CCAS de La Souterraine").ownChanges(0, out, gzip);
        return out.toByteArray();
    }

    ImportReport importBytes(byte[] bundle) throws Exception {
        return new BundleImport(target, BundleLimits.DEFAULT).importFrom(() -> new ByteArrayInputStream(bundle));
    }

    void assertRefused(byte[] bundle, BundleException.Problem problem) {
        assertThatThrownBy(() -> importBytes(bundle))
                .isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(problem));
        assertThat(target.journal().count()).as("nothing written").isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBundleCarriesEveryChangeToTheOtherInstallation(boolean gzip) throws Exception {
        byte[] bundle = export(gzip);

        ImportReport report = importBytes(bundle);

        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.header().kind()).isEqualTo(BundleKind.PUSH);
        assertThat(report.header().origin()).isEqualTo(origin.deviceId());
        assertThat(report.header().rangeTo()).isEqualTo(2);
        assertThat(Installations.beneficiaries(target).find(jeanne.id())).contains(jeanne);
        assertThat(importBytes(bundle).duplicates()).as("idempotent").isEqualTo(2);
    }

    @Test
    void aPlainBundleReadsInATextEditor() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"format\":\"cercle-exchange\",\"formatVersion\":1,\"schemaVersion\":5,")
                .contains("\"kind\":\"push\"", "\"changeCount\":2", "\"organisation\":\"CCAS de La Souterraine\"");
        assertThat(lines[2]).contains("\"entity\":\"beneficiary\"", "\"op\":\"create\"", "\"first_name\":\"Jeanne\"",
                "\"birth_date\":\"1938-03-02\"");
    }

    @Test
    void aTruncatedBundleIsRefused() throws Exception {
        byte[] bundle = export(false);
        assertRefused(Arrays.copyOf(bundle, bundle.length - 40), BundleException.Problem.TRUNCATED);
        String text = new String(bundle, StandardCharsets.UTF_8);
        assertRefused(text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1).getBytes(StandardCharsets.UTF_8),
                BundleException.Problem.TRUNCATED);
    }

    @Test
    void aTruncatedCompressedBundleIsRefused() throws Exception {
        byte[] bundle = export(true);
        assertThatThrownBy(() -> importBytes(Arrays.copyOf(bundle, bundle.length / 2)))
                .isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).problem())
                        .isIn(BundleException.Problem.TRUNCATED, BundleException.Problem.MALFORMED));
        assertThat(target.journal().count()).isZero();
    }

    @Test
    void aFlippedBitIsCaught() throws Exception {
        byte[] bundle = export(false);
        String text = new String(bundle, StandardCharsets.UTF_8);
        int at = text.indexOf("Jeanne");
        bundle[at] = (byte) (bundle[at] ^ 0x01); // "Jeanne" becomes "Keanne": still valid JSON
        assertRefused(bundle, BundleException.Problem.CHECKSUM);
    }

    @Test
    void aWrongChecksumIsRefused() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        String tampered = text.replaceFirst("\"contentSha256\":\"[0-9a-f]{64}\"", "\"contentSha256\":\"" + "0".repeat(64) + "\"");
        assertRefused(tampered.getBytes(StandardCharsets.UTF_8), BundleException.Problem.CHECKSUM);
    }

    @Test
    void anUnknownFormatVersionOrANewerSchemaIsRefused() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        assertRefused(text.replaceFirst("\"formatVersion\":1", "\"formatVersion\":3").getBytes(StandardCharsets.UTF_8),
                BundleException.Problem.UNKNOWN_FORMAT_VERSION);
        assertRefused(text.replaceFirst("\"schemaVersion\":5", "\"schemaVersion\":7").getBytes(StandardCharsets.UTF_8),
                BundleException.Problem.NEWER_SCHEMA);
    }

    @Test
    void aHugeDeclaredCountIsRefusedAtOnce() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        assertRefused(text.replaceFirst("\"changeCount\":2", "\"changeCount\":9000000000").getBytes(StandardCharsets.UTF_8),
                BundleException.Problem.TOO_LARGE);
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertRefused(Bundles.rehash(text.replaceFirst("\"first_name\":\"Jeanne\"", "\"first_name\":" + deep)),
                BundleException.Problem.MALFORMED);
    }

    @Test
    void aGzipBombStopsAtTheLimit() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        BundleLimits small = new BundleLimits(8 << 20, 1_000, 1 << 20);
        byte[] bomb = zipped.toByteArray();
        assertThat(bomb.length).isLessThan(200_000);

        assertThatThrownBy(() -> new BundleImport(target, small).importFrom(() -> new ByteArrayInputStream(bomb)))
                .isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.TOO_LARGE));
        assertThat(target.journal().count()).isZero();
    }

    @Test
    void somethingElseThanABundleIsRefused() {
        assertRefused(new byte[0], BundleException.Problem.TRUNCATED);
        assertRefused("Dear Sir, please find attached…\n".getBytes(StandardCharsets.UTF_8), BundleException.Problem.MALFORMED);
        assertRefused("{\"format\":\"something-else\"}\n".getBytes(StandardCharsets.UTF_8), BundleException.Problem.MALFORMED);
    }

    @Test
    void aChangeThatDoesNotFitNamesItsLineAndField() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        String bad = text.replace("\"birth_date\":\"1938-03-02\"", "\"birth_date\":\"le 2 mars\"");
        byte[] rehashed = Bundles.rehash(bad);

        assertThatThrownBy(() -> importBytes(rehashed))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith("Line 3: ")
                .hasMessageContaining("beneficiary.birth_date")
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.INVALID_CHANGE));
        assertThat(target.journal().count()).isZero();

        String unknown = text.replace("\"first_name\":\"Jeanne\"", "\"favourite_colour\":\"blue\"");
        assertThatThrownBy(() -> importBytes(Bundles.rehash(unknown)))
                .hasMessageContaining("unknown field beneficiary.favourite_colour");
    }

    @Test
    void aValueTheApplicationCouldNotReadBackIsRefused() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        String unknownStatus = text.replace("\"status\":\"ACTIVE\"", "\"status\":\"ARCHIVED\"");

        assertThatThrownBy(() -> importBytes(Bundles.rehash(unknownStatus)))
                .isInstanceOf(BundleException.class)
                .hasMessage("Line 3: beneficiary.status must be one of ACTIVE, PAUSED, CLOSED, not \"ARCHIVED\"")
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.INVALID_CHANGE));
        String badCommune = text.replace("\"commune_insee\":\"23176\"", "\"commune_insee\":\"2317\"");
        assertThatThrownBy(() -> importBytes(Bundles.rehash(badCommune)))
                .hasMessageContaining("beneficiary.commune_insee must be an INSEE commune code");
        assertThat(target.journal().count()).isZero();
    }

    @Test
    void aMemberNamedTwiceIsRefused() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        String twice = text.replace("\"status\":\"ACTIVE\"", "\"status\":\"ACTIVE\",\"status\":\"CLOSED\"");

        assertThatThrownBy(() -> importBytes(Bundles.rehash(twice)))
                .isInstanceOf(BundleException.class)
                .hasMessage("Line 3: not one valid JSON object (Duplicate field 'status')")
                .satisfies(e -> assertThat(((BundleException) e).problem()).isEqualTo(BundleException.Problem.MALFORMED));
        assertRefused(text.replaceFirst("\"kind\":\"push\"", "\"kind\":\"push\",\"kind\":\"pull\"")
                .getBytes(StandardCharsets.UTF_8), BundleException.Problem.MALFORMED);
    }

    @Test
    void aHeaderWithoutItsNewlineIsRefused() throws Exception {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new BundleExport(target, "Mairie").ownChanges(0, empty, false);
        byte[] bundle = empty.toByteArray();
        assertThat(bundle[bundle.length - 1]).isEqualTo((byte) '\n');
        assertThat(importBytes(bundle).applied()).as("an empty bundle is a bundle").isZero();

        assertRefused(Arrays.copyOf(bundle, bundle.length - 1), BundleException.Problem.TRUNCATED);
    }

    @Test
    void aBaseNamingThousandsOfVersionsIsRefused() throws Exception {
        String text = new String(export(false), StandardCharsets.UTF_8);
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= ChangeCodec.MAX_BASE + 1; i++) {
            ids.append(i > 1 ? "," : "").append('"').append(origin.deviceId()).append(':').append(i).append('"');
        }
        String bad = text.replaceFirst("\"base\":\\{}", "\"base\":{\"first_name\":[" + ids + "]}");
        assertThat(bad).isNotEqualTo(text);

        assertThatThrownBy(() -> importBytes(Bundles.rehash(bad)))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("base of first_name names 101 versions");
        assertThat(target.journal().count()).isZero();
    }

    @Test
    void aFileOnDiskImportsTheSame() throws Exception {
        Path file = dir.resolve("jeanne.cercle");
        Files.write(file, export(false));

        assertThat(new BundleImport(target, BundleLimits.DEFAULT).importFile(file).applied()).isEqualTo(2);
    }
}
