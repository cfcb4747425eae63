package fr.cercle.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends requests to the server and waits for the answers, looking meanwhile whether the work was
 * stopped, and turns every failure into a {@link SyncException} that says what happened.
 */
final class ServerExchange {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a request under way looks whether it was stopped. */
    private static final long CANCEL_POLL_MILLIS = 100;

    private final HttpClient http;
    private final URI server;

    ServerExchange(HttpClient http, URI server) {
        this.http = http;
        this.server = server;
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, BooleanSupplier cancelled)
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
            String problem = field(response, "problem");
            SyncException.Kind kind = switch (problem) {
                case "REVOKED" -> SyncException.Kind.REVOKED;
                case "UNKNOWN_DEVICE" -> SyncException.Kind.NOT_ENROLLED;
                case "ENROLMENT_REFUSED" -> SyncException.Kind.ENROLMENT_REFUSED;
                default -> SyncException.Kind.REFUSED;
            };
            throw new SyncException(kind, "The server refused: " + field(response, "message"), null);
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
        if (cause instanceof SSLHandshakeException) {
            return new SyncException(SyncException.Kind.BAD_ANSWER, "The server at " + server
                    + " did not present the certificate pinned at enrolment: " + cause.getMessage(), cause);
        }
        if (cause instanceof IOException) {
            return new SyncException(SyncException.Kind.UNREACHABLE, "The connection to " + server + " failed: "
                    + cause.getMessage(), cause);
        }
        return new SyncException(SyncException.Kind.BAD_ANSWER, "The exchange with " + server + " failed: " + cause, cause);
    }

    /** A field of the JSON answer of a refusal, or the body itself if it is not JSON. */
    private static String field(HttpResponse<?> response, String name) {
        if (response.body() instanceof String body) {
            try {
                return JSON.readTree(body).path(name).asText(body);
            } catch (IOException e) {
                return body;
            }
        }
        return "HTTP " + response.statusCode();
    }

    static JsonNode json(HttpResponse<String> response) throws SyncException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.BAD_ANSWER, "The server's answer is not readable", e);
        }
    }
}
