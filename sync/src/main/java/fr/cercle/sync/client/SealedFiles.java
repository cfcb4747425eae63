package fr.cercle.sync.client;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.write.Receiver;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleException.Problem;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.format.BundleLimits;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.SealedBundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sealed bundles an enrolled installation exchanges with its server, over HTTP or on a USB key:
 * its own changes sealed for the server, and the server's bundles opened and imported. A bundle from
 * the server is checked in this order, each step before anything of the next is read: it is sealed for
 * this installation, by the server it is enrolled with, it was not imported before, and its signature
 * is the server's; only then is it decrypted and imported, all or nothing.
 */
public final class SealedFiles {

    private final CercleDatabase db;
    private final Enrolment enrolment;
    private final BundleLimits limits;

    public SealedFiles(CercleDatabase db, Enrolment enrolment, BundleLimits limits) {
        this.db = db;
        this.enrolment = enrolment;
        this.limits = limits;
    }

    /** This installation's changes after {@code afterSeq}, sealed for the server. */
    public BundleHeader export(long afterSeq, OutputStream out) throws IOException {
        Path plain = Files.createTempFile("cercle-export-", ".bundle.gz");
        try {
            BundleHeader header;
            try (OutputStream plainOut = Files.newOutputStream(plain)) {
                header = new BundleExport(db, enrolment.organisation()).ownChanges(afterSeq, plainOut, true);
            }
            SealedBundle.seal(plain, out, Party.device(db.deviceId()), enrolment.deviceKeys(), enrolment.serverParty(),
                    enrolment.serverKeys(), db.clock());
            return header;
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    /** Opens a bundle the server sealed for this installation and imports it. */
    public ImportReport importFile(Path sealed) throws BundleException, IOException {
        SealedBundle.Envelope envelope = SealedBundle.envelope(sealed);
        Party me = Party.device(db.deviceId());
        if (!envelope.recipient().equals(me)) {
            throw new BundleException(Problem.NOT_FOR_US, 0, "the bundle was sealed for " + envelope.recipient()
                    + ", not for this installation (" + me + ")");
        }
        if (!envelope.sender().equals(enrolment.serverParty())) {
            throw new BundleException(Problem.UNKNOWN_SENDER, 0, envelope.sender().kind() == Party.Kind.SERVER
                    ? "the bundle comes from the server " + envelope.sender() + ", and this installation is enrolled with "
                      + enrolment.serverParty()
                    : "the bundle comes from another installation; bundles are exchanged through the server");
        }
        if (Receiver.received(db.dsl(), envelope.id())) {
            throw new BundleException(Problem.REPLAYED, 0, "this bundle (" + envelope.id() + ") was already imported once");
        }
        Path plain = Files.createTempFile("cercle-opened-", ".bundle");
        try {
            SealedBundle.open(sealed, envelope, enrolment.serverKeys(), enrolment.deviceKeys(), plain);
            return new BundleImport(db, limits).importOpened(plain, envelope.id(), envelope.sender().toString());
        } finally {
            Files.deleteIfExists(plain);
        }
    }
}
