package fr.cercle.sync.server;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.sync.format.BundleException;
import fr.cercle.sync.format.BundleException.Problem;
import fr.cercle.sync.format.BundleHeader;
import fr.cercle.sync.seal.Party;
import fr.cercle.sync.seal.SealedBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Where sealed bundles enter and leave the server, over HTTP and by file alike. A bundle coming in is
 * checked in this order, each step before anything of the next is read: its envelope names this server
 * and an enrolled device that is not revoked, it was not received before, its signature is that
 * device's, and only then is it decrypted and handed to the {@link ServerStore}, which records its id in
 * the transaction that appends its changes. A bundle going out is sealed for the device that asked.
 */
public final class ServerGateway {

    private static final Logger LOG = LoggerFactory.getLogger(ServerGateway.class);

    private final ServerStore store;
    private final DeviceRegistry registry;
    private final Clock clock;

    public ServerGateway(ServerStore store, DeviceRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    public ServerStore store() {
        return store;
    }

    public DeviceRegistry registry() {
        return registry;
    }

    /** A sealed push brought by hand (a USB key, the drop folder). */
    public PushResult receive(Path sealed) throws BundleException, IOException {
        return receive(sealed, null);
    }

    /**
     * A sealed push; {@code sender}, when the request was authenticated, must be the device that
     * sealed it.
     */
    public PushResult receive(Path sealed, DeviceId sender) throws BundleException, IOException {
        SealedBundle.Envelope envelope = SealedBundle.envelope(sealed);
        if (!envelope.recipient().equals(registry.party())) {
            throw new BundleException(Problem.NOT_FOR_US, 0, "the bundle was sealed for " + envelope.recipient()
                    + ", not for this server (" + registry.party() + ")");
        }
        if (envelope.sender().kind() != Party.Kind.DEVICE) {
            throw new BundleException(Problem.UNKNOWN_SENDER, 0, "the server takes bundles sealed by installations");
        }
        DeviceId device = envelope.sender().deviceId();
        if (sender != null && !sender.equals(device)) {
            throw new BundleException(Problem.FOREIGN, 0, "the bundle was sealed by " + device + ", not by " + sender
                    + " that sends it");
        }
        EnrolledDevice enrolled = enrolled(device);
        if (store.received(envelope.id())) {
            throw new BundleException(Problem.REPLAYED, 0, "this bundle (" + envelope.id() + ") was already received once");
        }
        Path plain = Files.createTempFile("cercle-opened-", ".bundle");
        try {
            SealedBundle.open(sealed, envelope, enrolled.keys(), registry.keys(), plain);
            return store.push(plain, device, envelope.id(), enrolled.organisation());
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    /**
     * Writes, sealed for {@code device}, the changes after {@code afterCursor} it lacks, at most
     * {@code limit}.
     */
    public BundleHeader send(DeviceId device, long afterCursor, int limit, OutputStream out) throws BundleException, IOException {
        EnrolledDevice enrolled = enrolled(device);
        Path plain = Files.createTempFile("cercle-pull-", ".bundle.gz");
        try {
            BundleHeader header;
            try (OutputStream plainOut = Files.newOutputStream(plain)) {
                header = store.pull(device, afterCursor, limit, plainOut, true, enrolled.organisation());
            }
            SealedBundle.seal(plain, out, registry.party(), registry.keys(), Party.device(device), enrolled.keys(), clock);
            return header;
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    private EnrolledDevice enrolled(DeviceId device) throws BundleException {
        try {
            return registry.active(device);
        } catch (Refused e) {
            LOG.warn("Refused a bundle of device {}: {}", device, e.problem());
            throw new BundleException(e.problem().equals("REVOKED") ? Problem.REVOKED : Problem.UNKNOWN_SENDER, 0,
                    e.getMessage());
        }
    }
}
