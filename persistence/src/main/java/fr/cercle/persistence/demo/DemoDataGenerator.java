package fr.cercle.persistence.demo;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.need.Need;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneReferenceLoader;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.need.NeedRepository;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.persistence.write.WriteTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Fills a database with a fictional but plausible territory: the CCAS of the intercommunality "CC du
 * Pays Sostranien" (La Souterraine, a small town of Creuse, and nine rural communes), its team, and
 * beneficiaries and helpers spread over the communes by population. It serves three purposes: a
 * demo installation people can try Cercle on without real personal data, realistic screens for
 * development, and volumes for benchmarks.
 *
 * <h2>Same write path as real records</h2>
 * Every record goes through its repository and {@link CercleDatabase#writer()}: it is validated by the
 * model's rules and journaled, exactly as one typed in a form. Demo data therefore exercises the code
 * it demonstrates, and a demo database behaves like a real one (sync, history, indicators). Records
 * are written in transactions of {@value #BATCH_SIZE}, made one at a time while the transaction runs,
 * so memory does not grow with the size asked for.
 *
 * <h2>Deterministic</h2>
 * The same seed and sizes, on the same reference date ({@code LocalDate.now(db.clock())}) and with the
 * same communes reference, give the same records, ids included: ids are version-4 UUIDs drawn from the
 * seeded generator, and dates are computed back from the reference date (never after it). Staff,
 * beneficiaries and helpers each draw from their own stream split from the seed, so the beneficiaries
 * do not change when only the number of helpers does, and a smaller generation is a prefix of a larger
 * one. Journal timestamps, the device id and audit columns are not part of this: they are the
 * installation's own.
 *
 * <h2>Cancellation</h2>
 * {@link Progress#cancelled()} is asked before each transaction; when it answers true, generation stops
 * with a {@link CancellationException}. Transactions already committed stay in the database (they are
 * whole, valid, journaled records); nothing of the transaction that was not started is written. A
 * caller that wants all or nothing deletes the demo folder after a cancellation.
 *
 * <h2>Intended database</h2>
 * Meant for an empty database (the demo folder, a benchmark, a test). It replaces the installation's
 * structure and the current staff member of the database it is given. Running it again with the same
 * seed on the same day rewrites nothing (same ids, same values: the write path journals no change).
 *
 * <h2>Measured cost</h2>
 * On the development machine (2 cores, shared with another build; H2 file database on local disk):
 * <ul>
 *     <li>the standard demo ({@value #DEMO_BENEFICIARIES} beneficiaries, {@value #DEMO_HELPERS} helpers):
 *     about 0.5 s when the communes reference is already loaded; about 5 s on a fresh database such as
 *     a new demo folder, loading the reference being most of it;</li>
 *     <li>100,000 beneficiaries and 30,000 helpers: 37 to 59 s over six runs (fresh database or not),
 *     for a database file of about 470 MB. Profiling shows the generator itself at about 2 %
 *     of the time; the rest is the write path (H2 inserts and indexes, the journal's large-object
 *     column, jOOQ rendering, the read before each save), which this class deliberately does not bypass.</li>
 * </ul>
 *
 * <p>An instance keeps no state between calls; {@link #generate} may run on a background thread.
 */
public final class DemoDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);

    /** Beneficiaries of the standard demo: enough to fill lists and indicators, few enough to read. */
    public static final int DEMO_BENEFICIARIES = 150;
    /** Helpers of the standard demo. */
    public static final int DEMO_HELPERS = 80;
    /** The seed of the standard demo, so every demo installation shows the same people. */
    public static final long DEMO_SEED = 23_300L;
    /** The intercommunality of the demo territory: CC du Pays Sostranien (Creuse). */
    public static final String EPCI_CODE = "242300135";
    /** The structure of the demo installation. */
    public static final Structure STRUCTURE =
            new Structure(DemoStaff.CCAS, StructureKind.CCAS, new InseeCode("23176"));
    /** Records per transaction: large enough for throughput, small enough to cancel promptly. */
    public static final int BATCH_SIZE = 1_000;
    /** Up to this many people, the demo records needs and matches helpers. */
    static final int MATCHED_DEMO_MAX = 1_000;

    private final CercleDatabase db;
    private final long seed;

    /**
     * @param db   an opened database, preferably empty
     * @param seed the seed of every random choice: the same seed gives the same records
     */
    public DemoDataGenerator(CercleDatabase db, long seed) {
        this.db = Objects.requireNonNull(db, "db");
        this.seed = seed;
    }

    /** The generator of the standard demo, with its fixed seed. */
    public static DemoDataGenerator forDemo(CercleDatabase db) {
        return new DemoDataGenerator(db, DEMO_SEED);
    }

    /** Generates the standard demo: {@value #DEMO_BENEFICIARIES} beneficiaries and {@value #DEMO_HELPERS} helpers. */
    public DemoSummary generateDemo(Progress progress) {
        return generate(DEMO_BENEFICIARIES, DEMO_HELPERS, progress);
    }

    /**
     * Loads the communes reference if needed, then writes the structure and its team, the
     * beneficiaries, then the helpers, and makes the coordinator the current staff member.
     *
     * @throws CancellationException when {@code progress} asks to stop; committed transactions stay
     * @throws fr.cercle.model.validation.InvalidRecordException if a generated record broke a rule (a bug)
     */
    public DemoSummary generate(int beneficiaries, int helpers, Progress progress) {
        if (beneficiaries < 0 || helpers < 0) {
            throw new IllegalArgumentException("Sizes cannot be negative: " + beneficiaries + ", " + helpers);
        }
        Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        checkCancelled(progress);

        new CommuneReferenceLoader(db.dsl(), db.clock()).ensureLoaded();
        DemoTerritory territory = DemoTerritory.of(new CommuneRepository(db.dsl()), EPCI_CODE);
        territory.requireContains(STRUCTURE.commune());
        LocalDate today = LocalDate.now(db.clock());

        DemoRandom root = new DemoRandom(new SplittableRandom(seed));
        DemoStaff staff = new DemoStaff(root.split());
        DemoRandom beneficiaryRandom = root.split();
        DemoRandom helperRandom = root.split();
        DemoRandom needRandom = root.split();
        DemoRandom profileRandom = root.split();
        DemoNames names = new DemoNames();
        DemoTexts texts = new DemoTexts();

        int staffCount = staff.members().size();
        long total = staffCount + 1L + beneficiaries + helpers;
        StaffId author = staff.author().id();
        // The generator fills the structure as its administrator and coordinator would, in every domain.
        Viewer generator = new Viewer("demo-generator", Optional.of(author),
                Set.of(Role.ADMINISTRATOR, Role.COORDINATOR), EnumSet.allOf(Domain.class));

        checkCancelled(progress);
        InstallationRepository installation = new InstallationRepository(db.dsl(), db.deviceId());
        StaffRepository staffRepository = new StaffRepository(db.dsl(), db.writer(), generator);
        db.writer().run(author, tx -> {
            for (StaffMember member : staff.members()) {
                staffRepository.save(tx, member);
            }
            installation.save(tx, STRUCTURE);
        });
        db.localSettings().put(LocalSettings.CURRENT_STAFF, author.toString());
        long done = staffCount + 1L;
        progress.update(done, total);

        BeneficiaryRepository beneficiaryRepository = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), generator);
        DemoBeneficiaries beneficiaryFactory =
                new DemoBeneficiaries(beneficiaryRandom, territory, staff, names, texts, today);
        done = writeInBatches(beneficiaries, done, total, progress, author,
                beneficiaryFactory::next, beneficiaryRepository::save);

        HelperRepository helperRepository = new HelperRepository(db.dsl(), db.writer(), db.clock(), generator);
        DemoHelpers helperFactory = new DemoHelpers(helperRandom, territory, names, texts, today);
        writeInBatches(helpers, done, total, progress, author,
                helperFactory::next, helperRepository::save);

        if (beneficiaries <= MATCHED_DEMO_MAX) {
            needs(generator, author, needRandom, today);
            profiles(generator, author, new DemoProfiles(profileRandom, texts, today));
        }

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Demo data generated: {} staff members, {} beneficiaries, {} helpers in {} ms",
                staffCount, beneficiaries, helpers, elapsed.toMillis());
        return new DemoSummary(staffCount, beneficiaries, helpers, elapsed);
    }

    /**
     * Needs for about a third of the active people, and a helper for two thirds of those, chosen as a
     * caseworker would: the first candidate the matcher ranks; then what each helper did since
     * ({@link DemoContributions}). Only for a demo of a town's size (the
     * benchmarks' databases of 100,000 people skip it).
     */
    private void needs(Viewer generator, StaffId author, DemoRandom random, LocalDate today) {
        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), db.clock(), generator);
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), generator);
        int written = 0;
        int matched = 0;
        int contributed = 0;
        for (var summary : files.summaries()) {
            // Each person draws from a stream of their own, so that skipping a person generated before
            // leaves the others' draws as they were.
            DemoRandom own = random.split();
            DemoNeeds factory = new DemoNeeds(own, today);
            Beneficiary person = files.find(summary.id()).orElseThrow();
            if (!factory.has(person)) {
                continue;
            }
            Need need = factory.next(person);
            if (!needs.ofFile(person.id()).isEmpty()) {
                continue; // generated before: generating again changes nothing
            }
            needs.save(need, author);
            written++;
            if (own.chance(0.65)) {
                var best = needs.candidates(need, 1);
                if (!best.isEmpty()) {
                    LocalDate matchedOn = need.openedOn().plusDays(own.between(0,
                            (int) java.time.temporal.ChronoUnit.DAYS.between(need.openedOn(), today)));
                    Need assigned = need.assign(best.get(0).helper().id(), matchedOn);
                    needs.save(assigned, author);
                    matched++;
                    contributed += new DemoContributions(db, generator, own, today).forNeed(assigned, author);
                }
            }
        }
        LOG.info("Demo needs: {} recorded, {} matched, {} contributions", written, matched, contributed);
    }

    /**
     * The domain profiles of the people of a town-sized demo (DemoProfiles), one transaction per
     * person; a person who has one already is left as is, so generating again changes nothing.
     */
    private void profiles(Viewer generator, StaffId author, DemoProfiles factory) {
        ProfileRepository profiles = new ProfileRepository(db.dsl(), db.writer(), db.clock(), generator);
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), generator);
        int written = 0;
        for (var summary : files.summaries()) {
            Beneficiary person = files.find(summary.id()).orElseThrow();
            // Drawn for everyone, every time, so that the draws stay the same when generating again.
            List<Object> made = new java.util.ArrayList<>();
            if (person.domains().contains(Domain.ELDERLY)) {
                Object profile = factory.elderly(person);
                made.add(profiles.elderly(person.id()).isEmpty() ? profile : null);
            }
            if (person.domains().contains(Domain.HEALTH)) {
                Object profile = factory.health(person);
                made.add(profiles.health(person.id()).isEmpty() ? profile : null);
            }
            if (person.domains().contains(Domain.SCHOOL)) {
                Object profile = factory.school(person);
                made.add(profiles.school(person.id()).isEmpty() ? profile : null);
            }
            made.removeIf(Objects::isNull);
            if (!made.isEmpty()) {
                profiles.saveWithFile(person, made, author);
                written += made.size();
            }
        }
        LOG.info("Demo profiles: {} recorded", written);
    }

    /** Saves {@code count} records made by {@code factory}, {@link #BATCH_SIZE} per transaction; returns the new done count. */
    private <T> long writeInBatches(int count, long done, long total, Progress progress, StaffId author,
                                    Supplier<T> factory, Saver<T> saver) {
        int written = 0;
        while (written < count) {
            checkCancelled(progress);
            int batch = Math.min(BATCH_SIZE, count - written);
            db.writer().run(author, tx -> {
                for (int i = 0; i < batch; i++) {
                    saver.save(tx, factory.get());
                }
            });
            written += batch;
            done += batch;
            progress.update(done, total);
        }
        return done;
    }

    private static void checkCancelled(Progress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("Demo data generation cancelled");
        }
    }

    /** One repository's save within a transaction. */
    @FunctionalInterface
    private interface Saver<T> {
        void save(WriteTransaction tx, T record);
    }
}
