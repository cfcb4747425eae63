package fr.cercle.sync.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.cercle.model.common.Uuids;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.persistence.write.IncomingChange;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a bundle as a stream, line by line, whatever its size: plain or gzip-compressed (recognised
 * by its first bytes). Checks the header, every change, the number of changes and the SHA-256 of the
 * content, within {@link BundleLimits}. A caller that must write nothing unless the whole bundle is
 * good reads it twice: first {@link #verify} (framing, count, checksum: no change is parsed from a
 * damaged or altered file), then {@link #read} inside one transaction that rolls back if any change
 * is refused (see {@code BundleImport}).
 */
public final class BundleReader {

    /** Receives each checked change with its line of JSON as read. */
    @FunctionalInterface
    public interface ChangeSink {
        void accept(IncomingChange change, String json, long line) throws BundleException;
    }

    private BundleReader() {
    }

    /** Only checks the bundle, every change included: its header, if everything in it is right. */
    public static BundleHeader check(InputStream in, BundleLimits limits) throws BundleException, IOException {
        return read(in, limits, (change, json, line) -> { });
    }

    /**
     * Checks the bundle's integrity without parsing its changes: the header, the limits, that every
     * change is one whole line, their number, and the SHA-256 of the content. Cheap (it hashes); a
     * truncated, damaged or altered file fails here, before anything reads what it says.
     */
    public static BundleHeader verify(InputStream in, BundleLimits limits) throws BundleException, IOException {
        return read(in, limits, null, false);
    }

    /** Reads the bundle, giving each checked change to {@code sink}. */
    public static BundleHeader read(InputStream raw, BundleLimits limits, ChangeSink sink)
            throws BundleException, IOException {
        return read(raw, limits, sink, true);
    }

    /**
     * Reads the bundle for a {@code Receiver}: as {@link #read}, except that the changes' field values
     * are not checked against their fields, since the receiver checks each one as it converts it for
     * its table and names the change it refuses ({@code RefusedChange}); that spares a second
     * conversion of every value.
     */
    public static BundleHeader readForReceiver(InputStream raw, BundleLimits limits, ChangeSink sink)
            throws BundleException, IOException {
        return read(raw, limits, sink, false);
    }

    /** Reads the bundle; parses no change if {@code sink} is null. */
    private static BundleHeader read(InputStream raw, BundleLimits limits, ChangeSink sink, boolean checkValues)
            throws BundleException, IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        if (b1 == -1) {
            throw new BundleException(BundleException.Problem.TRUNCATED, 0, "the file is empty");
        }
        InputStream in;
        try {
            in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        } catch (ZipException | EOFException e) {
            throw new BundleException(BundleException.Problem.MALFORMED, 0, "the compressed file is damaged", e);
        }
        InputStream limited = new Limited(in, limits.maxBytes());
        try {
            return readContent(limited, limits, sink, checkValues);
        } catch (TooLarge e) {
            throw new BundleException(BundleException.Problem.TOO_LARGE, 0,
                    "the bundle is larger than " + limits.maxBytes() + " bytes once uncompressed");
        } catch (ZipException e) {
            throw new BundleException(BundleException.Problem.MALFORMED, 0, "the compressed file is damaged", e);
        } catch (EOFException e) {
            throw new BundleException(BundleException.Problem.TRUNCATED, 0, "the compressed file ends too early", e);
        }
    }

    private static BundleHeader readContent(InputStream in, BundleLimits limits, ChangeSink sink, boolean checkValues)
            throws BundleException, IOException {
        Lines lines = new Lines(in, limits.maxLineBytes());
        Line first = lines.next(1);
        if (first == null) {
            throw new BundleException(BundleException.Problem.TRUNCATED, 0, "the file is empty");
        }
        BundleHeader header = header(first.bytes, limits);
        if (!first.terminated) {
            throw new BundleException(BundleException.Problem.TRUNCATED, 1, "the header line does not end with a newline");
        }
        MessageDigest digest = sha256();
        long count = 0;
        for (Line line = lines.next(2); line != null; line = lines.next(count + 2)) {
            long number = count + 2;
            digest.update(line.bytes);
            if (line.terminated) {
                digest.update((byte) '\n');
            }
            if (++count > header.changeCount()) {
                throw new BundleException(BundleException.Problem.MALFORMED, number,
                        "more changes than the " + header.changeCount() + " the header declares");
            }
            if (!line.terminated) {
                // Every line a writer makes ends with a newline: the file was cut.
                throw new BundleException(BundleException.Problem.TRUNCATED, number,
                        "the bundle ends in the middle of a change");
            }
            if (sink != null) {
                IncomingChange change = ChangeCodec.read(line.bytes, number, checkValues);
                sink.accept(change, new String(line.bytes, StandardCharsets.UTF_8), number);
            }
        }
        if (count < header.changeCount()) {
            throw new BundleException(BundleException.Problem.TRUNCATED, 0,
                    "the bundle ends after " + count + " of the " + header.changeCount() + " changes its header declares");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(header.contentSha256())) {
            throw new BundleException(BundleException.Problem.CHECKSUM, 0,
                    "the content does not match its checksum: the file was damaged or altered");
        }
        return header;
    }

    /**
     * Reads and checks the header line. The format and its versions come first, so that a bundle of
     * another version is told as such even if its other members differ; then every member, by name.
     * Members this version does not know are ignored.
     */
    static BundleHeader header(byte[] line, BundleLimits limits) throws BundleException {
        JsonNode json;
        try {
            json = ChangeCodec.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BundleException(BundleException.Problem.MALFORMED, 1,
                    "this is not a Cercle bundle (its first line is not one valid JSON object: " + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new BundleException(BundleException.Problem.MALFORMED, 1, "this is not a Cercle bundle", e);
        }
        if (json == null || !json.isObject() || !BundleHeader.FORMAT.equals(json.path("format").asText())) {
            throw new BundleException(BundleException.Problem.MALFORMED, 1,
                    "this is not a Cercle bundle (format is not \"" + BundleHeader.FORMAT + "\")");
        }
        try {
            long formatVersion = whole(json, "formatVersion", 0);
            if (formatVersion < BundleHeader.FORMAT_VERSION || formatVersion > BundleHeader.LATEST_FORMAT_VERSION) {
                throw new BundleException(BundleException.Problem.UNKNOWN_FORMAT_VERSION, 1, "format version "
                        + formatVersion + " is not one this program reads (it reads versions " + BundleHeader.FORMAT_VERSION
                        + " to " + BundleHeader.LATEST_FORMAT_VERSION + ")");
            }
            long schemaVersion = whole(json, "schemaVersion", 1);
            if (schemaVersion > BundleHeader.SCHEMA_VERSION) {
                throw new BundleException(BundleException.Problem.NEWER_SCHEMA, 1,
                        "written by a newer Cercle (data schema " + schemaVersion + "; this program knows up to "
                                + BundleHeader.SCHEMA_VERSION + "): update Cercle first");
            }
            long changeCount = whole(json, "changeCount", 0);
            if (changeCount > limits.maxChanges()) {
                throw new BundleException(BundleException.Problem.TOO_LARGE, 1, "the header declares " + changeCount
                        + " changes, more than the limit of " + limits.maxChanges());
            }
            String sha = text(json, "contentSha256");
            if (!sha.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("contentSha256 must be 64 hexadecimal digits");
            }
            UUID bundleId = id(json, "bundleId");
            BundleKind kind = switch (text(json, "kind")) {
                case "push" -> BundleKind.PUSH;
                case "pull" -> BundleKind.PULL;
                default -> throw new IllegalArgumentException("kind must be push or pull");
            };
            JsonNode origin = object(json, "origin");
            DeviceId device = optional(origin, "device") ? new DeviceId(id(origin, "device", "origin.device")) : null;
            if (kind == BundleKind.PUSH && device == null) {
                throw new IllegalArgumentException("a push names its origin device (origin.device is missing)");
            }
            String organisation = optional(origin, "organisation") ? text(origin, "organisation", "origin.organisation") : null;
            JsonNode range = object(json, "range");
            long from = whole(range, "from", "range.from", 0);
            long to = whole(range, "to", "range.to", 0);
            if (to < from) {
                throw new IllegalArgumentException("range.to (" + to + ") is before range.from (" + from + ")");
            }
            UUID epoch = optional(json, "serverEpoch") ? id(json, "serverEpoch") : null;
            if (kind == BundleKind.PULL && epoch == null) {
                throw new IllegalArgumentException("a pull names the server's epoch (serverEpoch is missing)");
            }
            Map<DeviceId, Long> acknowledged = new LinkedHashMap<>();
            if (optional(json, "acknowledged")) {
                JsonNode node = object(json, "acknowledged");
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    DeviceId acknowledgedDevice;
                    try {
                        acknowledgedDevice = DeviceId.parse(e.getKey());
                    } catch (IllegalArgumentException notAnId) {
                        throw new IllegalArgumentException("acknowledged must name devices by id, not " + e.getKey(), notAnId);
                    }
                    acknowledged.put(acknowledgedDevice, whole(node, e.getKey(), "acknowledged." + e.getKey(), 0));
                }
            }
            Map<DeviceId, Long> horizon = new LinkedHashMap<>();
            java.util.List<BundleHeader.Leaving> leaving = new java.util.ArrayList<>();
            if (formatVersion >= 2 && optional(json, "horizon")) {
                JsonNode node = object(json, "horizon");
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    DeviceId horizonDevice;
                    try {
                        horizonDevice = DeviceId.parse(e.getKey());
                    } catch (IllegalArgumentException notAnId) {
                        throw new IllegalArgumentException("horizon must name devices by id, not " + e.getKey(), notAnId);
                    }
                    horizon.put(horizonDevice, whole(node, e.getKey(), "horizon." + e.getKey(), 0));
                }
            }
            if (formatVersion >= 2 && optional(json, "leaving")) {
                JsonNode node = json.get("leaving");
                if (!node.isArray() || node.size() > limits.maxChanges()) {
                    throw new IllegalArgumentException("leaving must be an array of records");
                }
                for (JsonNode record : node) {
                    if (!record.isObject()) {
                        throw new IllegalArgumentException("leaving must be an array of records");
                    }
                    leaving.add(new BundleHeader.Leaving(text(record, "entity", "leaving[].entity"),
                            id(record, "id", "leaving[].id")));
                }
            }
            if (kind == BundleKind.PUSH && (!horizon.isEmpty() || !leaving.isEmpty())) {
                throw new IllegalArgumentException("a push has no horizon nor records leaving");
            }
            Instant createdAt;
            try {
                createdAt = ChangeCodec.parseInstant(text(json, "createdAt"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("createdAt must be an instant in UTC such as 2026-11-27T08:00:00.123Z", e);
            }
            return new BundleHeader((int) formatVersion, (int) schemaVersion, bundleId, device, organisation, kind,
                    from, to, epoch, acknowledged, createdAt, changeCount, sha, horizon, leaving);
        } catch (IllegalArgumentException e) {
            throw new BundleException(BundleException.Problem.MALFORMED, 1, "the header is not valid: " + e.getMessage(), e);
        }
    }

    private static boolean optional(JsonNode json, String name) {
        JsonNode node = json.get(name);
        return node != null && !node.isNull();
    }

    private static JsonNode member(JsonNode json, String name, String path) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(path + " is missing");
        }
        return node;
    }

    private static long whole(JsonNode json, String name, long min) {
        return whole(json, name, name, min);
    }

    private static long whole(JsonNode json, String name, String path, long min) {
        JsonNode node = member(json, name, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
            throw new IllegalArgumentException(path + " must be a whole number from " + min + ", not " + node);
        }
        return node.longValue();
    }

    private static String text(JsonNode json, String name) {
        return text(json, name, name);
    }

    private static String text(JsonNode json, String name, String path) {
        JsonNode node = member(json, name, path);
        if (!node.isTextual()) {
            throw new IllegalArgumentException(path + " must be a text, not " + node);
        }
        return node.asText();
    }

    private static UUID id(JsonNode json, String name) {
        return id(json, name, name);
    }

    private static UUID id(JsonNode json, String name, String path) {
        String text = text(json, name, path);
        try {
            return Uuids.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " must be an id (8-4-4-4-12 hexadecimal digits), not " + text, e);
        }
    }

    private static JsonNode object(JsonNode json, String name) {
        JsonNode node = member(json, name, name);
        if (!node.isObject()) {
            throw new IllegalArgumentException(name + " must be an object, not " + node);
        }
        return node;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One line's bytes, without its newline, and whether it had one. */
    private record Line(byte[] bytes, boolean terminated) {
    }

    /** Splits a stream into lines, scanning a buffer rather than reading byte by byte. */
    private static final class Lines {
        private final InputStream in;
        private final int max;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[1 << 12];

        Lines(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        Line next(long number) throws IOException, BundleException {
            int length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return length == 0 ? null : new Line(java.util.Arrays.copyOf(line, length), false);
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int chunk = position - start;
                if (length + chunk > max) {
                    throw new BundleException(BundleException.Problem.TOO_LARGE, number,
                            "the line is longer than " + max + " bytes");
                }
                if (length + chunk > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.max(length + chunk, line.length * 2));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
                if (position < limit) {
                    position++; // the newline
                    return new Line(java.util.Arrays.copyOf(line, length), true);
                }
            }
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("limit reached");
        }
    }

    /** Counts what is read and stops past the limit: the defence against gzip bombs. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1 && ++read > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > max) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
