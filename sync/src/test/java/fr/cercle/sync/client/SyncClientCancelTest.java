package fr.cercle.sync.client;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.PrivateIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stop asked while the server is slow to answer ends the sync at once, not when the request times out. */
class SyncClientCancelTest {

    @TempDir
    Path dir;

    @Test
    void aStopWhileWaitingForTheServerEndsTheSyncWithinMoments() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             CercleDatabase db = Installations.open(dir, TestData.CLOCK)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepts, reads nothing, never answers
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Installations.seed(db, TestData.staff());
            PrivateIdentity keys = PrivateIdentity.generate();
            Enrolment silentServer = new Enrolment(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"),
                    Party.server(java.util.UUID.randomUUID()), "x", "x", keys.publicIdentity(), "", keys, TestData.CLOCK.instant());
            SyncClient client = new SyncClient(db, silentServer, BundleLimits.DEFAULT, Duration.ofSeconds(60));
            AtomicBoolean stop = new AtomicBoolean();
            long started = System.nanoTime();
            Thread stopper = new Thread(() -> {
                sleep(500);
                stop.set(true);
            });
            stopper.start();

            assertThatThrownBy(() -> client.sync(step -> { }, stop::get))
                    .isInstanceOf(SyncException.class)
                    .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.CANCELLED));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(SyncState.read(db.localSettings()).acknowledged()).isZero();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
