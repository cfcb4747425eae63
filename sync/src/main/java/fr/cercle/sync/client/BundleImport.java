package fr.cercle.sync.client;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.write.IncomingChange;
import fr.cercle.persistence.write.Receipt;
import fr.cercle.persistence.write.Receiver;
import fr.cercle.persistence.write.RefusedChange;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleKind;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.format.BundleReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a bundle file into an installation's database: all or nothing, and idempotent. The file is
 * read twice: first its integrity is verified (header, limits, framing, count, checksum) without
 * parsing a change, so that a damaged or altered file is refused before anything reads it; then each
 * change is parsed, checked and merged in one transaction, which rolls back if any change is refused.
 * A bundle from the server also moves this installation's sync state forward, in the same transaction.
 */
public final class BundleImport {

    private static final Logger LOG = LoggerFactory.getLogger(BundleImport.class);
    /** Changes merged together, so that creations of new records are written in batches. */
    private static final int CHUNK = 1_000;

    private final CercleDatabase db;
    private final BundleLimits limits;

    public BundleImport(CercleDatabase db, BundleLimits limits) {
        this.db = db;
        this.limits = limits;
    }

    public ImportReport importFile(Path file) throws BundleException, IOException {
        return importFrom(() -> Files.newInputStream(file));
    }

    /**
     * Imports the plain bundle {@code file} opened from the sealed bundle {@code sealedId} of
     * {@code sender}: the sealed id is recorded in the same transaction, and refused if it was before.
     */
    public ImportReport importOpened(Path file, UUID sealedId, String sender) throws BundleException, IOException {
        return importFrom(() -> Files.newInputStream(file), sealedId, sender);
    }

    /** Something that opens the same bundle again (it is read twice). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public ImportReport importFrom(Source source) throws BundleException, IOException {
        return importFrom(source, null, null);
    }

    private ImportReport importFrom(Source source, UUID sealedId, String sender) throws BundleException, IOException {
        BundleHeader checked;
        try (InputStream in = source.open()) {
            checked = BundleReader.verify(in, limits);
        }
        try {
            ImportReport report = db.writer().receive(receiver -> {
                if (checked.kind() == BundleKind.PULL && checked.formatVersion() >= 2) {
                    ImportReport already = inOrder(receiver.localSettings(), checked);
                    if (already != null) {
                        return already;
                    }
                }
                if (sealedId != null && !receiver.firstReceipt(sealedId, sender)) {
                    throw new Rethrown(new BundleException(BundleException.Problem.REPLAYED, 0,
                            "this bundle (" + sealedId + ") was already imported once"));
                }
                Map<Receipt, Long> counts = new EnumMap<>(Receipt.class);
                List<IncomingChange> chunk = new ArrayList<>(CHUNK);
                long[] lines = new long[CHUNK];
                BundleHeader header;
                try (InputStream in = source.open()) {
                    header = BundleReader.readForReceiver(in, limits, (change, json, line) -> {
                        lines[chunk.size()] = line;
                        chunk.add(change);
                        if (chunk.size() == CHUNK) {
                            receive(receiver, chunk, lines).forEach(r -> counts.merge(r, 1L, Long::sum));
                            chunk.clear();
                        }
                    });
                    receive(receiver, chunk, lines).forEach(r -> counts.merge(r, 1L, Long::sum));
                } catch (BundleException e) {
                    throw new Rethrown(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!header.bundleId().equals(checked.bundleId())) {
                    throw new Rethrown(new BundleException(BundleException.Problem.MALFORMED, 0,
                            "the file changed while it was being imported"));
                }
                if (header.kind() == BundleKind.PULL) {
                    // What the server left out (outside this installation's scope), then what leaves it.
                    header.horizon().forEach((device, seq) -> {
                        if (!device.equals(db.deviceId())) {
                            receiver.skipTo(device, seq);
                        }
                    });
                    header.leaving().forEach(leaving -> receiver.forget(leaving.entity(), leaving.id(), db.deviceId()));
                    // After every pull: a record may come back in a page that needs nothing of version 2
                    // (its history made only of this installation's own changes).
                    receiver.restoreForgotten(db.deviceId());
                    advance(receiver.localSettings(), header, db.deviceId());
                }
                return new ImportReport(header, counts.getOrDefault(Receipt.APPLIED, 0L),
                        counts.getOrDefault(Receipt.DUPLICATE, 0L), counts.getOrDefault(Receipt.HELD, 0L),
                        counts.getOrDefault(Receipt.AFTER_DELETION, 0L), Set.copyOf(receiver.aheadOfTime()));
            });
            LOG.info("Imported bundle {} ({}): {} applied, {} already here, {} held, {} after a deletion",
                    report.header().bundleId(), report.header().kind().wireName(), report.applied(),
                    report.duplicates(), report.held(), report.afterDeletion());
            if (!report.aheadOfTime().isEmpty()) {
                LOG.warn("{} received change(s) carry a clock more than a day ahead, e.g. {}",
                        report.aheadOfTime().size(), report.aheadOfTime().iterator().next());
            }
            return report;
        } catch (Rethrown e) {
            throw e.bundle;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException e) {
            throw new BundleException(BundleException.Problem.INVALID_CHANGE, 0, e.getMessage(), e);
        }
    }

    /** Receives a chunk of changes; a refused one is told by its line in the file. */
    private static List<Receipt> receive(Receiver receiver, List<IncomingChange> chunk, long[] lines)
            throws BundleException {
        try {
            return receiver.receiveAll(chunk);
        } catch (RefusedChange e) {
            long line = 0;
            for (int i = 0; i < chunk.size(); i++) {
                if (chunk.get(i) == e.change()) {
                    line = lines[i];
                }
            }
            throw new BundleException(BundleException.Problem.INVALID_CHANGE, line, e.getMessage(), e);
        }
    }

    /**
     * A pull by organisation is taken only in order, as it may make records leave or come back: one
     * that ends at or before the cursor was taken already (nothing to do: the report says so), and one
     * that starts after it is refused, an earlier one is missing. Null when it follows the cursor.
     */
    private static ImportReport inOrder(LocalSettings settings, BundleHeader header) {
        SyncState state = SyncState.read(settings);
        boolean sameServer = header.serverEpoch() != null && header.serverEpoch().equals(state.serverEpoch());
        long cursor = sameServer ? state.pullCursor() : 0;
        if (sameServer && header.rangeTo() <= cursor) {
            return new ImportReport(header, 0, header.changeCount(), 0, 0, Set.of());
        }
        if (header.rangeFrom() > cursor) {
            throw new Rethrown(new BundleException(BundleException.Problem.OUT_OF_ORDER, 0, "this bundle from the server "
                    + "starts at " + header.rangeFrom() + " and this installation has received up to " + cursor
                    + ": the one before it is missing (sync, or import the earlier file first)"));
        }
        return null;
    }

    /**
     * Moves the pull cursor to the end of this bundle from the server, unless the bundle starts after
     * the cursor (changes in between would be skipped). A new server epoch restarts from this bundle.
     */
    static void advance(LocalSettings settings, BundleHeader header, DeviceId me) {
        SyncState state = SyncState.read(settings);
        boolean sameServer = header.serverEpoch() != null && header.serverEpoch().equals(state.serverEpoch());
        long cursor = state.pullCursor();
        if (!sameServer) {
            cursor = header.rangeFrom() == 0 ? header.rangeTo() : 0;
        } else if (header.rangeFrom() <= cursor) {
            cursor = Math.max(cursor, header.rangeTo());
        }
        long acknowledged = header.acknowledged().getOrDefault(me, sameServer ? state.acknowledged() : 0L);
        new SyncState(header.serverEpoch() != null ? header.serverEpoch() : state.serverEpoch(), acknowledged, cursor)
                .write(settings);
    }

    /** Carries a bundle problem out of the transaction, which rolls back. */
    private static final class Rethrown extends RuntimeException {
        final BundleException bundle;

        Rethrown(BundleException bundle) {
            super(bundle.getMessage(), bundle, false, false);
            this.bundle = bundle;
        }
    }
}
