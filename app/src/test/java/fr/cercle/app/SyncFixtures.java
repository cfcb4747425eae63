package fr.cercle.app;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.installation.DeviceId;
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
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.seal.EnrolmentCode;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerGateway;
import fr.cercle.sync.server.TestServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the sync's tests need around the client: a real central server on loopback (the sync module's
 * {@link TestServer}, over HTTPS with its own certificate, on an H2 database in a folder) that enrols
 * installations with one-time codes, and a second installation (a town hall, in its own H2 database)
 * that exchanges with the client through it.
 */
public final class SyncFixtures {

    /** The organisation the client's installation (the CCAS) is enrolled for. */
    public static final String CCAS = "CCAS de La Souterraine";
    /**
     * The organisation the town hall is enrolled for: the CCAS's, whose files it shares (the server
     * sends an installation only its organisation's files).
     */
    public static final String TOWN_HALL = CCAS;

    private SyncFixtures() {
    }

    /** A central server and its database, both closed together. */
    public record Central(ServerDatabase db, TestServer server) implements AutoCloseable {

        public URI uri() {
            return server.uri();
        }

        public ServerGateway gateway() {
            return server.gateway();
        }

        /** A one-time code for one installation of {@code organisation}, as the server's administrator issues it. */
        public EnrolmentCode code(String organisation) {
            return gateway().registry().issueCode(organisation, "Poste de test", Duration.ofHours(1));
        }

        /** Enrols an installation for {@code organisation}, over the network, as its administrator does. */
        public Enrolment enrol(CercleDatabase installation, String organisation) {
            try {
                return server.enrol(installation, organisation);
            } catch (SyncException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Enrols the client's installation (the CCAS). */
        public Enrolment enrol(TestApp app) {
            return enrol(app.db(), CCAS);
        }

        @Override
        public void close() {
            server.close();
            db.close();
        }
    }

    /** A central server over HTTPS with its H2 database in {@code folder}, listening on a free port of loopback. */
    public static Central server(Path folder) {
        return server(folder, true);
    }

    /** Over HTTPS, or over plain HTTP (as behind a proxy that provides HTTPS). */
    public static Central server(Path folder, boolean https) {
        ServerDatabase db = ServerDatabase.h2(folder);
        try {
            return new Central(db, TestServer.start(db, https));
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
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

    /** Points the client's installation to this server address, as the settings do ({@code null}: no server). */
    public static void useServer(TestApp app, URI server) {
        new SyncSettings(server, SyncSettings.DEFAULT_INTERVAL_MINUTES).write(app.db().localSettings());
    }

    /** Enrols the client's installation with the server, then leaves its address empty: a computer without network. */
    public static Enrolment enrolOffline(TestApp app, Central server) {
        Enrolment enrolment = server.enrol(app);
        useServer(app, null);
        return enrolment;
    }

    public static StaffMember paul() {
        return new StaffMember(StaffId.newId(), "Paul", "Durand", TOWN_HALL, Set.of(Domain.ELDERLY), true);
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

    /** A town hall's installation, enrolled with the server. */
    public static CercleDatabase townHall(Path dir, Clock clock, StaffMember paul, Central server) {
        CercleDatabase db = townHall(dir, clock, paul);
        try {
            server.enrol(db, TOWN_HALL);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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

    /** An enrolled installation syncs with the server it is enrolled with. */
    public static SyncReport sync(CercleDatabase db) {
        try {
            return TestServer.sync(db);
        } catch (SyncException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The town hall's changes, in an exchange file for the client: the town hall syncs with the server,
     * then the server writes everything the client lacks, sealed for the client's installation (as its
     * administrator does for a computer without network).
     */
    public static Path export(CercleDatabase townHall, Central server, DeviceId forDevice, Path file) {
        sync(townHall);
        return fromServer(server, forDevice, file);
    }

    /** What the server holds that {@code device} lacks, sealed for it, in a file. */
    public static Path fromServer(Central server, DeviceId device, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            server.gateway().send(device, 0, Integer.MAX_VALUE, out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BundleException e) {
            throw new IllegalStateException(e);
        }
    }
}
