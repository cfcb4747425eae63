package fr.cercle.sync.cli;

import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.server.PushResult;
import fr.cercle.sync.server.ServerGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A folder the server watches for sealed bundle files brought on a USB key: each complete file is
 * checked and imported like a push over HTTP ({@link ServerGateway}),
 * then moved to {@code imported/}, or to {@code refused/} with a {@code .txt} beside it that says why.
 * A file still being copied (changed in the last seconds) waits for the next look.
 */
final class DropFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);
    static final Duration SETTLE = Duration.ofSeconds(3);

    private final Path folder;
    private final ServerGateway gateway;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cercle-drop-folder");
        thread.setDaemon(true);
        return thread;
    });

    DropFolder(Path folder, ServerGateway gateway, Clock clock) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.gateway = gateway;
        this.clock = clock;
        Files.createDirectories(folder.resolve("imported"));
        Files.createDirectories(folder.resolve("refused"));
    }

    void start(Duration every) {
        timer.scheduleWithFixedDelay(this::scanQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not look into the drop folder {}", folder, e);
        }
    }

    /** Imports every complete bundle now in the folder; returns how many files were handled. */
    int scan() throws IOException {
        int handled = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                f -> Files.isRegularFile(f) && (f.toString().endsWith(".cercle") || f.toString().endsWith(".cercle.gz")))) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isAfter(clock.instant().minus(SETTLE))) {
                    continue;
                }
                handle(file);
                handled++;
            }
        }
        return handled;
    }

    private void handle(Path file) throws IOException {
        try {
            PushResult result = gateway.receive(file);
            LOG.info("Drop folder: {} imported ({} new, {} already here, {} held)", file.getFileName(),
                    result.appended(), result.duplicates(), result.held());
            Files.move(file, folder.resolve("imported").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (BundleException e) {
            LOG.warn("Drop folder: {} refused: {}", file.getFileName(), e.getMessage());
            Path refused = folder.resolve("refused").resolve(file.getFileName());
            Files.move(file, refused, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(refused.resolveSibling(file.getFileName() + ".txt"),
                    "Refused: " + e.getMessage() + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
