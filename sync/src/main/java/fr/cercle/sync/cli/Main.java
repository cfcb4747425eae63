package fr.cercle.sync.cli;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.installation.Installation;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.security.Keyring;
import fr.cercle.persistence.security.SignInException;
import fr.cercle.persistence.DataDirectory;
import fr.cercle.persistence.DatabaseLockedException;
import fr.cercle.persistence.StorageException;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.write.ConflictRepository;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.EnrolmentClient;
import fr.cercle.sync.client.ImportReport;
import fr.cercle.sync.client.SealedFiles;
import fr.cercle.sync.client.SyncClient;
import fr.cercle.sync.client.SyncException;
import fr.cercle.sync.client.SyncReport;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.client.SyncState;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.EnrolmentCode;
import fr.cercle.sync.server.DeviceRegistry;
import fr.cercle.sync.server.EnrolledDevice;
import fr.cercle.sync.server.PushResult;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerGateway;
import fr.cercle.sync.server.ServerStatus;
import fr.cercle.sync.server.ServerStore;
import fr.cercle.sync.server.SyncServer;
import fr.cercle.sync.tls.ServerCertificate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cercle-sync}: the sync from the command line, for scripts and scheduled tasks, and the
 * central server. Every command works on a given data folder. Exit codes: 0 done, 1 failed (the
 * message says why), 2 the command line is wrong.
 */
public final class Main {

    static final int DEFAULT_PORT = 8645;
    private static final String USAGE = """
            Usage: cercle-sync <command> [options]

            On an installation (its data folder: --data-dir, else CERCLE_DATA_DIR, else the user's data folder):
              status  [--data-dir DIR]                     where this installation stands
              enrol   [--data-dir DIR] --server URL --code CODE
                                                           enrol this installation with the server, with the
                                                           one-time code its administrator issued
              sync    [--data-dir DIR]                     exchange changes with the server over HTTPS
              export  [--data-dir DIR] --out FILE [--all]  write the changes the server lacks (--all: every change
                                                           made here), sealed for the server, to a file
              import  [--data-dir DIR] FILE                apply a file the server sealed for this installation
            Encrypted data (an installation with accounts) need an account: --login L (else CERCLE_LOGIN), and
            its password in CERCLE_PASSWORD, else asked on the console.

            The central server (its data: an H2 file in --data-dir, or PostgreSQL with --jdbc-url):
              server  [--port 8645] [--bind ADDRESS] [--data-dir DIR | --jdbc-url URL --user U]
                      [--drop-folder DIR] [--name NAME] [--plain-http]
                      HTTPS with the server's own certificate (made at first start; installations pin it);
                      --plain-http only behind a reverse proxy that terminates TLS
              server-code --organisation ORG --label LABEL [--valid-hours 72]
                                                                         a one-time code to enrol one installation
              server-devices                                             the enrolled installations
              server-revoke --device ID                                  withdraw an installation, for good
              server-import [--data-dir DIR | --jdbc-url ...] FILE       import a file brought on a USB key
              server-export [--data-dir DIR | --jdbc-url ...] --device ID [--after CURSOR] --out FILE
                                                                         the changes an installation lacks, sealed
                                                                         for it, as a file
              server-new-epoch [--data-dir DIR | --jdbc-url ...]         after restoring a backup of the server
            PostgreSQL's password: in CERCLE_JDBC_PASSWORD (--password P also works, but shows it to anyone
            who lists the computer's processes).
            """;
    /** Where the server's database password is read from, rather than from the command line. */
    static final String JDBC_PASSWORD_VARIABLE = "CERCLE_JDBC_PASSWORD";
    private static final Set<String> SERVER_OPTIONS = Set.of("data-dir", "jdbc-url", "user", "password", "name");

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Map<String, String> environment;

    Main(PrintStream out, PrintStream err, Clock clock) {
        this(out, err, clock, System.getenv());
    }

    Main(PrintStream out, PrintStream err, Clock clock, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.environment = environment;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "cercle-sync-logback.xml");
        }
        int code = new Main(System.out, System.err, Clock.systemDefaultZone()).run(List.of(args));
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "status" -> status(new Arguments(rest, Set.of("data-dir", "login"), Set.of()));
                case "export" -> export(new Arguments(rest, Set.of("data-dir", "login", "out"), Set.of("all")));
                case "import" -> importFile(new Arguments(rest, Set.of("data-dir", "login"), Set.of()));
                case "enrol" -> enrol(new Arguments(rest, Set.of("data-dir", "login", "server", "code"), Set.of()));
                case "sync" -> sync(new Arguments(rest, Set.of("data-dir", "login"), Set.of()));
                case "server" -> server(new Arguments(rest, union(SERVER_OPTIONS, "port", "bind", "drop-folder"),
                        Set.of("plain-http")));
                case "server-code" -> serverCode(new Arguments(rest, union(SERVER_OPTIONS, "organisation", "label",
                        "valid-hours"), Set.of()));
                case "server-devices" -> serverDevices(new Arguments(rest, SERVER_OPTIONS, Set.of()));
                case "server-revoke" -> serverRevoke(new Arguments(rest, union(SERVER_OPTIONS, "device"), Set.of()));
                case "server-import" -> serverImport(new Arguments(rest, SERVER_OPTIONS, Set.of()));
                case "server-export" -> serverExport(new Arguments(rest, union(SERVER_OPTIONS, "device", "after", "out"), Set.of()));
                case "server-new-epoch" -> serverNewEpoch(new Arguments(rest, SERVER_OPTIONS, Set.of()));
                default -> throw new Arguments.UsageException("Unknown command: " + args.get(0));
            };
        } catch (Arguments.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (SignInException e) {
            err.println("Not signed in: " + e.getMessage() + ".");
            return 1;
        } catch (DatabaseLockedException e) {
            err.println("The data folder is in use by a running Cercle: close it first.");
            return 1;
        } catch (BundleException e) {
            err.println("Refused: " + e.getMessage());
            return 1;
        } catch (SyncException e) {
            err.println("Sync failed: " + e.getMessage() + ". Nothing made here was lost.");
            return 1;
        } catch (IOException | StorageException e) {
            err.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        java.util.HashSet<String> all = new java.util.HashSet<>(base);
        all.addAll(Arrays.asList(more));
        return all;
    }

    // ---- On an installation

    private CercleDatabase installation(Arguments args) {
        Path dir = DataDirectory.resolve(args.get("data-dir").orElse(null));
        if (!Files.exists(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"))) {
            throw new StorageException("No Cercle data in " + dir);
        }
        if (!Keyring.exists(dir)) {
            return CercleDatabase.open(dir, clock);
        }
        String login = args.get("login").or(() -> Optional.ofNullable(environment.get("CERCLE_LOGIN")))
                .orElseThrow(() -> new Arguments.UsageException("The data in " + dir
                        + " are encrypted: give an account with --login (or CERCLE_LOGIN)"));
        char[] password = Optional.ofNullable(environment.get("CERCLE_PASSWORD")).map(String::toCharArray)
                .or(() -> Optional.ofNullable(System.console()).map(c -> c.readPassword("Password of %s: ", login)))
                .orElseThrow(() -> new Arguments.UsageException("The data in " + dir
                        + " are encrypted: give the password of " + login + " in CERCLE_PASSWORD"));
        return CercleDatabase.open(dir, clock, Keyring.load(dir).unlock(login, password, clock.instant()));
    }

    private static String organisation(CercleDatabase db) {
        return new InstallationRepository(db.dsl(), db.deviceId()).find()
                .map(Installation::structure).map(s -> s.name()).orElse("");
    }

    private int status(Arguments args) {
        args.noArguments();
        try (CercleDatabase db = installation(args)) {
            SyncState state = SyncState.read(db.localSettings());
            long made = db.journal().lastSeq(db.deviceId());
            out.println("Installation     " + db.deviceId() + " (" + organisation(db) + ")");
            out.println("Data folder      " + db.directory());
            out.println("Changes made here " + made + ", of which the server has " + state.acknowledged());
            out.println("Last sync        " + SyncState.lastSync(db.localSettings()).orElse("never"));
            out.println("Conflicts        " + ConflictRepository.pending(db.dsl()) + " to decide");
            return 0;
        }
    }

    private static Enrolment enrolment(CercleDatabase db) throws SyncException {
        return Enrolment.read(db.localSettings()).orElseThrow(() -> new SyncException(SyncException.Kind.NOT_ENROLLED,
                "this installation is not enrolled with a server: run 'cercle-sync enrol' with the one-time code "
                + "the server's administrator gives", null));
    }

    private int enrol(Arguments args) throws SyncException {
        args.noArguments();
        URI server = SyncSettings.serverAddress(args.require("server")).orElseThrow(() ->
                new Arguments.UsageException("Not an http or https address: " + args.require("server")));
        EnrolmentCode code = EnrolmentCode.parse(args.require("code")).orElseThrow(() ->
                new Arguments.UsageException("Not an enrolment code (16 letters and digits, as XXXX-XXXX-XXXX-XXXX)"));
        try (CercleDatabase db = installation(args)) {
            Enrolment enrolment = new EnrolmentClient(db, Duration.ofSeconds(30)).enrol(server, code, () -> false);
            out.println("Enrolled with " + enrolment.serverName() + " (" + server + ") for " + enrolment.organisation() + ".");
            out.println("Server key " + enrolment.serverKeys().fingerprint()
                    + (enrolment.secure() ? "; certificate pinned" : "; plain HTTP: use HTTPS unless a proxy provides it"));
            return 0;
        }
    }

    private int export(Arguments args) throws IOException, SyncException, BundleException {
        args.noArguments();
        Path file = Path.of(args.require("out"));
        try (CercleDatabase db = installation(args)) {
            long after = args.flag("all") ? 0 : SyncState.read(db.localSettings()).acknowledged();
            SealedFiles files = new SealedFiles(db, enrolment(db), BundleLimits.DEFAULT);
            BundleHeader header = write(file, out -> files.export(after, out));
            out.println("Wrote " + header.changeCount() + " change(s) to " + file);
            return 0;
        }
    }

    private int importFile(Arguments args) throws IOException, BundleException, SyncException {
        Path file = Path.of(args.onlyArgument("file to import"));
        try (CercleDatabase db = installation(args)) {
            ImportReport report = new SealedFiles(db, enrolment(db), BundleLimits.DEFAULT).importFile(file);
            out.println("Imported " + file + ": " + report.applied() + " applied, " + report.duplicates()
                    + " already here, " + report.held() + " waiting for an earlier change, "
                    + report.afterDeletion() + " about deleted records");
            if (!report.aheadOfTime().isEmpty()) {
                out.println("Warning: " + report.aheadOfTime().size()
                        + " change(s) carry a date more than a day ahead: check that computer's clock.");
            }
            return 0;
        }
    }

    private int sync(Arguments args) throws SyncException {
        args.noArguments();
        try (CercleDatabase db = installation(args)) {
            Enrolment enrolment = enrolment(db);
            URI server = enrolment.server();
            SyncReport report = new SyncClient(db, enrolment, BundleLimits.DEFAULT, Duration.ofSeconds(30))
                    .sync(step -> { }, () -> false);
            out.println("Synced with " + server + ": " + report.sent() + " sent, " + report.applied() + " received, "
                    + report.held() + " waiting for an earlier change"
                    + (report.newServerEpoch() ? " (the server was restored: everything was exchanged again)" : ""));
            return 0;
        }
    }

    // ---- The central server

    private ServerDatabase serverDatabase(Arguments args) {
        if (args.get("jdbc-url").isPresent()) {
            // Preferably from the environment: a command line is visible to every user of the computer (ps).
            String password = args.get("password")
                    .or(() -> Optional.ofNullable(environment.get(JDBC_PASSWORD_VARIABLE)))
                    .orElse("");
            return ServerDatabase.open(args.require("jdbc-url"), args.get("user").orElse(""), password);
        }
        Path dir = args.get("data-dir").map(Path::of).orElseGet(() -> DataDirectory.resolve(null).resolve("server"));
        return ServerDatabase.h2(dir);
    }

    private ServerStore store(ServerDatabase db, Arguments args) {
        return new ServerStore(db, BundleLimits.DEFAULT, clock, args.get("name").orElse("Cercle server"));
    }

    private DeviceRegistry registry(ServerDatabase db, Arguments args) {
        return new DeviceRegistry(db, clock, args.get("name").orElse("Cercle server"));
    }

    private ServerGateway gateway(ServerDatabase db, Arguments args) {
        return new ServerGateway(store(db, args), registry(db, args), clock);
    }

    private int server(Arguments args) throws IOException {
        args.noArguments();
        int port = (int) args.number("port", DEFAULT_PORT);
        String bind = args.get("bind").orElse("0.0.0.0");
        ServerDatabase db = serverDatabase(args);
        ServerGateway gateway = gateway(db, args);
        ServerStore store = gateway.store();
        InetSocketAddress address = new InetSocketAddress(bind, port);
        boolean plain = args.flag("plain-http");
        ServerCertificate certificate = plain ? null : gateway.registry().certificate();
        SyncServer server = plain ? SyncServer.startPlain(gateway, address, BundleLimits.DEFAULT)
                : SyncServer.start(gateway, address, BundleLimits.DEFAULT, certificate);
        DropFolder drop = args.get("drop-folder").isPresent()
                ? new DropFolder(Path.of(args.require("drop-folder")), gateway, clock) : null;
        if (drop != null) {
            drop.start(Duration.ofSeconds(5));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (drop != null) {
                drop.close();
            }
            server.close();
            db.close();
            stopped.countDown();
        }, "cercle-shutdown"));
        out.println("Cercle server on port " + server.port() + (plain ? " (plain HTTP)" : " (HTTPS, certificate "
                + certificate.fingerprintForPeople() + ")") + ", epoch " + store.epoch()
                + (drop != null ? ", watching " + args.require("drop-folder") : "") + ". Ctrl+C stops it.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int serverImport(Arguments args) throws IOException, BundleException {
        Path file = Path.of(args.onlyArgument("file to import"));
        try (ServerDatabase db = serverDatabase(args)) {
            PushResult result = gateway(db, args).receive(file);
            out.println("Imported " + file + ": " + result.appended() + " new, " + result.duplicates()
                    + " already here, " + result.held() + " waiting for an earlier change");
            return 0;
        }
    }

    private int serverExport(Arguments args) throws IOException, BundleException {
        args.noArguments();
        DeviceId device = DeviceId.parse(args.require("device"));
        Path file = Path.of(args.require("out"));
        try (ServerDatabase db = serverDatabase(args)) {
            ServerGateway gateway = gateway(db, args);
            long after = args.number("after", 0);
            ServerStatus status = gateway.store().status(device);
            BundleHeader header = write(file, out -> gateway.send(device, after, Integer.MAX_VALUE, out));
            out.println("Wrote " + header.changeCount() + " change(s) for " + device + " to " + file
                    + " (cursor " + header.rangeFrom() + " to " + header.rangeTo() + " of " + status.cursor() + ")");
            return 0;
        }
    }

    private int serverCode(Arguments args) {
        args.noArguments();
        long hours = args.number("valid-hours", DeviceRegistry.DEFAULT_CODE_VALIDITY.toHours());
        try (ServerDatabase db = serverDatabase(args)) {
            DeviceRegistry registry = registry(db, args);
            EnrolmentCode code = registry.issueCode(args.require("organisation"), args.require("label"), Duration.ofHours(hours));
            out.println("One-time code for " + args.require("label") + " (" + args.require("organisation") + "): " + code);
            out.println("Valid " + hours + " hours, for one installation. Give it by phone or by hand, not by e-mail.");
            return 0;
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException(e.getMessage());
        }
    }

    private int serverDevices(Arguments args) {
        args.noArguments();
        try (ServerDatabase db = serverDatabase(args)) {
            var devices = registry(db, args).devices();
            if (devices.isEmpty()) {
                out.println("No installation is enrolled yet: issue a code with 'cercle-sync server-code'.");
            }
            for (EnrolledDevice device : devices) {
                out.println(device.id() + "  " + device.organisation() + "  " + device.label() + "  enrolled "
                        + device.enrolledAt().toLocalDate() + (device.revoked() ? "  REVOKED " + device.revokedAt().toLocalDate() : ""));
            }
            return 0;
        }
    }

    private int serverRevoke(Arguments args) {
        args.noArguments();
        DeviceId device = DeviceId.parse(args.require("device"));
        try (ServerDatabase db = serverDatabase(args)) {
            DeviceRegistry registry = registry(db, args);
            if (registry.find(device).isEmpty()) {
                err.println("No installation " + device + " is enrolled here.");
                return 1;
            }
            out.println(registry.revoke(device) ? "Installation " + device + " revoked: its requests and files are refused from now on."
                    : "Installation " + device + " was already revoked.");
            return 0;
        }
    }

    private int serverNewEpoch(Arguments args) {
        args.noArguments();
        try (ServerDatabase db = serverDatabase(args)) {
            out.println("New epoch " + store(db, args).renewEpoch() + ": installations will exchange everything again.");
            return 0;
        }
    }

    @FunctionalInterface
    private interface Writing {
        BundleHeader to(OutputStream out) throws IOException, BundleException;
    }

    /** Writes to a temporary file beside the target, then moves it: a reader never sees half a file. */
    private static BundleHeader write(Path file, Writing writing) throws IOException, BundleException {
        Path absolute = file.toAbsolutePath();
        Path parent = Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(parent, ".cercle-", ".part");
        try {
            BundleHeader header;
            try (OutputStream out = Files.newOutputStream(partial)) {
                header = writing.to(out);
            }
            Files.move(partial, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return header;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
