package fr.cercle.sync.server;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.EnrolmentClient;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.EnrolmentCode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * A real central server on loopback for tests, over HTTPS with its own certificate (or plain HTTP),
 * that enrols installations the way an administrator does: a one-time code, then the enrolment
 * protocol over the network.
 */
public final class TestServer implements AutoCloseable {

    private final ServerGateway gateway;
    private final SyncServer http;
    private final boolean https;

    private TestServer(ServerGateway gateway, SyncServer http, boolean https) {
        this.gateway = gateway;
        this.http = http;
        this.https = https;
    }

    /** Over HTTPS; the database stays the caller's to close. */
    public static TestServer start(ServerDatabase db) throws IOException {
        return start(db, true);
    }

    public static TestServer start(ServerDatabase db, boolean https) throws IOException {
        ServerGateway gateway = gateway(db);
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        SyncServer http = https ? SyncServer.start(gateway, loopback, BundleLimits.DEFAULT, gateway.registry().certificate())
                : SyncServer.startPlain(gateway, loopback, BundleLimits.DEFAULT);
        return new TestServer(gateway, http, https);
    }

    /** The store, registry and gateway of a server database, without HTTP: for files. */
    public static ServerGateway gateway(ServerDatabase db) {
        return new ServerGateway(new ServerStore(db, BundleLimits.DEFAULT, Clock.systemUTC(), "Serveur de test"),
                new DeviceRegistry(db, Clock.systemUTC(), "Serveur de test"), Clock.systemUTC());
    }

    public URI uri() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + http.port() + "/");
    }

    public int port() {
        return http.port();
    }

    public ServerGateway gateway() {
        return gateway;
    }

    /** Enrols {@code installation} for {@code organisation} with a fresh one-time code. */
    public Enrolment enrol(CercleDatabase installation, String organisation) throws SyncException {
        EnrolmentCode code = gateway.registry().issueCode(organisation, "Poste de test", Duration.ofHours(1));
        return new EnrolmentClient(installation, Duration.ofSeconds(10)).enrol(uri(), code, () -> false);
    }

    public static SyncReport sync(CercleDatabase installation) throws SyncException {
        return SyncClient.of(installation, BundleLimits.DEFAULT, Duration.ofSeconds(10)).sync(step -> { }, () -> false);
    }

    @Override
    public void close() {
        http.close();
    }
}
