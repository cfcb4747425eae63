package fr.cercle.app.instance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two launches of Cercle on the same data folder, as two "instances" in one JVM talking over real
 * loopback sockets: the second hands its file to the first and ends.
 */
class SingleInstanceTest {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    final List<SingleInstance> opened = new ArrayList<>();
    final List<OpenRequest> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(SingleInstance::close);
    }

    SingleInstance first() {
        SingleInstance.Launch launch = SingleInstance.start(dir, OpenRequest.front(), PATIENCE);
        assertThat(launch).isInstanceOf(SingleInstance.First.class);
        SingleInstance instance = ((SingleInstance.First) launch).instance();
        opened.add(instance);
        return instance;
    }

    Path bundle(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "{}");
    }

    @Test
    void theSecondLaunchHandsItsFileToTheFirstAndEnds() throws IOException {
        first().listen(received::add);
        Path file = bundle("du-serveur.cercle");

        SingleInstance.Launch second = SingleInstance.start(dir, OpenRequest.open(file), PATIENCE);

        assertThat(second).isEqualTo(new SingleInstance.HandedOver(null));
        assertThat(received).containsExactly(new OpenRequest(file, null));
    }

    @Test
    void aLaunchWithoutFileOnlyAsksTheFirstToComeToTheFront() {
        first().listen(received::add);

        assertThat(SingleInstance.start(dir, OpenRequest.front(), PATIENCE)).isEqualTo(new SingleInstance.HandedOver(null));
        assertThat(received).containsExactly(OpenRequest.front());
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithItsProblemOnBothSides() throws IOException {
        first().listen(received::add);
        Path missing = dir.resolve("parti.cercle");
        Path folder = Files.createDirectory(dir.resolve("dossier.cercle"));

        assertThat(SingleInstance.start(dir, OpenRequest.open(missing), PATIENCE))
                .isEqualTo(new SingleInstance.HandedOver(OpenRequest.Problem.MISSING));
        assertThat(SingleInstance.start(dir, OpenRequest.open(folder), PATIENCE))
                .isEqualTo(new SingleInstance.HandedOver(OpenRequest.Problem.NOT_A_FILE));
        assertThat(received).containsExactly(new OpenRequest(missing, OpenRequest.Problem.MISSING),
                new OpenRequest(folder, OpenRequest.Problem.NOT_A_FILE));
    }

    @Test
    void anUnreadableFileIsNamedAsSuch() throws IOException {
        Path file = bundle("secret.cercle");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // Root reads everything: the check then has nothing to show.
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file));

        assertThat(OpenRequest.open(file).problem()).isEqualTo(OpenRequest.Problem.UNREADABLE);
    }

    @Test
    void requestsThatCameBeforeTheWindowWasReadyArriveInOrderOnceItListens() throws IOException {
        SingleInstance instance = first();
        Path a = bundle("a.cercle");
        Path b = bundle("b.cercle");
        SingleInstance.start(dir, OpenRequest.open(a), PATIENCE);
        instance.deliver(OpenRequest.open(b)); // as macOS's open-file event does

        instance.listen(received::add);

        assertThat(received).extracting(OpenRequest::file).containsExactly(a, b);
    }

    @Test
    void aMessageWithoutTheSecretIsRefusedAndNothingIsOpened() throws IOException {
        SingleInstance instance = first();
        instance.listen(received::add);
        Path file = bundle("piege.cercle");

        assertThat(rawMessage(instance.port(), "cercle-instance/1", "not-the-secret", file.toString())).isEqualTo("REFUSED");
        assertThat(rawMessage(instance.port(), "cercle-instance/1", "", file.toString())).isEqualTo("REFUSED");
        assertThat(received).isEmpty();
    }

    @Test
    void aConnectionThatSaysNothingDoesNotKeepALaunchFromHandingItsFileOverOnce() throws IOException {
        SingleInstance instance = first();
        instance.listen(received::add);
        Path file = bundle("du-serveur.cercle");
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), instance.port())) {
            assertThat(SingleInstance.start(dir, OpenRequest.open(file), PATIENCE)).isEqualTo(new SingleInstance.HandedOver(null));
            assertThat(silent.isClosed()).isFalse();
        }
        assertThat(received).containsExactly(new OpenRequest(file, null));
    }

    @Test
    void theAddressIsReadableByItsOwnerOnlyAndGoesAwayAtExit() throws IOException {
        SingleInstance instance = first();
        Path address = dir.resolve(SingleInstance.ADDRESS_FILE);

        assertThat(Files.getPosixFilePermissions(address)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(address, StandardCharsets.UTF_8).get(0)).isEqualTo(String.valueOf(instance.port()));

        instance.close();
        assertThat(address).doesNotExist();
    }

    @Test
    void aStaleAddressLeftByACrashDoesNotStopTheNextLaunch() throws IOException {
        // A Cercle that died: its address file stayed, its port is closed, its lock went with it.
        Files.writeString(dir.resolve(SingleInstance.ADDRESS_FILE), "1\nold-secret\n");

        SingleInstance instance = first();

        assertThat(Files.readAllLines(dir.resolve(SingleInstance.ADDRESS_FILE)).get(0))
                .isEqualTo(String.valueOf(instance.port()));
    }

    @Test
    void aLaunchWhileTheFirstClosesBecomesTheNextCercleWithItsFile() throws Exception {
        SingleInstance closing = first();
        closing.listen(received::add);
        closing.stopListening(); // the window closed; the data are being closed
        Path file = bundle("tardif.cercle");
        ExecutorService launcher = Executors.newSingleThreadExecutor();
        try {
            Future<SingleInstance.Launch> later = launcher.submit(() -> SingleInstance.start(dir, OpenRequest.open(file), PATIENCE));
            closing.close();

            SingleInstance.Launch launch = later.get();
            assertThat(launch).isInstanceOf(SingleInstance.First.class);
            opened.add(((SingleInstance.First) launch).instance());
            assertThat(received).isEmpty();
        } finally {
            launcher.shutdownNow();
        }
    }

    @Test
    void twoLaunchesAtOnceMakeOneCercleThatReceivesTheOther() throws Exception {
        Path a = bundle("a.cercle");
        Path b = bundle("b.cercle");
        ExecutorService launcher = Executors.newFixedThreadPool(2);
        try {
            Future<SingleInstance.Launch> one = launcher.submit(() -> SingleInstance.start(dir, OpenRequest.open(a), PATIENCE));
            Future<SingleInstance.Launch> two = launcher.submit(() -> SingleInstance.start(dir, OpenRequest.open(b), PATIENCE));
            List<SingleInstance.Launch> launches = List.of(one.get(), two.get());
            List<SingleInstance> firsts = launches.stream().filter(SingleInstance.First.class::isInstance)
                    .map(l -> ((SingleInstance.First) l).instance()).toList();
            opened.addAll(firsts);
            assertThat(firsts).hasSize(1);
            assertThat(launches).contains(new SingleInstance.HandedOver(null));

            firsts.get(0).listen(received::add);
            // The other's file reached the one that runs (its own file is its launch's, opened by the window).
            assertThat(received).hasSize(1);
            assertThat(received.get(0).file()).isIn(a, b);
        } finally {
            launcher.shutdownNow();
        }
    }

    @Test
    void aFolderHeldByACercleThatNeverAnswersLetsTheLaunchGoOnAsBefore() throws IOException {
        first(); // holds the lock; its address is then lost (an older Cercle writes none)
        Files.delete(dir.resolve(SingleInstance.ADDRESS_FILE));

        assertThat(SingleInstance.start(dir, OpenRequest.front(), Duration.ofMillis(300)))
                .isEqualTo(new SingleInstance.Unreachable());
    }

    static String rawMessage(int port, String protocol, String token, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF(protocol);
            out.writeUTF(token);
            out.writeUTF(path);
            out.flush();
            return new DataInputStream(socket.getInputStream()).readUTF();
        }
    }
}
