package fr.cercle.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.RequestSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One enrolled installation's sync with its central server over HTTP(S): ask the server what it
 * holds from this device, send it what it lacks (everything after its answer, so a server restored from
 * an older backup gets again what it lost), then pull the others' changes page by page, each page
 * imported in one transaction together with the new cursor. Every request is signed with this
 * installation's key, every bundle sealed ({@link SealedFiles}), and over HTTPS only the certificate
 * pinned at enrolment is accepted. Safe to stop at any point: nothing local is ever discarded. A stop
 * asked while waiting for the server ends the request under way within a fraction of a second.
 */
public final class SyncClient {

    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);

    /** Where the sync is, for a progress display. */
    public enum Step { CONTACTING, SENDING, RECEIVING, DONE }

    private final CercleDatabase db;
    private final Enrolment enrolment;
    private final URI server;
    private final SealedFiles files;
    private final ServerExchange exchange;
    private final Duration timeout;

    public SyncClient(CercleDatabase db, Enrolment enrolment, BundleLimits limits, Duration timeout) {
        this.db = db;
        this.enrolment = enrolment;
        URI address = enrolment.server();
        this.server = address.toString().endsWith("/") ? address : URI.create(address + "/");
        this.files = new SealedFiles(db, enrolment, limits);
        this.timeout = timeout;
        this.exchange = new ServerExchange(enrolment.httpClient(timeout), server);
    }

    /** A client for this installation's enrolment, or NOT_ENROLLED if it has none. */
    public static SyncClient of(CercleDatabase db, BundleLimits limits, Duration timeout) throws SyncException {
        return new SyncClient(db, Enrolment.read(db.localSettings()).orElseThrow(() -> new SyncException(
                SyncException.Kind.NOT_ENROLLED, "This installation is not enrolled with a server", null)), limits, timeout);
    }

    public SyncReport sync(Consumer<Step> progress, BooleanSupplier cancelled) throws SyncException {
        progress.accept(Step.CONTACTING);
        LocalSettings settings = db.localSettings();
        SyncState state = SyncState.read(settings);
        JsonNode status = ServerExchange.json(exchange.send(signed("GET", "v1/status?device=" + db.deviceId())
                .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString(), cancelled));
        UUID epoch = UUID.fromString(status.path("epoch").asText());
        boolean newEpoch = state.serverEpoch() != null && !state.serverEpoch().equals(epoch);
        if (!epoch.equals(state.serverEpoch())) {
            LOG.info("Server epoch {} (was {}): pulling from the start", epoch, state.serverEpoch());
            state = new SyncState(epoch, status.path("acknowledged").asLong(), 0);
            state.write(settings);
        }
        long serverHas = status.path("acknowledged").asLong();
        checkCancelled(cancelled);

        progress.accept(Step.SENDING);
        long sent = 0;
        long mine = db.journal().lastSeq(db.deviceId());
        if (mine > serverHas) {
            JsonNode pushed = push(serverHas, cancelled);
            sent = pushed.path("acknowledged").asLong() - serverHas;
            state = new SyncState(epoch, pushed.path("acknowledged").asLong(), SyncState.read(settings).pullCursor());
            state.write(settings);
        }

        progress.accept(Step.RECEIVING);
        long applied = 0;
        long duplicates = 0;
        long held = 0;
        while (true) {
            checkCancelled(cancelled);
            long cursor = SyncState.read(settings).pullCursor();
            ImportReport page = pull(cursor, cancelled);
            applied += page.applied();
            duplicates += page.duplicates();
            held += page.held();
            if (page.header().rangeTo() <= cursor) {
                break;
            }
        }
        SyncState.markSynced(settings, db.clock().instant());
        progress.accept(Step.DONE);
        LOG.info("Synced with {}: {} sent, {} applied, {} already here, {} held", server, sent, applied, duplicates, held);
        return new SyncReport(sent, applied, duplicates, held, newEpoch);
    }

    private JsonNode push(long after, BooleanSupplier cancelled) throws SyncException {
        Path file = null;
        try {
            file = Files.createTempFile("cercle-push-", ".sealed");
            try (OutputStream out = Files.newOutputStream(file)) {
                files.export(after, out);
            }
            HttpRequest request = signed("POST", "v1/push?device=" + db.deviceId())
                    .timeout(timeout.multipliedBy(10))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            return ServerExchange.json(exchange.send(request, HttpResponse.BodyHandlers.ofString(), cancelled));
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "Could not prepare or read the exchange: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private ImportReport pull(long cursor, BooleanSupplier cancelled) throws SyncException {
        Path file = null;
        try {
            file = Files.createTempFile("cercle-pull-", ".sealed");
            Path target = file;
            HttpRequest request = signed("GET", "v1/pull?device=" + db.deviceId() + "&after=" + cursor)
                    .timeout(timeout.multipliedBy(10))
                    .GET()
                    .build();
            // The body goes to the file only when the server answers with a bundle; a refusal is read as text.
            exchange.send(request, info -> info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target), path -> (Object) path)
                    : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                            text -> (Object) text), cancelled);
            return files.importFile(file);
        } catch (BundleException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "The server's answer was refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "Could not store the server's answer: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** A request to {@code path} (relative to the server's address), signed by this installation. */
    private HttpRequest.Builder signed(String method, String path) {
        URI target = server.resolve(path);
        String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return HttpRequest.newBuilder(target)
                .header(RequestSignature.DEVICE_HEADER, db.deviceId().toString())
                .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(enrolment.deviceKeys(), method, pathAndQuery));
    }

    private static void checkCancelled(BooleanSupplier cancelled) throws SyncException {
        if (cancelled.getAsBoolean()) {
            throw new SyncException(SyncException.Kind.CANCELLED, "The sync was stopped; what was received so far is kept", null);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary file {}", file, e);
            }
        }
    }
}
