package fr.cercle.persistence.bench;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.backup.BackupFile;
import fr.cercle.persistence.backup.Backups;
import fr.cercle.persistence.backup.Restore;
import fr.cercle.persistence.commune.CommuneReferenceLoader;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The time and size of a backup (a command-line program in the test sources, not a test): the demo
 * database (communes reference, 150 people, 80 helpers) and a larger one ({@code -Dbench.people},
 * 10,000 by default), each backed up {@code -Dbench.repetitions} times (5) beside H2's own
 * {@code BACKUP TO}, the copy it starts from, in turn; then one restore. Run by the
 * {@code bench-backup} profile; see docs/performance.md ("Backup").
 */
public final class BackupBenchmark {

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        int people = Integer.getInteger("bench.people", 10_000);
        int repetitions = Integer.getInteger("bench.repetitions", 5);
        StringBuilder report = new StringBuilder("| database | file | H2 BACKUP TO (zip) | backup (.cercle-backup) | backup size | restore |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        report.append(run(out, "demo (150 people, 80 helpers)", 0, repetitions));
        report.append(run(out, people + " people, " + people / 2 + " helpers", people, repetitions));
        String text = "Backup benchmark, medians of " + repetitions + " (min to max)\n\n" + report;
        Files.writeString(out.resolve("backup-results.md"), text);
        System.out.println(text);
    }

    private static String run(Path out, String name, int people, int repetitions) throws Exception {
        Path dir = out.resolve("backup-" + (people == 0 ? "demo" : people));
        deleteTree(dir);
        Clock clock = Clock.systemUTC();
        DatabaseKey key = Keyring.create(dir, "bench.admin", "un mot de passe de banc".toCharArray(), 1_000).key();
        try (CercleDatabase db = CercleDatabase.open(dir, clock, key)) {
            new CommuneReferenceLoader(db.dsl(), clock).ensureLoaded();
            if (people == 0) {
                DemoDataGenerator.forDemo(db).generateDemo(Progress.NONE);
            } else {
                new DemoDataGenerator(db, DemoDataGenerator.DEMO_SEED).generate(people, people / 2, Progress.NONE);
            }
        }
        long fileBytes = Files.size(dir.resolve(CercleDatabase.FILE_NAME + ".mv.db"));
        List<Long> plain = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        long size = 0;
        Path target = out.resolve("bench" + BackupFile.EXTENSION);
        try (CercleDatabase db = CercleDatabase.open(dir, clock, key)) {
            for (int i = -1; i < repetitions; i++) {
                boolean plainFirst = i % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    if ((turn == 0) == plainFirst) {
                        Path zip = out.resolve("bench-plain.zip");
                        Files.deleteIfExists(zip);
                        long started = System.nanoTime();
                        try (Connection c = db.dsl().configuration().connectionProvider().acquire(); Statement s = c.createStatement()) {
                            s.execute("BACKUP TO '" + zip.toAbsolutePath() + "'");
                        }
                        if (i >= 0) {
                            plain.add(System.nanoTime() - started);
                        }
                    } else {
                        long started = System.nanoTime();
                        size = Backups.create(db, key, target, share -> { }).bytes();
                        if (i >= 0) {
                            full.add(System.nanoTime() - started);
                        }
                    }
                }
            }
        }
        Path elsewhere = out.resolve("restored-" + (people == 0 ? "demo" : people));
        deleteTree(elsewhere);
        long started = System.nanoTime();
        Restore.restore(target, elsewhere, Restore.Credentials.account("bench.admin", "un mot de passe de banc".toCharArray()), clock);
        long restore = System.nanoTime() - started;
        return String.format(Locale.ROOT, "| %s | %.1f MB | %s | %s | %.1f MB | %.2f s |\n", name, fileBytes / 1e6,
                stats(plain), stats(full), size / 1e6, restore / 1e9);
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.2f s (%.2f to %.2f)", sorted.get(sorted.size() / 2) / 1e9,
                sorted.get(0) / 1e9, sorted.get(sorted.size() - 1) / 1e9);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
