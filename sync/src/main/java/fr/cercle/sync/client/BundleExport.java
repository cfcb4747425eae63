package fr.cercle.sync.client;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleKind;
import fr.cercle.sync.format.BundleWriter;
import fr.cercle.sync.format.ChangeCodec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes this installation's own changes after a sequence number as a push bundle. */
public final class BundleExport {

    private final CercleDatabase db;
    private final String organisation;

    public BundleExport(CercleDatabase db, String organisation) {
        this.db = db;
        this.organisation = organisation;
    }

    /** The changes made here after {@code afterSeq} (0 for all of them), streamed from the journal. */
    public BundleHeader ownChanges(long afterSeq, OutputStream out, boolean gzip) throws IOException {
        long[] last = {afterSeq};
        try (BundleWriter writer = new BundleWriter()) {
            db.journal().streamChangesOf(db.deviceId(), afterSeq, entry -> {
                writer.add(json -> ChangeCodec.write(json, entry));
                last[0] = entry.change().seq();
            });
            return writer.finish(new BundleWriter.Draft(db.deviceId(), organisation, BundleKind.PUSH, afterSeq, last[0],
                    null, Map.of()), db.clock(), out, gzip);
        }
    }
}
