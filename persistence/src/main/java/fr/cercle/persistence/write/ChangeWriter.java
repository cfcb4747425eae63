package fr.cercle.persistence.write;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.time.HybridLogicalClock;
import fr.cercle.persistence.StorageException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one write path of synced data. Every change to a synced entity goes through here, in one
 * transaction with its journal entry: the sync exports the journal, so a write that bypassed it
 * would never reach the other installations. (An architecture test forbids writing elsewhere.)
 */
public final class ChangeWriter {

    private final DSLContext dsl;
    private final DeviceId device;
    private final HybridLogicalClock hlc;
    private final Clock wallClock;

    public ChangeWriter(DSLContext dsl, DeviceId device, HybridLogicalClock hlc, Clock wallClock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.device = Objects.requireNonNull(device, "device");
        this.hlc = Objects.requireNonNull(hlc, "hlc");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /**
     * Runs the work in one transaction on behalf of the author: all of it is written, or none.
     * Writes are serialised, so that each change takes the next sequence number of this device.
     */
    public synchronized <T> T write(StaffId author, Function<WriteTransaction, T> work) {
        Objects.requireNonNull(author, "author");
        try {
            return dsl.transactionResult(configuration -> {
                OffsetDateTime now = OffsetDateTime.now(wallClock).truncatedTo(ChronoUnit.MICROS);
                ActivityTotals totals = new ActivityTotals(configuration.dsl());
                T result = work.apply(new WriteTransaction(configuration.dsl(), author, device, hlc, now, totals));
                totals.settle();
                return result;
            });
        } catch (DataAccessException e) {
            throw new StorageException("A write failed and was rolled back", e);
        }
    }

    /**
     * Merges changes received from other installations in one transaction: all of them, or none if
     * the work throws.
     */
    public synchronized <T> T receive(Function<Receiver, T> work) {
        try {
            return dsl.transactionResult(configuration -> {
                OffsetDateTime now = OffsetDateTime.now(wallClock).truncatedTo(ChronoUnit.MICROS);
                ActivityTotals totals = new ActivityTotals(configuration.dsl());
                T result = work.apply(new Receiver(configuration.dsl(), hlc, now, totals));
                totals.settle();
                return result;
            });
        } catch (DataAccessException e) {
            throw new StorageException("Received changes could not be written; nothing was changed", e);
        }
    }

    public void run(StaffId author, Consumer<WriteTransaction> work) {
        write(author, tx -> {
            work.accept(tx);
            return null;
        });
    }

    public DeviceId device() {
        return device;
    }
}
