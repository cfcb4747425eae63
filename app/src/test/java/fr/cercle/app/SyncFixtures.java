package fr.cercle.app;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.server.DeviceAuthenticator;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerStore;
import fr.cercle.sync.server.SyncServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the sync's tests need around the client: a real central server on loopback, and a second
 * installation (a town hall, in its own H2 database) that exchanges with the client.
 */
public final class SyncFixtures {

    private SyncFixtures() {
    }

    /** A central server with its H2 database in a folder, listening on a free port of loopback. */
    public record TestServer(ServerDatabase db, SyncServer http) implements AutoCloseable {

        public static TestServer start(Path folder) {
            ServerDatabase db = ServerDatabase.h2(folder);
            try {
                ServerStore store = new ServerStore(db, BundleLimits.DEFAULT, Clock.systemUTC(), "Serveur de test");
                return new TestServer(db, SyncServer.start(store, new InetSocketAddress("127.0.0.1", 0),
                        DeviceAuthenticator.DECLARED, BundleLimits.DEFAULT));
            } catch (IOException e) {
                db.close();
                throw new UncheckedIOException(e);
            }
        }

        public URI uri() {
            return URI.create("http://127.0.0.1:" + http.port() + "/");
        }

        @Override
        public void close() {
            http.close();
            db.close();
        }
    }

    /** An address on loopback where nothing listens: a server that does not answer. */
    public static URI unreachable() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the client's installation to this server, as the settings do. */
    public static void useServer(TestApp app, URI server) {
        new SyncSettings(server, SyncSettings.DEFAULT_INTERVAL_MINUTES).write(app.db().localSettings());
    }

    public static StaffMember paul() {
        return new StaffMember(StaffId.newId(), "Paul", "Durand", "Mairie de Vareilles", Set.of(Domain.ELDERLY), true);
    }

    /** A town hall's installation: its structure and one staff member, Paul. */
    public static CercleDatabase townHall(Path dir, Clock clock, StaffMember paul) {
        CercleDatabase db = TestDatabases.withCommunes(dir, clock);
        db.writer().run(paul.id(), tx -> {
            new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(tx, paul);
            new InstallationRepository(db.dsl(), db.deviceId())
                    .save(tx, new Structure("Mairie de Vareilles", StructureKind.TOWN_HALL, TestData.LA_SOUTERRAINE));
        });
        return db;
    }

    public static BeneficiaryRepository beneficiaries(CercleDatabase db) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
    }

    /** A person followed by the town hall, made there. */
    public static Beneficiary lucie(CercleDatabase townHall, StaffMember paul) {
        Beneficiary lucie = TestData.beneficiary(paul.id()).firstName("Lucie").lastName("Bernard")
                .birthDate(LocalDate.of(1941, 6, 12)).build();
        beneficiaries(townHall).save(lucie, paul.id());
        return lucie;
    }

    public static SyncReport sync(CercleDatabase db, TestServer server) {
        try {
            return new SyncClient(db, server.uri(), "test", BundleLimits.DEFAULT, Duration.ofSeconds(10))
                    .sync(step -> { }, () -> false);
        } catch (SyncException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An installation's own changes in an exchange file, as its "Export a file" writes them. */
    public static Path export(CercleDatabase db, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            new BundleExport(db, "test").ownChanges(0, out, true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
