package fr.cercle.sync.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleLimits;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The central server's HTTP API (docs/exchange-format.md): {@code GET /v1/status}, {@code POST
 * /v1/push} with a bundle as body, {@code GET /v1/pull?after=<cursor>} answering a bundle. Built on the
 * JDK's own HTTP server (docs/decisions/0007).
 */
public final class SyncServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    static final int DEFAULT_PULL_LIMIT = 5_000;
    static final int MAX_PULL_LIMIT = 50_000;

    private final HttpServer http;
    private final ExecutorService executor;
    private final ServerStore store;
    private final DeviceAuthenticator authenticator;
    private final BundleLimits limits;

    private SyncServer(HttpServer http, ExecutorService executor, ServerStore store, DeviceAuthenticator authenticator,
                       BundleLimits limits) {
        this.http = http;
        this.executor = executor;
        this.store = store;
        this.authenticator = authenticator;
        this.limits = limits;
    }

    public static SyncServer start(ServerStore store, InetSocketAddress address, DeviceAuthenticator authenticator,
                                   BundleLimits limits) throws IOException {
        HttpServer http = HttpServer.create(address, 64);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "cercle-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        SyncServer server = new SyncServer(http, executor, store, authenticator, limits);
        http.createContext("/v1/", server::handle);
        http.setExecutor(executor);
        http.start();
        LOG.info("Cercle server listening on {}", http.getAddress());
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            switch (path) {
                case "/v1/status" -> {
                    if (expect(exchange, method, "GET")) {
                        status(exchange, query);
                    }
                }
                case "/v1/push" -> {
                    if (expect(exchange, method, "POST")) {
                        push(exchange, query);
                    }
                }
                case "/v1/pull" -> {
                    if (expect(exchange, method, "GET")) {
                        pull(exchange, query);
                    }
                }
                default -> error(exchange, 404, "NOT_FOUND", "No such address: " + path, 0);
            }
        } catch (RuntimeException e) {
            LOG.error("A request failed", e);
            error(exchange, 500, "SERVER_ERROR", "The server met an internal error; see its log.", 0);
        }
    }

    private void status(HttpExchange exchange, Map<String, String> query) throws IOException {
        Optional<DeviceId> device = query.containsKey("device") ? authenticator.authenticate(exchange, query) : Optional.empty();
        if (query.containsKey("device") && device.isEmpty()) {
            error(exchange, 403, "UNKNOWN_DEVICE", "This device is not known to the server.", 0);
            return;
        }
        ServerStatus status = store.status(device.orElse(null));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", BundleHeader.FORMAT);
        json.put("formatVersion", BundleHeader.FORMAT_VERSION);
        json.put("schemaVersion", BundleHeader.SCHEMA_VERSION);
        json.put("epoch", status.epoch().toString());
        json.put("cursor", status.cursor());
        json.put("devices", status.devices());
        if (device.isPresent()) {
            json.put("acknowledged", status.acknowledged());
        }
        send(exchange, 200, json);
    }

    private void push(HttpExchange exchange, Map<String, String> query) throws IOException {
        Optional<DeviceId> device = authenticator.authenticate(exchange, query);
        if (device.isEmpty()) {
            error(exchange, 403, "UNKNOWN_DEVICE", "This device is not known to the server.", 0);
            return;
        }
        Path spool = Files.createTempFile("cercle-push-", ".bundle");
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
            PushResult result = store.push(spool, device.get());
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("appended", result.appended());
            json.put("duplicates", result.duplicates());
            json.put("held", result.held());
            json.put("acknowledged", result.acknowledged());
            json.put("epoch", result.epoch().toString());
            send(exchange, 200, json);
        } catch (BundleException e) {
            LOG.warn("Refused a bundle from {}: {}", device.get(), e.getMessage());
            int status = switch (e.problem()) {
                case TOO_LARGE -> 413;
                case FOREIGN -> 403;
                default -> 400;
            };
            error(exchange, status, e.problem().name(), e.getMessage(), e.line());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void pull(HttpExchange exchange, Map<String, String> query) throws IOException {
        Optional<DeviceId> device = authenticator.authenticate(exchange, query);
        if (device.isEmpty()) {
            error(exchange, 403, "UNKNOWN_DEVICE", "This device is not known to the server.", 0);
            return;
        }
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
        Path spool = Files.createTempFile("cercle-pull-", ".bundle");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                store.pull(device.get(), after, limit, out, true);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/gzip");
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
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
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
