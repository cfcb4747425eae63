package fr.cercle.app.bench;

import fr.cercle.persistence.TestData;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.installation.InstallationRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The benchmark's database: {@code n} beneficiaries from the demo generator (the standard demo's seed,
 * so the first 150 are the demo's people), written once through the real write path and kept under
 * {@code target/} for the next runs.
 */
final class BenchDatabase {

    private BenchDatabase() {
    }

    /**
     * Makes sure the folder holds a database of exactly {@code beneficiaries} beneficiaries.
     *
     * @return the seconds the generation took, or empty when an earlier run's database was reused
     */
    static OptionalDouble ensure(Path dir, int beneficiaries) throws IOException {
        if (Files.exists(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"))) {
            try (CercleDatabase db = CercleDatabase.open(dir, Clock.systemDefaultZone())) {
                int count = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).count();
                if (count == beneficiaries && new InstallationRepository(db.dsl(), db.deviceId()).find().isPresent()) {
                    Report.progress("Reusing the database of " + count + " beneficiaries in " + dir);
                    return OptionalDouble.empty();
                }
            }
            delete(dir);
        }
        Report.progress("Generating " + beneficiaries + " beneficiaries in " + dir + " (once; kept for later runs)");
        long started = System.nanoTime();
        try (CercleDatabase db = CercleDatabase.open(dir, Clock.systemDefaultZone())) {
            new DemoDataGenerator(db, DemoDataGenerator.DEMO_SEED).generate(beneficiaries, 0, (done, total) -> {
                if (done % 10_000 < DemoDataGenerator.BATCH_SIZE) {
                    Report.progress("  " + done + " / " + total);
                }
            });
        }
        return OptionalDouble.of(Stats.millisSince(started) / 1000);
    }

    /**
     * Makes sure the folder holds the database of a large structure's activity: {@code beneficiaries}
     * people and {@code helpers} helpers from the demo generator (through the write path, as above),
     * then needs, {@code contributions} contributions and their follow-ups in bulk ({@link BenchActivity}).
     *
     * @return the seconds the generation took, or empty when an earlier run's database was reused
     */
    static OptionalDouble ensureActivity(Path dir, int beneficiaries, int helpers, int contributions) throws Exception {
        if (Files.exists(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"))) {
            try (CercleDatabase db = CercleDatabase.open(dir, Clock.systemDefaultZone())) {
                int people = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS).count();
                int helping = db.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.HELPER);
                int contributed = db.dsl().fetchCount(fr.cercle.persistence.jooq.Tables.CONTRIBUTION);
                if (people == beneficiaries && helping == helpers && contributed == contributions) {
                    Report.progress("Reusing the database of " + people + " beneficiaries, " + helping + " helpers and "
                            + contributed + " contributions in " + dir);
                    return OptionalDouble.empty();
                }
                if (people == beneficiaries && helping == helpers) {
                    // The people are the long part (the write path): keep them, write the activity again.
                    Report.progress("Keeping the " + people + " beneficiaries and " + helping + " helpers in " + dir
                            + "; writing their activity again");
                    long started = System.nanoTime();
                    for (String table : java.util.List.of("need", "contribution", "follow_up")) {
                        db.dsl().execute("TRUNCATE TABLE " + table);
                    }
                    activity(db, contributions);
                    return OptionalDouble.of(Stats.millisSince(started) / 1000);
                }
            }
            delete(dir);
        }
        Report.progress("Generating " + beneficiaries + " beneficiaries, " + helpers + " helpers and " + contributions
                + " contributions in " + dir + " (once; kept for later runs)");
        long started = System.nanoTime();
        try (CercleDatabase db = CercleDatabase.open(dir, Clock.systemDefaultZone())) {
            new DemoDataGenerator(db, DemoDataGenerator.DEMO_SEED).generate(beneficiaries, helpers, (done, total) -> {
                if (done % 10_000 < DemoDataGenerator.BATCH_SIZE) {
                    Report.progress("  " + done + " / " + total);
                }
            });
            double people = Stats.millisSince(started) / 1000;
            Report.progress(String.format(java.util.Locale.ROOT, "  people and helpers in %.0f s", people));
            activity(db, contributions);
        }
        return OptionalDouble.of(Stats.millisSince(started) / 1000);
    }

    private static void activity(CercleDatabase db, int contributions) throws Exception {
        java.util.UUID author = db.localSettings().get(fr.cercle.persistence.local.LocalSettings.CURRENT_STAFF)
                .map(java.util.UUID::fromString).orElseThrow();
        long bulk = System.nanoTime();
        String written = new BenchActivity(db, DemoDataGenerator.DEMO_SEED, author).generate(contributions);
        Report.progress(String.format(java.util.Locale.ROOT, "  %s in %.0f s", written, Stats.millisSince(bulk) / 1000));
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
