package fr.cercle.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One installation's sync with the central server over HTTP: ask the server what it holds from this
 * device, send it what it lacks (everything after its answer, so a server restored from an older backup
 * gets again what it lost), then pull the others' changes page by page, each page imported in one
 * transaction together with the new cursor. Safe to stop at any point: nothing local is ever discarded.
 * A stop asked while waiting for the server ends the request under way within a fraction of a second.
 */
public final class SyncClient {

    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a request under way looks whether the sync was stopped. */
    private static final long CANCEL_POLL_MILLIS = 100;

    /** Where the sync is, for a progress display. */
    public enum Step { CONTACTING, SENDING, RECEIVING, DONE }

    private final CercleDatabase db;
    private final URI server;
    private final String organisation;
    private final BundleLimits limits;
    private final HttpClient http;
    private final Duration timeout;

    public SyncClient(CercleDatabase db, URI server, String organisation, BundleLimits limits, Duration timeout) {
        this.db = db;
        this.server = server.toString().endsWith("/") ? server : URI.create(server + "/");
        this.organisation = organisation;
        this.limits = limits;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public SyncReport sync(Consumer<Step> progress, BooleanSupplier cancelled) throws SyncException {
        progress.accept(Step.CONTACTING);
        LocalSettings settings = db.localSettings();
        SyncState state = SyncState.read(settings);
        JsonNode status = getJson("v1/status?device=" + db.deviceId(), cancelled);
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
            file = Files.createTempFile("cercle-push-", ".bundle.gz");
            try (OutputStream out = Files.newOutputStream(file)) {
                new BundleExport(db, organisation).ownChanges(after, out, true);
            }
            HttpRequest request = HttpRequest.newBuilder(server.resolve("v1/push?device=" + db.deviceId()))
                    .timeout(timeout.multipliedBy(10))
                    .header("Content-Type", "application/gzip")
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), cancelled);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "Could not prepare or read the exchange: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private ImportReport pull(long cursor, BooleanSupplier cancelled) throws SyncException {
        Path file = null;
        try {
            file = Files.createTempFile("cercle-pull-", ".bundle.gz");
            HttpRequest request = HttpRequest.newBuilder(server.resolve("v1/pull?device=" + db.deviceId() + "&after=" + cursor))
                    .timeout(timeout.multipliedBy(10))
                    .GET()
                    .build();
            send(request, HttpResponse.BodyHandlers.ofFile(file), cancelled);
            return new BundleImport(db, limits).importFile(file);
        } catch (BundleException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "The server's answer was refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "Could not store the server's answer: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private JsonNode getJson(String path, BooleanSupplier cancelled) throws SyncException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout).GET().build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), cancelled);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "The server's answer is not readable", e);
        }
    }

    /** Sends the request and waits for the answer, looking meanwhile whether the sync was stopped. */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, BooleanSupplier cancelled)
            throws SyncException {
        CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, handler);
        HttpResponse<T> response;
        try {
            response = await(answer, cancelled);
        } catch (ExecutionException e) {
            throw failed(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Kind.CANCELLED, "The sync was interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new SyncException(SyncException.Kind.SERVER_ERROR, "The server failed (HTTP " + status + ")", null);
        }
        if (status >= 400) {
            throw new SyncException(SyncException.Kind.REFUSED, "The server refused: " + problem(response), null);
        }
        return response;
    }

    private static <T> T await(CompletableFuture<T> answer, BooleanSupplier cancelled)
            throws ExecutionException, InterruptedException, SyncException {
        while (true) {
            try {
                return answer.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    answer.cancel(true);
                    throw new SyncException(SyncException.Kind.CANCELLED,
                            "The sync was stopped while waiting for the server; what was received so far is kept", null);
                }
            }
        }
    }

    private SyncException failed(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new SyncException(SyncException.Kind.UNREACHABLE, "The server " + server + " does not answer", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new SyncException(SyncException.Kind.UNREACHABLE, "The server " + server + " took too long to answer", cause);
        }
        if (cause instanceof IOException) {
            return new SyncException(SyncException.Kind.UNREACHABLE, "The connection to " + server + " failed: "
                    + cause.getMessage(), cause);
        }
        return new SyncException(SyncException.Kind.BAD_ANSWER, "The exchange with " + server + " failed: " + cause, cause);
    }

    private static String problem(HttpResponse<?> response) {
        if (response.body() instanceof String body) {
            try {
                return JSON.readTree(body).path("message").asText(body);
            } catch (IOException e) {
                return body;
            }
        }
        return "HTTP " + response.statusCode();
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
