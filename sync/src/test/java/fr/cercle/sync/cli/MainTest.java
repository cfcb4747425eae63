package fr.cercle.sync.cli;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerStore;
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

    @Test
    void aVillageWithoutNetworkExchangesWithTheServerThroughFiles() throws Exception {
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

        assertThat(run("export", "--data-dir", village.toString(), "--out", dir.resolve("usb/village.cercle.gz").toString()))
                .isZero();
        assertThat(out()).contains("Wrote 2 change(s)");
        assertThat(run("server-import", "--data-dir", server.toString(), dir.resolve("usb/village.cercle.gz").toString()))
                .isZero();
        assertThat(out()).contains("2 new");
        assertThat(run("server-export", "--data-dir", server.toString(), "--device", ccasDevice,
                "--out", dir.resolve("usb/for-ccas.cercle").toString())).isZero();
        assertThat(run("import", "--data-dir", ccas.toString(), dir.resolve("usb/for-ccas.cercle").toString())).isZero();
        assertThat(out()).contains("2 applied");

        try (CercleDatabase db = Installations.open(ccas, TestData.CLOCK)) {
            assertThat(Installations.beneficiaries(db).find(jeanne.id())).contains(jeanne);
        }
        assertThat(run("status", "--data-dir", ccas.toString())).isZero();
        assertThat(out()).contains("Conflicts        0 to decide");
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
        assertThat(runWith(right, "export", "--data-dir", village.toString(), "--out", usb)).isZero();
        assertThat(out()).contains("Wrote 2 change(s)");
    }

    int runWith(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC(), environment).run(List.of(args));
    }

    @Test
    void aDamagedFileIsRefusedWithItsReasonAndTheExitCodeSaysSo() throws Exception {
        Path village = dir.resolve("village");
        try (CercleDatabase db = Installations.open(village, TestData.CLOCK)) {
            Installations.seed(db, TestData.staff());
        }
        Path file = dir.resolve("damaged.cercle");
        Files.writeString(file, "{\"format\":\"cercle-exchange\",\"formatVersion\":1}\n");

        assertThat(run("import", "--data-dir", village.toString(), file.toString())).isEqualTo(1);
        assertThat(err()).startsWith("Refused: Line 1: ");
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
        Path drop = dir.resolve("drop");
        run("export", "--data-dir", village.toString(), "--out", drop.resolve("village.cercle").toString());
        Files.writeString(drop.resolve("letter.cercle"), "not a bundle\n");
        Instant old = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(drop.resolve("village.cercle"), FileTime.from(old));
        Files.setLastModifiedTime(drop.resolve("letter.cercle"), FileTime.from(old));

        try (ServerDatabase db = ServerDatabase.h2(dir.resolve("server"));
             DropFolder folder = new DropFolder(drop, new ServerStore(db, BundleLimits.DEFAULT, Clock.systemUTC(), "t"),
                     Clock.systemUTC())) {
            assertThat(folder.scan()).isEqualTo(2);
            assertThat(new ServerStore(db, BundleLimits.DEFAULT, Clock.systemUTC(), "t").status(null).cursor()).isEqualTo(2);
        }
        assertThat(drop.resolve("imported/village.cercle")).exists();
        assertThat(drop.resolve("refused/letter.cercle")).exists();
        assertThat(Files.readString(drop.resolve("refused/letter.cercle.txt"))).startsWith("Refused: Line 1: this is not a Cercle bundle");
    }
}
