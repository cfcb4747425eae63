package fr.cercle.app.startup;

import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.installation.Installation;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.commune.CommuneReferenceLoader;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.staff.StaffRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What happens between the click on the icon and the first screen, off the JavaFX thread: open and
 * migrate the database, load the communes reference the first time, fill the demo folder the first
 * time it is used, and find out whether the welcome is needed.
 */
public final class Startup {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
    private Startup() {
    }

    /** Where startup stands, for the splash screen. */
    public enum Step {
        OPENING, REFERENCE, DEMO
    }

    /**
     * The opened database, what it says about this installation, who signed in (to the need-to-know
     * rules) and the staff member that account acts as.
     */
    public record Result(CercleDatabase db, Optional<Installation> installation, Optional<StaffMember> author,
                         Viewer viewer) {
    }

    /**
     * Opens the encrypted data with the key {@code login}'s sign-in gave. The first account of an
     * installation is its administrator and coordinator: recorded at once when the installation
     * already has its staff (data made before accounts existed, or the demo), or by the welcome,
     * which records the first staff member; until then it may only do what the welcome does.
     */
    public static Result run(Path dataDir, DatabaseKey key, String login, boolean demo, Clock clock, Consumer<Step> step) {
        Result result = run(dataDir, Objects.requireNonNull(key, "key"), demo, clock, step, true);
        try {
            AccountRepository accounts = new AccountRepository(result.db().dsl(), clock);
            if (accounts.all().isEmpty()) {
                if (result.author().isEmpty()) {
                    Viewer founder = new Viewer(login, Optional.empty(), Set.of(Role.ADMINISTRATOR), Set.of());
                    return new Result(result.db(), result.installation(), Optional.empty(), founder);
                }
                Set<Role> roles = Set.of(Role.ADMINISTRATOR, Role.COORDINATOR);
                accounts.save(new Account(login, result.author().map(StaffMember::id), roles), login);
                LOG.info("First account of this installation recorded, roles {}", roles);
            }
            // Changes are recorded in the name of the staff member the signed-in account acts as.
            Viewer viewer = accounts.viewer(login);
            Optional<StaffMember> author = viewer.staff()
                    .flatMap(new StaffRepository(result.db().dsl(), result.db().writer(), viewer)::find);
            return new Result(result.db(), result.installation(), author, viewer);
        } catch (RuntimeException e) {
            result.db().close();
            throw e;
        }
    }

    /** Opens data that are not encrypted: the benchmarks' databases, made by tools rather than by a sign-in. */
    public static Result run(Path dataDir, boolean demo, Clock clock, Consumer<Step> step) {
        return run(dataDir, null, demo, clock, step, false);
    }

    private static Result run(Path dataDir, DatabaseKey key, boolean demo, Clock clock, Consumer<Step> step,
                              boolean encrypted) {
        long started = System.nanoTime();
        step.accept(Step.OPENING);
        CercleDatabase db = encrypted ? CercleDatabase.open(dataDir, clock, key) : CercleDatabase.open(dataDir, clock);
        try {
            step.accept(Step.REFERENCE);
            new CommuneReferenceLoader(db.dsl(), clock).ensureLoaded();
            InstallationRepository installation = new InstallationRepository(db.dsl(), db.deviceId());
            if (demo && installation.find().isEmpty()) {
                step.accept(Step.DEMO);
                DemoDataGenerator.forDemo(db).generateDemo(Progress.NONE);
            }
            // Before accounts, the author was chosen in the settings: data from then, the benchmarks' and
            // the demo's, name it there.
            Viewer tool = new Viewer("cercle", Optional.empty(), Set.of(Role.ADMINISTRATOR), Set.of());
            Optional<StaffMember> author = db.localSettings().get(LocalSettings.CURRENT_STAFF)
                    .map(StaffId::parse)
                    .flatMap(new StaffRepository(db.dsl(), db.writer(), tool)::find);
            Result result = new Result(db, installation.find(), author, tool);
            LOG.info("Started in {} ms (installation {})", (System.nanoTime() - started) / 1_000_000,
                    result.installation().isPresent() ? "known" : "new");
            return result;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
