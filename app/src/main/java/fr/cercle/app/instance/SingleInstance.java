package fr.cercle.app.instance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Cercle per data folder: a second launch (a second double-click on an exchange file) hands its
 * file to the Cercle already running and ends, instead of stopping at "data held by another Cercle".
 * <p>
 * The first launch holds a lock on {@code instance.lock} in the data folder for as long as it runs
 * (the system releases it if the process dies), listens on a loopback-only port, and writes that port
 * and a random secret to {@code instance.address} (readable by its owner only, deleted at exit). A
 * launch that cannot take the lock reads the address, connects, sends the secret and the file's
 * absolute path, and waits for the answer. A stale address file does no harm: the lock, not the file,
 * says whether a Cercle runs. Two launches at once cannot both become the first: one takes the lock,
 * the other waits for its address. A launch refused because the first is closing tries again, and
 * takes the lock itself once the first has gone.
 * <p>
 * Messages are served one at a time on a thread of their own, never on the JavaFX thread; the
 * handler given to {@link #listen} only passes them on.
 */
public final class SingleInstance implements AutoCloseable {

    static final String LOCK_FILE = "instance.lock";
    static final String ADDRESS_FILE = "instance.address";
    private static final String PROTOCOL = "cercle-instance/1";
    private static final String DELIVERED = "DELIVERED";
    private static final String UNUSABLE = "UNUSABLE ";
    private static final String CLOSING = "CLOSING";
    private static final String REFUSED = "REFUSED";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofMillis(100);
    /** Not a constant: a launch that only hands over its file ends sooner without starting the logs. */
    private static Logger log() {
        return LoggerFactory.getLogger(SingleInstance.class);
    }

    /** What a launch turned out to be. */
    public sealed interface Launch permits First, HandedOver, Unreachable {
    }

    /** No other Cercle runs on these data: this launch is the one, and listens for the next ones. */
    public record First(SingleInstance instance) implements Launch {
    }

    /**
     * The running Cercle took the request. {@code problem} is why it cannot read the file (it says
     * so in its window too), or {@code null}.
     */
    public record HandedOver(OpenRequest.Problem problem) implements Launch {
    }

    /**
     * Something holds the data folder but did not answer in time (an older Cercle without this
     * channel, or one that hangs): the launch goes on as before and will say that the data are in use.
     */
    public record Unreachable() implements Launch {
    }

    private final Path addressFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocket server;
    private final byte[] secret;
    private final Thread listener;
    private final List<OpenRequest> waiting = new ArrayList<>();
    private Consumer<OpenRequest> handler;
    private boolean closing;
    /** The connection being served, closed by {@link #stopListening} so that closing never waits for a slow launch. */
    private volatile Socket serving;

    private SingleInstance(Path dataDir, FileChannel lockChannel, FileLock lock) throws IOException {
        this.addressFile = dataDir.resolve(ADDRESS_FILE);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            writeAddress(dataDir, server.getLocalPort(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        this.listener = new Thread(this::serve, "cercle-instance");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * Becomes the Cercle of {@code dataDir}, or hands {@code request} to the one running there.
     *
     * @param patience how long to wait for a running Cercle that holds the folder to answer
     * @throws UncheckedIOException when the data folder cannot be written (the launch can go on without
     *                              the channel: the database will say what is wrong)
     */
    public static Launch start(Path dataDir, OpenRequest request, Duration patience) {
        Objects.requireNonNull(request);
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            Files.createDirectories(dataDir);
            while (true) {
                Optional<SingleInstance> first = tryFirst(dataDir);
                if (first.isPresent()) {
                    return new First(first.get());
                }
                Optional<String> answer = send(dataDir, request);
                if (answer.isPresent() && answer.get().equals(DELIVERED)) {
                    return new HandedOver(null);
                }
                Optional<OpenRequest.Problem> problem = answer.flatMap(SingleInstance::problem);
                if (problem.isPresent()) {
                    return new HandedOver(problem.get());
                }
                // No address yet (the first is starting), a stale one, or the first is closing: again.
                if (System.nanoTime() > deadline) {
                    log().warn("The data folder is held but its Cercle did not answer ({})", answer.orElse("no answer"));
                    return new Unreachable();
                }
                Thread.sleep(RETRY.toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable();
        }
    }

    /** The port this Cercle listens on (loopback only). */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * From now on, requests go to {@code onRequest}, on the listening thread (it must only pass them
     * on); those that came earlier, while the window was being made, go first.
     */
    public void listen(Consumer<OpenRequest> onRequest) {
        synchronized (this) {
            handler = Objects.requireNonNull(onRequest);
            waiting.forEach(onRequest);
            waiting.clear();
        }
    }

    /**
     * A request that arrives in this process rather than over the socket: a file the system sent as
     * an event (macOS). Checked and passed on like the others.
     */
    public void deliver(OpenRequest request) {
        accept(request);
    }

    /**
     * Takes no more requests: a launch that comes now is told to try again, and becomes the next
     * Cercle once this one has ended. Called first thing when the window closes.
     */
    public void stopListening() {
        synchronized (this) {
            closing = true;
        }
        try {
            Files.deleteIfExists(addressFile);
        } catch (IOException e) {
            log().warn("Could not delete {}", addressFile.getFileName(), e);
        }
        try {
            server.close();
            Socket current = serving;
            if (current != null) {
                current.close();
            }
        } catch (IOException e) {
            log().warn("Could not close the instance's port", e);
        }
    }

    /** Stops listening and lets another Cercle open these data: called once they are closed. */
    @Override
    public void close() {
        stopListening();
        if (!lockChannel.isOpen()) {
            return;
        }
        try {
            listener.join(READ_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log().warn("Could not release {}", LOCK_FILE, e);
        }
    }

    // The first launch

    private static Optional<SingleInstance> tryFirst(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same process (tests run two "launches" in one JVM)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        try {
            return Optional.of(new SingleInstance(dataDir, channel, lock));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** Port and secret, written whole (a temporary file moved in place) and readable by this account only. */
    private static void writeAddress(Path dataDir, int port, String token) throws IOException {
        Path temporary = dataDir.resolve(ADDRESS_FILE + ".tmp");
        Files.deleteIfExists(temporary);
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // Windows: the data folder is under the account's own profile (%APPDATA%), closed to others.
            Files.createFile(temporary);
        }
        Files.writeString(temporary, port + "\n" + token + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, dataDir.resolve(ADDRESS_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                serving = socket;
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
                DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeUTF(answer(in.readUTF(), in.readUTF(), in.readUTF()));
                out.flush();
            } catch (SocketException e) {
                if (!server.isClosed()) {
                    log().info("A launch's message was cut short: {}", e.getMessage());
                }
            } catch (IOException e) {
                log().info("A launch's message could not be read: {}", e.getMessage());
            } catch (RuntimeException e) {
                log().error("A launch's message failed", e);
            } finally {
                serving = null;
            }
        }
    }

    private String answer(String protocol, String token, String path) {
        byte[] given = token.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).getBytes(StandardCharsets.US_ASCII);
        if (!PROTOCOL.equals(protocol) || !MessageDigest.isEqual(given, expected)) {
            log().warn("A message without the right secret was refused");
            return REFUSED;
        }
        log().info("A later launch handed over {}", path.isEmpty() ? "no file: coming to the front" : "an exchange file");
        OpenRequest request;
        if (path.isEmpty()) {
            request = OpenRequest.front();
        } else {
            try {
                Path file = Path.of(path);
                if (!file.isAbsolute()) {
                    return REFUSED;
                }
                request = OpenRequest.open(file);
            } catch (InvalidPathException e) {
                return REFUSED;
            }
        }
        if (!accept(request)) {
            return CLOSING;
        }
        return request.trouble().map(problem -> UNUSABLE + problem.name()).orElse(DELIVERED);
    }

    /** Passes the request on, or keeps it until there is a handler. False once closing. */
    private boolean accept(OpenRequest request) {
        synchronized (this) {
            if (closing) {
                return false;
            }
            if (handler == null) {
                waiting.add(request);
            } else {
                // Under the lock: a request answered "delivered" reached the handler before closing began.
                handler.accept(request);
            }
            return true;
        }
    }

    // A later launch

    private static Optional<OpenRequest.Problem> problem(String answer) {
        if (!answer.startsWith(UNUSABLE)) {
            return Optional.empty();
        }
        String name = answer.substring(UNUSABLE.length());
        for (OpenRequest.Problem problem : OpenRequest.Problem.values()) {
            if (problem.name().equals(name)) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** Sends the request to the address written in the folder; empty when nobody answers there. */
    private static Optional<String> send(Path dataDir, OpenRequest request) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve(ADDRESS_FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return Optional.empty();
        } catch (IOException e) {
            log().info("Could not read the running Cercle's address: {}", e.getMessage());
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) READ_TIMEOUT.toMillis());
            // Longer than the running Cercle's own wait on a silent connection served before this one:
            // a launch that gave up just before its answer would send its file twice.
            socket.setSoTimeout((int) READ_TIMEOUT.multipliedBy(3).toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF(PROTOCOL);
            out.writeUTF(lines.get(1).strip());
            out.writeUTF(request.bundle().map(Path::toString).orElse(""));
            out.flush();
            return Optional.of(new DataInputStream(socket.getInputStream()).readUTF());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // nothing there any more (a stale address), or it closed meanwhile
        }
    }
}
