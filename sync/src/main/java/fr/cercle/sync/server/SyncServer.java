package fr.cercle.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.RequestSignature;
import fr.cercle.sync.tls.ServerCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The central server's HTTP API (docs/exchange-format.md, sections 8 and 12): {@code GET /v1/status},
 * {@code POST /v1/enrol} with a one-time code's proof, {@code POST /v1/push} with a sealed bundle as
 * body, {@code GET /v1/pull?after=<cursor>} answering a bundle sealed for the device. Every request but
 * status and enrolment is signed by an enrolled device. Served over HTTPS with the server's own
 * certificate, which enrolled installations pin, or over plain HTTP behind a proxy that terminates TLS.
 * Built on the JDK's own HTTP server (docs/decisions/0007).
 */
public final class SyncServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DEFAULT_PULL_LIMIT = 5_000;
    static final int MAX_PULL_LIMIT = 50_000;
    private static final int MAX_ENROLMENT_BYTES = 64 * 1024;

    private final HttpServer http;
    private final ExecutorService executor;
    private final ServerGateway gateway;
    private final DeviceAuthenticator authenticator;
    private final BundleLimits limits;
    private final String tlsFingerprint;

    private SyncServer(HttpServer http, ExecutorService executor, ServerGateway gateway, BundleLimits limits,
                       String tlsFingerprint) {
        this.http = http;
        this.executor = executor;
        this.gateway = gateway;
        this.authenticator = new DeviceAuthenticator(gateway.registry());
        this.limits = limits;
        this.tlsFingerprint = tlsFingerprint;
    }

    /** Over HTTPS with {@code certificate}. */
    public static SyncServer start(ServerGateway gateway, InetSocketAddress address, BundleLimits limits,
                                   ServerCertificate certificate) throws IOException {
        HttpsServer https = HttpsServer.create(address, 64);
        https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        return start(https, gateway, limits, certificate.fingerprint());
    }

    /** Over plain HTTP: behind a reverse proxy that terminates TLS, or on loopback in tests. */
    public static SyncServer startPlain(ServerGateway gateway, InetSocketAddress address, BundleLimits limits)
            throws IOException {
        return start(HttpServer.create(address, 64), gateway, limits, "");
    }

    private static SyncServer start(HttpServer http, ServerGateway gateway, BundleLimits limits, String fingerprint) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "cercle-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        SyncServer server = new SyncServer(http, executor, gateway, limits, fingerprint);
        http.createContext("/v1/", server::handle);
        http.setExecutor(executor);
        http.start();
        LOG.info("Cercle server listening on {} ({})", http.getAddress(), fingerprint.isEmpty() ? "plain HTTP" : "HTTPS");
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // The exchange closes after the answer, refusals included (a catch of the try-with-resources
        // itself would run once it is closed).
        try (exchange) {
            try {
                route(exchange);
            } catch (Refused e) {
                LOG.warn("Refused a request to {}: {}", exchange.getRequestURI().getPath(), e.problem());
                error(exchange, e.status(), e.problem(), e.getMessage(), 0);
            } catch (RuntimeException e) {
                LOG.error("A request failed", e);
                error(exchange, 500, "SERVER_ERROR", "The server met an internal error; see its log.", 0);
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException, Refused {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (path) {
            case "/v1/status" -> {
                if (expect(exchange, method, "GET")) {
                    status(exchange);
                }
            }
            case "/v1/enrol" -> {
                if (expect(exchange, method, "POST")) {
                    enrol(exchange);
                }
            }
            case "/v1/push" -> {
                if (expect(exchange, method, "POST")) {
                    push(exchange, authenticator.authenticate(exchange));
                }
            }
            case "/v1/pull" -> {
                if (expect(exchange, method, "GET")) {
                    pull(exchange, authenticator.authenticate(exchange), query);
                }
            }
            default -> error(exchange, 404, "NOT_FOUND", "No such address: " + path, 0);
        }
    }

    /**
     * What anyone may ask (the format, the server's name and id); with a signed request, also where
     * the server stands for that device.
     */
    private void status(HttpExchange exchange) throws IOException, Refused {
        boolean signed = exchange.getRequestHeaders().containsKey(RequestSignature.DEVICE_HEADER);
        DeviceId device = signed ? authenticator.authenticate(exchange) : null;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", BundleHeader.FORMAT);
        json.put("formatVersion", BundleHeader.FORMAT_VERSION);
        json.put("schemaVersion", BundleHeader.SCHEMA_VERSION);
        json.put("server", gateway.registry().party().toString());
        json.put("name", gateway.registry().name());
        if (device != null) {
            ServerStatus status = gateway.store().status(device);
            json.put("epoch", status.epoch().toString());
            json.put("cursor", status.cursor());
            json.put("devices", status.devices());
            json.put("acknowledged", status.acknowledged());
        }
        send(exchange, 200, json);
    }

    private void enrol(HttpExchange exchange) throws IOException, Refused {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_ENROLMENT_BYTES + 1);
        }
        byte[] payload;
        byte[] proof;
        try {
            JsonNode request = JSON.readTree(body);
            payload = Base64.getDecoder().decode(request.path("payload").asText());
            proof = Base64.getDecoder().decode(request.path("proof").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(400, "BAD_REQUEST", "The enrolment request is not readable.");
        }
        if (body.length > MAX_ENROLMENT_BYTES) {
            throw new Refused(413, "TOO_LARGE", "The enrolment request is too large.");
        }
        sendText(exchange, 200, gateway.registry().enrol(payload, proof, tlsFingerprint).toJson());
    }

    private void push(HttpExchange exchange, DeviceId device) throws IOException {
        Path spool = Files.createTempFile("cercle-push-", ".sealed");
        try {
            try (InputStream body = exchange.getRequestBody(); OutputStream out = Files.newOutputStream(spool)) {
                long copied = 0;
                byte[] buffer = new byte[1 << 16];
                for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                    copied += n;
                    if (copied > limits.maxBytes()) {
                        error(exchange, 413, BundleException.Problem.TOO_LARGE.name(),
                                "The bundle is larger than " + limits.maxBytes() + " bytes.", 0);
                        return;
                    }
                    out.write(buffer, 0, n);
                }
            }
            PushResult result = gateway.receive(spool, device);
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("appended", result.appended());
            json.put("duplicates", result.duplicates());
            json.put("held", result.held());
            json.put("acknowledged", result.acknowledged());
            json.put("epoch", result.epoch().toString());
            send(exchange, 200, json);
        } catch (BundleException e) {
            LOG.warn("Refused a bundle from {}: {}", device, e.getMessage());
            error(exchange, status(e.problem()), e.problem().name(), e.getMessage(), e.line());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    static int status(BundleException.Problem problem) {
        return switch (problem) {
            case TOO_LARGE -> 413;
            case FOREIGN, REVOKED, UNKNOWN_SENDER, NOT_FOR_US -> 403;
            case REPLAYED -> 409;
            default -> 400;
        };
    }

    private void pull(HttpExchange exchange, DeviceId device, Map<String, String> query) throws IOException {
        long after;
        int limit;
        try {
            after = Long.parseLong(query.getOrDefault("after", "0"));
            limit = Math.min(MAX_PULL_LIMIT, Integer.parseInt(query.getOrDefault("limit", String.valueOf(DEFAULT_PULL_LIMIT))));
            if (after < 0 || limit < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            error(exchange, 400, "BAD_REQUEST", "after and limit must be positive whole numbers.", 0);
            return;
        }
        Path spool = Files.createTempFile("cercle-pull-", ".sealed");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                gateway.send(device, after, limit, out);
            } catch (BundleException e) {
                error(exchange, status(e.problem()), e.problem().name(), e.getMessage(), 0);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, Files.size(spool));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(spool, body);
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }
    private static boolean expect(HttpExchange exchange, String method, String expected) throws IOException {
        if (method.equals(expected)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        error(exchange, 405, "METHOD_NOT_ALLOWED", "Use " + expected + " here.", 0);
        return false;
    }

    private static void error(HttpExchange exchange, int status, String problem, String message, long line) throws IOException {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("problem", problem);
        json.put("message", message);
        if (line > 0) {
            json.put("line", line);
        }
        send(exchange, status, json);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode json) throws IOException {
        sendText(exchange, status, json.toString());
    }

    private static void sendText(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    @Override
    public void close() {
        http.stop(1);
        executor.shutdownNow();
        LOG.info("Cercle server stopped");
    }
}
