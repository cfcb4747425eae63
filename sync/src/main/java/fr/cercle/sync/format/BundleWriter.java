package fr.cercle.sync.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.installation.DeviceId;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a bundle: changes are spooled to a temporary file while their SHA-256 is computed, then the
 * header (which carries the count and the checksum) and the changes go to the output. Memory stays
 * small whatever the number of changes.
 */
public final class BundleWriter implements Closeable {

    /** What the header says beyond the count and the checksum. */
    public record Draft(DeviceId origin, String organisation, BundleKind kind, long rangeFrom, long rangeTo,
                        UUID serverEpoch, Map<DeviceId, Long> acknowledged, Map<DeviceId, Long> horizon,
                        java.util.List<BundleHeader.Leaving> leaving) {

        public Draft(DeviceId origin, String organisation, BundleKind kind, long rangeFrom, long rangeTo,
                     UUID serverEpoch, Map<DeviceId, Long> acknowledged) {
            this(origin, organisation, kind, rangeFrom, rangeTo, serverEpoch, acknowledged, Map.of(), java.util.List.of());
        }

        /** Version 2 only when the bundle carries what version 1 cannot say. */
        int formatVersion() {
            return (horizon == null || horizon.isEmpty()) && (leaving == null || leaving.isEmpty())
                    ? BundleHeader.FORMAT_VERSION : BundleHeader.LATEST_FORMAT_VERSION;
        }
    }

    private final Path spool;
    private final MessageDigest digest;
    private final OutputStream out;
    private long count;
    private com.fasterxml.jackson.core.JsonGenerator generator;

    public BundleWriter() {
        try {
            spool = Files.createTempFile("cercle-bundle-", ".part");
            digest = MessageDigest.getInstance("SHA-256");
            out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16), digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file for a bundle", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Adds one change, in its wire form. */
    public void add(ObjectNode change) {
        add(change.toString());
    }

    /** Adds one change written straight to the bundle by {@code writing}, as one JSON object. */
    public void add(Writing writing) {
        try {
            if (generator == null) {
                generator = ChangeCodec.MAPPER.getFactory().createGenerator(new OutputStream() {
                    // The bundle's stream, which stays open when the generator closes.
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }
                });
                generator.setRootValueSeparator(null);
            }
            writing.write(generator);
            generator.flush();
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a bundle", e);
        }
    }

    /** Writes one change as one JSON object. */
    @FunctionalInterface
    public interface Writing {
        void write(com.fasterxml.jackson.core.JsonGenerator json) throws IOException;
    }

    /** Adds one change already serialised as one line of JSON (as the server stores them). */
    public void add(String changeJson) {
        try {
            out.write(changeJson.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a bundle", e);
        }
    }

    public long count() {
        return count;
    }

    /** Writes the bundle to {@code target}, gzip-compressed if asked; returns its header. */
    public BundleHeader finish(Draft draft, Clock clock, OutputStream target, boolean gzip) throws IOException {
        if (generator != null) {
            generator.close();
        }
        out.close();
        BundleHeader header = new BundleHeader(draft.formatVersion(), BundleHeader.SCHEMA_VERSION,
                UUID.randomUUID(), draft.origin(), draft.organisation(), draft.kind(), draft.rangeFrom(),
                draft.rangeTo(), draft.serverEpoch(), draft.acknowledged(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), count,
                HexFormat.of().formatHex(digest.digest()), draft.horizon(), draft.leaving());
        OutputStream sink = gzip ? new GZIPOutputStream(target, 1 << 16) : target;
        sink.write(headerJson(header).toString().getBytes(StandardCharsets.UTF_8));
        sink.write('\n');
        Files.copy(spool, sink);
        if (sink instanceof GZIPOutputStream zipped) {
            zipped.finish();
        }
        sink.flush();
        return header;
    }

    static ObjectNode headerJson(BundleHeader header) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", BundleHeader.FORMAT);
        json.put("formatVersion", header.formatVersion());
        json.put("schemaVersion", header.schemaVersion());
        json.put("bundleId", header.bundleId().toString());
        json.put("kind", header.kind().wireName());
        ObjectNode origin = json.putObject("origin");
        origin.put("device", header.origin() == null ? null : header.origin().toString());
        origin.put("organisation", header.organisation());
        ObjectNode range = json.putObject("range");
        range.put("from", header.rangeFrom());
        range.put("to", header.rangeTo());
        if (header.serverEpoch() != null) {
            json.put("serverEpoch", header.serverEpoch().toString());
        }
        if (!header.acknowledged().isEmpty()) {
            ObjectNode acknowledged = json.putObject("acknowledged");
            header.acknowledged().forEach((device, seq) -> acknowledged.put(device.toString(), seq));
        }
        if (!header.horizon().isEmpty()) {
            ObjectNode horizon = json.putObject("horizon");
            header.horizon().forEach((device, seq) -> horizon.put(device.toString(), seq));
        }
        if (!header.leaving().isEmpty()) {
            var leaving = json.putArray("leaving");
            header.leaving().forEach(l -> leaving.addObject().put("entity", l.entity()).put("id", l.id().toString()));
        }
        json.put("createdAt", ChangeCodec.INSTANT.format(header.createdAt()));
        json.put("changeCount", header.changeCount());
        json.put("contentSha256", header.contentSha256());
        return json;
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove a temporary bundle file", e);
        }
    }
}
