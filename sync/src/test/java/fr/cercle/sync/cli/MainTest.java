package fr.cercle.sync.cli;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerStore;
import fr.cercle.sync.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, as a script in a town hall would run it, on real data folders. */
class MainTest {

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(List.of(args));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * Enrols each installation with the server of {@code serverDir} as an administrator does: a code
     * from the command line, then {@code enrol} while the server runs (the village's computer brought
     * once where there is a network).
     */
    void enrol(Path serverDir, Path... installations) throws Exception {
        List<String> codes = new java.util.ArrayList<>();
        for (Path installation : installations) {
            assertThat(run("server-code", "--data-dir", serverDir.toString(), "--organisation", "Mairie de Vareilles",
                    "--label", installation.getFileName().toString())).isZero();
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}").matcher(out());
            assertThat(code.find()).as(out()).isTrue();
            codes.add(code.group());
        }
        try (ServerDatabase db = ServerDatabase.h2(serverDir); TestServer server = TestServer.start(db)) {
            for (int i = 0; i < installations.length; i++) {
                assertThat(run("enrol", "--data-dir", installations[i].toString(), "--server", server.uri().toString(),
                        "--code", codes.get(i).toLowerCase(java.util.Locale.ROOT))).as(err()).isZero();
                assertThat(out()).contains("Enrolled with", "for Mairie de Vareilles", "certificate pinned");
            }
        }
    }

    @Test
    void aVillageWithoutNetworkExchangesWithTheServerThroughSealedFiles() throws Exception {
        Path village = dir.resolve("village");
        Path ccas = dir.resolve("ccas");
        Path server = dir.resolve("server");
        Beneficiary jeanne;
        try (CercleDatabase db = Installations.open(village, TestData.CLOCK)) {
            jeanne = Installations.seed(db, TestData.staff());
        }
        String ccasDevice;
        try (CercleDatabase db = Installations.open(ccas, TestData.CLOCK)) {
            ccasDevice = db.deviceId().toString();
        }
        enrol(server, village, ccas);

        assertThat(run("export", "--data-dir", village.toString(), "--out", dir.resolve("usb/village.cercle").toString()))
                .isZero();
        assertThat(out()).contains("Wrote 2 change(s)");
        assertThat(run("server-import", "--data-dir", server.toString(), dir.resolve("usb/village.cercle").toString()))
                .isZero();
        assertThat(out()).contains("2 new");
        assertThat(run("server-import", "--data-dir", server.toString(), dir.resolve("usb/village.cercle").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("Refused: this bundle", "was already received once");
        assertThat(run("server-export", "--data-dir", server.toString(), "--device", ccasDevice,
                "--out", dir.resolve("usb/for-ccas.cercle").toString())).isZero();
        assertThat(run("import", "--data-dir", ccas.toString(), dir.resolve("usb/for-ccas.cercle").toString())).isZero();
        assertThat(out()).contains("2 applied");

        try (CercleDatabase db = Installations.open(ccas, TestData.CLOCK)) {
            assertThat(Installations.beneficiaries(db).find(jeanne.id())).contains(jeanne);
        }
        assertThat(run("status", "--data-dir", ccas.toString())).isZero();
        assertThat(out()).contains("Conflicts        0 to decide");

        assertThat(run("server-devices", "--data-dir", server.toString())).isZero();
        assertThat(out().lines()).hasSize(2).allMatch(line -> line.contains("Mairie de Vareilles") && !line.contains("REVOKED"));
        String villageDevice;
        try (CercleDatabase db = Installations.open(village, TestData.CLOCK)) {
            villageDevice = db.deviceId().toString();
        }
        assertThat(run("server-revoke", "--data-dir", server.toString(), "--device", villageDevice)).isZero();
        assertThat(run("server-import", "--data-dir", server.toString(), dir.resolve("usb/village.cercle").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("withdrawn from the server by its administrator");
        assertThat(run("server-devices", "--data-dir", server.toString())).isZero();
        assertThat(out()).contains("REVOKED");
    }

    @Test
    void anInstallationWithAccountsNeedsOneToBeScripted() throws Exception {
        Path village = dir.resolve("village");
        var created = fr.cercle.persistence.security.Keyring.create(village, "secretaire",
                "la mairie ouvre le mardi".toCharArray(), 1_000);
        try (CercleDatabase db = CercleDatabase.open(village, TestData.CLOCK, created.key())) {
            Installations.seed(db, TestData.staff());
        }
        String usb = dir.resolve("usb/village.cercle").toString();

        assertThat(run("export", "--data-dir", village.toString(), "--out", usb)).isEqualTo(2);
        assertThat(err()).contains("are encrypted: give an account with --login");

        Map<String, String> wrong = Map.of("CERCLE_PASSWORD", "la mairie ferme le lundi");
        assertThat(runWith(wrong, "export", "--data-dir", village.toString(), "--login", "secretaire", "--out", usb))
                .isEqualTo(1);
        assertThat(err()).startsWith("Not signed in: Wrong login or password");

        Map<String, String> right = Map.of("CERCLE_LOGIN", "secretaire", "CERCLE_PASSWORD", "la mairie ouvre le mardi");
        assertThat(runWith(right, "status", "--data-dir", village.toString())).isZero();
        assertThat(out()).contains("Changes made here 2");
        assertThat(runWith(right, "export", "--data-dir", village.toString(), "--out", usb)).isEqualTo(1);
        assertThat(err()).contains("not enrolled with a server: run 'cercle-sync enrol'");
    }

    int runWith(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC(), environment).run(List.of(args));
    }

    @Test
    void theServerDatabasePasswordComesFromTheEnvironmentNotTheCommandLine() {
        // H2 checks passwords as PostgreSQL does (the embedded PostgreSQL of the tests trusts everyone).
        String url = "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";

        assertThat(runWith(Map.of(Main.JDBC_PASSWORD_VARIABLE, "s3cret"),
                "server-devices", "--jdbc-url", url, "--user", "cercle")).as(err()).isZero();

        assertThat(runWith(Map.of(Main.JDBC_PASSWORD_VARIABLE, "wrong"),
                "server-devices", "--jdbc-url", url, "--user", "cercle")).isEqualTo(1);
        assertThat(err()).contains("Could not connect to the server's database " + url + " as 'cercle'")
                .contains("Wrong user name or password");
        assertThat(runWith(Map.of(), "server-devices", "--jdbc-url", url, "--user", "cercle")).isEqualTo(1);
        assertThat(runWith(Map.of(), "server-devices", "--jdbc-url", url, "--user", "cercle", "--password", "s3cret"))
                .as(err()).isZero();
    }

    @Test
    void aDamagedFileIsRefusedWithItsReasonAndTheExitCodeSaysSo() throws Exception {
        Path village = dir.resolve("village");
        try (CercleDatabase db = Installations.open(village, TestData.CLOCK)) {
            Installations.seed(db, TestData.staff());
        }
        enrol(dir.resolve("server"), village);
        Path file = dir.resolve("damaged.cercle");
        Files.writeString(file, "{\"format\":\"cercle-exchange\",\"formatVersion\":1}\n");

        assertThat(run("import", "--data-dir", village.toString(), file.toString())).isEqualTo(1);
        assertThat(err()).startsWith("Refused: the file is a bundle that is not sealed");
        Files.writeString(file, "CERCLE-SEALED-1\n\u0000\u0000");
        assertThat(run("import", "--data-dir", village.toString(), file.toString())).isEqualTo(1);
        assertThat(err()).startsWith("Refused: the sealed bundle is cut short");
    }

    @Test
    void aWrongCommandLineShowsTheUsage() {
        assertThat(run("expor")).isEqualTo(2);
        assertThat(err()).contains("Unknown command: expor", "Usage: cercle-sync");
        assertThat(run("export", "--data-dir")).isEqualTo(2);
        assertThat(err()).contains("--data-dir needs a value");
        assertThat(run("status", "--data-dir", dir.resolve("nothing").toString())).isEqualTo(1);
        assertThat(err()).contains("No Cercle data in");
    }

    @Test
    void aNewEpochAfterARestoreIsAnnounced() {
        assertThat(run("server-new-epoch", "--data-dir", dir.resolve("server").toString())).isZero();
        assertThat(out()).startsWith("New epoch ");
    }

    @Test
    void theDropFolderImportsCompleteFilesAndSetsAsideRefusedOnesWithTheReason() throws Exception {
        Path village = dir.resolve("village");
        try (CercleDatabase db = Installations.open(village, TestData.CLOCK)) {
            Installations.seed(db, TestData.staff());
        }
        enrol(dir.resolve("server"), village);
        Path drop = dir.resolve("drop");
        assertThat(run("export", "--data-dir", village.toString(), "--out", drop.resolve("village.cercle").toString())).isZero();
        Files.writeString(drop.resolve("letter.cercle"), "not a bundle\n");
        Instant old = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(drop.resolve("village.cercle"), FileTime.from(old));
        Files.setLastModifiedTime(drop.resolve("letter.cercle"), FileTime.from(old));

        try (ServerDatabase db = ServerDatabase.h2(dir.resolve("server"));
             DropFolder folder = new DropFolder(drop, TestServer.gateway(db), Clock.systemUTC())) {
            assertThat(folder.scan()).isEqualTo(2);
            assertThat(new ServerStore(db, BundleLimits.DEFAULT, Clock.systemUTC(), "t").status(null).cursor()).isEqualTo(2);
        }
        assertThat(drop.resolve("imported/village.cercle")).exists();
        assertThat(drop.resolve("refused/letter.cercle")).exists();
        assertThat(Files.readString(drop.resolve("refused/letter.cercle.txt"))).startsWith("Refused: the file is not a Cercle bundle");
    }
}
