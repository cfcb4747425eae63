package fr.cercle.sync.server;

import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.format.BundleReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances side by side on one PostgreSQL database, as behind a load balancer, with
 * devices pushing at once while another device pulls: the puller misses no change.
 */
class ScaleOutTest {

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    SyncServer instance(String url) throws Exception {
        ServerDatabase db = ServerBackends.open(url);
        open.add(db);
        SyncServer server = SyncServer.start(new ServerStore(db, BundleLimits.DEFAULT, Clock.systemUTC(), "région"),
                new InetSocketAddress("127.0.0.1", 0), DeviceAuthenticator.DECLARED, BundleLimits.DEFAULT);
        open.add(server);
        return server;
    }

    @Test
    void twoInstancesOnOnePostgresqlLoseNothingUnderConcurrentPushes() throws Exception {
        String url = ServerBackends.newDatabase(ServerBackends.Backend.POSTGRESQL, dir);
        List<SyncServer> instances = List.of(instance(url), instance(url));
        int devices = 6;
        List<CercleDatabase> installations = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            CercleDatabase db = Installations.open(dir.resolve("i" + i), TestData.CLOCK);
            open.add(db);
            StaffMember author = TestData.staff();
            Installations.seed(db, author);
            for (int k = 0; k < 15; k++) {
                Installations.beneficiaries(db).save(TestData.beneficiary(author.id()).firstName("P" + k).build(), author.id());
            }
            installations.add(db);
        }
        long total = installations.stream().mapToLong(db -> db.journal().lastSeq(db.deviceId())).sum();

        HttpClient http = HttpClient.newHttpClient();
        Set<String> seen = new HashSet<>();
        AtomicBoolean pushing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(devices + 1);
        Future<?> puller = pool.submit(() -> {
            long cursor = 0;
            String observer = "00000000-0000-0000-0000-0000000000ff";
            while (true) {
                boolean last = !pushing.get();
                SyncServer server = instances.get((int) (cursor % 2));
                HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/v1/pull?device=" + observer + "&after=" + cursor + "&limit=7")).build(), HttpResponse.BodyHandlers.ofByteArray());
                var header = BundleReader.read(new ByteArrayInputStream(page.body()), BundleLimits.DEFAULT,
                        (change, json, line) -> assertThat(seen.add(change.change().toString())).as("no change twice").isTrue());
                if (header.rangeTo() == cursor && last) {
                    return null;
                }
                cursor = header.rangeTo();
            }
        });
        List<Future<?>> pushes = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            CercleDatabase db = installations.get(i);
            SyncServer server = instances.get(i % 2);
            pushes.add(pool.submit(() -> {
                // Several small pushes each, interleaved with the other devices'.
                for (long after = 0, last = db.journal().lastSeq(db.deviceId()); after < last; after += 4) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    new BundleExport(db, "x").ownChanges(after, out, false);
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + server.port() + "/v1/push?device=" + db.deviceId()))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> push : pushes) {
            push.get();
        }
        pushing.set(false);
        puller.get();
        pool.shutdown();

        assertThat(seen).hasSize((int) total);
        for (int i = 0; i < devices; i++) {
            SyncClient client = new SyncClient(installations.get(i), URI.create("http://127.0.0.1:" + instances.get((i + 1) % 2).port()),
                    "x", BundleLimits.DEFAULT, Duration.ofSeconds(10));
            assertThat(client.sync(step -> { }, () -> false).sent()).isZero();
        }
        assertThat(Installations.beneficiaries(installations.get(0)).count()).isEqualTo(devices * 16);
    }
}
