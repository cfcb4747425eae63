package fr.cercle.sync.client;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.write.ChangeJournal;
import fr.cercle.persistence.write.JournalEntry;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleKind;
import fr.cercle.sync.format.BundleWriter;
import fr.cercle.sync.format.ChangeCodec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Writes this installation's own changes after a sequence number as a push bundle. */
public final class BundleExport {

    private static final int PAGE = 5_000;

    private final CercleDatabase db;
    private final String organisation;

    public BundleExport(CercleDatabase db, String organisation) {
        this.db = db;
        this.organisation = organisation;
    }

    /** The changes made here after {@code afterSeq} (0 for all of them). */
    public BundleHeader ownChanges(long afterSeq, OutputStream out, boolean gzip) throws IOException {
        ChangeJournal journal = db.journal();
        long last = afterSeq;
        try (BundleWriter writer = new BundleWriter()) {
            for (List<JournalEntry> page = journal.changesOf(db.deviceId(), last, PAGE); !page.isEmpty();
                 page = journal.changesOf(db.deviceId(), last, PAGE)) {
                for (JournalEntry entry : page) {
                    writer.add(ChangeCodec.toJson(entry));
                    last = entry.change().seq();
                }
            }
            return writer.finish(new BundleWriter.Draft(db.deviceId(), organisation, BundleKind.PUSH, afterSeq, last,
                    null, Map.of()), db.clock(), out, gzip);
        }
    }
}
