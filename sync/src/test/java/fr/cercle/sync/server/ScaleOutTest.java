package fr.cercle.sync.server;

import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import fr.cercle.sync.Opened;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SealedFiles;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.format.BundleReader;
import fr.cercle.sync.seal.SealedBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    @RegisterExtension
    final Opened opened = new Opened();

    TestServer instance(String url) throws Exception {
        ServerDatabase db = ServerBackends.open(url);
        opened.keep(db);
        TestServer server = TestServer.start(db);
        opened.keep(server);
        return server;
    }

    @Test
    void twoInstancesOnOnePostgresqlLoseNothingUnderConcurrentPushes() throws Exception {
        String url = ServerBackends.newDatabase(ServerBackends.Backend.POSTGRESQL, dir);
        List<TestServer> instances = List.of(instance(url), instance(url));
        int devices = 6;
        List<CercleDatabase> installations = new ArrayList<>();
        List<Enrolment> enrolments = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            CercleDatabase db = Installations.open(dir.resolve("i" + i), TestData.CLOCK);
            opened.keep(db);
            // Enrolled on either instance: both serve the same registry and the same certificate.
            enrolments.add(instances.get((i + 1) % 2).enrol(db, "Département"));
            StaffMember author = TestData.staff();
            Installations.seed(db, author);
            for (int k = 0; k < 15; k++) {
                Installations.beneficiaries(db).save(TestData.beneficiary(author.id()).firstName("P" + k).build(), author.id());
            }
            installations.add(db);
        }
        long total = installations.stream().mapToLong(db -> db.journal().lastSeq(db.deviceId())).sum();

        CercleDatabase observer = Installations.open(dir.resolve("observer"), TestData.CLOCK);
        opened.keep(observer);
        Enrolment observing = instances.get(0).enrol(observer, "Département");
        HttpClient http = Requests.client(observing);
        Set<String> seen = new HashSet<>();
        AtomicBoolean pushing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(devices + 1);
        Future<?> puller = pool.submit(() -> {
            long cursor = 0;
            Path sealed = dir.resolve("page.sealed");
            Path plain = dir.resolve("page.cercle");
            while (true) {
                boolean last = !pushing.get();
                TestServer server = instances.get((int) (cursor % 2));
                http.send(Requests.signed(server, observer, observing, "GET", "/v1/pull?device=" + observer.deviceId()
                        + "&after=" + cursor + "&limit=7").build(), HttpResponse.BodyHandlers.ofFile(sealed,
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
                SealedBundle.open(sealed, SealedBundle.envelope(sealed), observing.serverKeys(), observing.deviceKeys(), plain);
                var header = BundleReader.read(Files.newInputStream(plain), BundleLimits.DEFAULT,
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
            Enrolment enrolment = enrolments.get(i);
            TestServer server = instances.get(i % 2);
            pushes.add(pool.submit(() -> {
                // Several small pushes each, interleaved with the other devices'.
                for (long after = 0, last = db.journal().lastSeq(db.deviceId()); after < last; after += 4) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    new SealedFiles(db, enrolment, BundleLimits.DEFAULT).export(after, out);
                    HttpResponse<String> response = Requests.push(server, db, enrolment, out.toByteArray());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
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
            assertThat(TestServer.sync(installations.get(i)).sent()).isZero();
        }
        assertThat(Installations.beneficiaries(installations.get(0)).count()).isEqualTo(devices * 16);
    }
}
