package fr.cercle.persistence.bench;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.spreadsheet.BeneficiaryDefaults;
import fr.cercle.model.spreadsheet.ColumnMapping;
import fr.cercle.model.spreadsheet.ImportKind;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.model.spreadsheet.SheetCheck;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.spreadsheet.SheetReader;
import fr.cercle.persistence.spreadsheet.SpreadsheetImport;
import fr.cercle.persistence.staff.StaffRepository;
import org.jooq.Field;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.COMMUNE;

/**
 * Importing a spreadsheet of 10,000 people (a command-line program in the test sources, not a test):
 * the import as the wizard runs it, beside what its parts and the stack's limit cost on the same rows,
 * in the same run, in turn. Run by the {@code bench-import} profile of the persistence module; see
 * docs/performance.md ("Importing a spreadsheet"). {@code -Dbench.rows} and {@code -Dbench.repetitions}
 * change the size and the number of timed runs.
 */
public final class SpreadsheetImportBenchmark {

    private static final String[] LAST = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand",
            "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
            "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
            "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry",
            "Roussel", "Mathieu", "Gautier", "Masson"};
    private static final String[] FIRST = {"Jeanne", "Marie", "Marcel", "André", "Simone", "Louise", "Germaine",
            "Henri", "Paulette", "Roger", "Yvonne", "Lucienne", "Raymond", "Suzanne", "Georges", "Madeleine",
            "Robert", "Denise", "Marcelle", "René", "Odette", "Jacqueline", "Fernand", "Gisèle", "Lucien",
            "Renée", "Pierre", "Colette", "Maurice", "Hélène"};

    private SpreadsheetImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int rows = Integer.getInteger("bench.rows", 10_000);
        int repetitions = Integer.getInteger("bench.repetitions", 3);
        List<String> out = new ArrayList<>();
        out.add("# Importing a spreadsheet: benchmark results");
        out.add("");
        out.add("Run of " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + ", "
                + String.format(Locale.ROOT, "%,d", rows) + " rows, " + repetitions + " timed runs of each variant "
                + "after one warm-up, in turn. Load average at start: " + loadAverage() + ".");

        Path scratch = Files.createDirectories(benchDir.resolve("import-scratch"));
        Path csv = benchDir.resolve("import-" + rows + ".csv");
        StaffMember claire = TestData.staff();
        try (CercleDatabase db = fresh(scratch, 0, claire)) {
            writeSheet(db, csv, rows);
        }
        out.add("File: `" + csv.getFileName() + "`, " + String.format(Locale.ROOT, "%.1f MB", Files.size(csv) / 1e6)
                + ", Windows-1252, `;`, as Excel writes \"CSV (séparateur : point-virgule)\".");

        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("Read the file (charset, separator, CSV parsing)", db -> () -> SheetReader.read(csv).rows().size());
        variants.put("Read + check every line (communes, rules, duplicates against the database)", db -> () -> {
            Sheet sheet = SheetReader.read(csv);
            return importer(db).checkBeneficiaries(sheet, mapping(sheet), defaults(claire)).records().size();
        });
        variants.put("**Import as the wizard runs it**: read, check, then one transaction through "
                + "`BeneficiaryRepository.createAll` (JDBC batches), each file journaled", db -> () -> {
            Sheet sheet = SheetReader.read(csv);
            return importer(db).importBeneficiaries(sheet, mapping(sheet), defaults(claire), claire.id(), Progress.NONE);
        });
        variants.put("The write alone, one file at a time as before: `BeneficiaryRepository.save` each, one transaction "
                + "(records checked beforehand, not timed)", db -> {
            List<Beneficiary> records = checked(db, csv, claire);
            BeneficiaryRepository repository = repository(db);
            return () -> db.writer().write(claire.id(), tx -> {
                records.forEach(b -> repository.save(tx, b));
                return records.size();
            });
        });
        variants.put("The write alone, in bulk: `BeneficiaryRepository.createAll`, steps of 100 as the import, one "
                + "transaction (records checked beforehand, not timed)", db -> {
            List<Beneficiary> records = checked(db, csv, claire);
            BeneficiaryRepository repository = repository(db);
            return () -> db.writer().write(claire.id(), tx -> {
                for (int from = 0; from < records.size(); from += 100) {
                    repository.createAll(tx, records.subList(from, Math.min(records.size(), from + 100)));
                }
                return records.size();
            });
        });
        variants.put("Limit: the same records inserted with plain JDBC batches of 1,000, one transaction, "
                + "no check, no journal (records built beforehand, not timed)", db -> {
            Sheet sheet = SheetReader.read(csv);
            List<Beneficiary> records = importer(db).checkBeneficiaries(sheet, mapping(sheet), defaults(claire))
                    .records().stream().map(SheetCheck.Line::record).toList();
            return () -> rawInsert(db, records, claire);
        });

        Map<String, List<Double>> times = new LinkedHashMap<>();
        variants.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        List<String> names = new ArrayList<>(variants.keySet());
        int database = 1;
        for (int run = -1; run < repetitions; run++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(Math.floorMod(i + run, names.size()));
                try (CercleDatabase db = fresh(scratch, database++, claire)) {
                    Supplier<Work> prepared = () -> {
                        try {
                            return variants.get(name).prepare(db);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    };
                    Work work = prepared.get();
                    System.gc();
                    long start = System.nanoTime();
                    int done = work.run();
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (done != rows) {
                        throw new IllegalStateException(name + " did " + done + " rows of " + rows);
                    }
                    if (run >= 0) {
                        times.get(name).add(ms);
                    }
                    System.out.printf(Locale.ROOT, "  %s%s: %.0f ms%n", run < 0 ? "(warm-up) " : "", name.substring(0, Math.min(40, name.length())), ms);
                }
                deleteDatabases(scratch);
            }
        }

        out.add("");
        out.add("| Variant | median | min | max | rows/s (median) | × the JDBC limit |");
        out.add("| --- | --- | --- | --- | --- | --- |");
        double limit = median(times.get(names.get(names.size() - 1)));
        for (String name : names) {
            List<Double> t = times.get(name);
            double median = median(t);
            out.add(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms | %,.0f | %.1f |", name, median,
                    t.stream().mapToDouble(d -> d).min().orElse(0), t.stream().mapToDouble(d -> d).max().orElse(0),
                    rows / (median / 1000), median / limit));
        }
        out.add("");
        out.add("Load average at the end: " + loadAverage() + ".");
        Path results = benchDir.resolve("import-results.md");
        Files.write(results, out);
        out.forEach(System.out::println);
        System.out.println("Written to " + results);
    }

    @FunctionalInterface
    interface Work {
        int run() throws Exception;
    }

    @FunctionalInterface
    interface Variant {
        Work prepare(CercleDatabase db) throws Exception;
    }

    private static CercleDatabase fresh(Path scratch, int n, StaffMember claire) {
        CercleDatabase db = TestDatabases.withCommunes(scratch.resolve("db-" + n), Clock.systemDefaultZone());
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
        return db;
    }

    private static SpreadsheetImport importer(CercleDatabase db) {
        return new SpreadsheetImport(new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS),
                new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS),
                new CommuneRepository(db.dsl()), db.writer(), db.clock());
    }

    private static BeneficiaryRepository repository(CercleDatabase db) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
    }

    /** The sheet's records as the import's check makes them. */
    private static List<Beneficiary> checked(CercleDatabase db, Path csv, StaffMember claire) throws Exception {
        Sheet sheet = SheetReader.read(csv);
        return importer(db).checkBeneficiaries(sheet, mapping(sheet), defaults(claire))
                .records().stream().map(SheetCheck.Line::record).toList();
    }

    private static ColumnMapping mapping(Sheet sheet) {
        return ColumnMapping.guess(ImportKind.BENEFICIARIES, sheet.headers());
    }

    private static BeneficiaryDefaults defaults(StaffMember referent) {
        return new BeneficiaryDefaults(referent.id(), Set.of(Domain.ELDERLY), ConsentScope.FOLLOW_UP,
                ConsentMethod.SIGNED_FORM, LocalDate.now());
    }

    /**
     * A town hall's register: distinct people (name and birth date never repeat), living in the 200
     * largest communes of two departments, with addresses, phones and a note on one line in ten.
     */
    private static void writeSheet(CercleDatabase db, Path csv, int rows) throws IOException {
        var communes = db.dsl().select(COMMUNE.NAME, COMMUNE.POSTAL_CODES).from(COMMUNE)
                .where(COMMUNE.DEPARTMENT.in("23", "87")).orderBy(COMMUNE.POPULATION.desc()).limit(200).fetch();
        Random random = new Random(42);
        StringBuilder text = new StringBuilder("Nom;Prénom;Date de naissance;Adresse;Code postal;Commune;Téléphone;"
                + "Courriel;Observations\r\n");
        for (int i = 0; i < rows; i++) {
            var commune = communes.get(random.nextInt(communes.size()));
            LocalDate born = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(365 * 35));
            int block = i / (LAST.length * FIRST.length);
            text.append(LAST[i % LAST.length].toUpperCase(Locale.FRENCH))
                    .append(block == 0 ? "" : "-" + LAST[block % LAST.length].toUpperCase(Locale.FRENCH))
                    .append(';').append(FIRST[(i / LAST.length) % FIRST.length])
                    .append(';').append(born.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .append(';').append(1 + random.nextInt(80)).append(" rue de la Mairie")
                    .append(';').append(commune.value2().split("\\|")[0])
                    .append(';').append(commune.value1())
                    .append(';').append(String.format(Locale.ROOT, "05 55 %02d %02d %02d", random.nextInt(100), random.nextInt(100), random.nextInt(100)))
                    .append(';').append(i % 3 == 0 ? "personne" + i + "@example.fr" : "")
                    .append(';').append(i % 10 == 0 ? "\"Vit seule; voisine passe le jeudi\"" : "")
                    .append("\r\n");
        }
        Files.write(csv, text.toString().getBytes(Charset.forName("windows-1252")));
    }

    /** The same rows as plain INSERTs in JDBC batches of 1,000, one transaction: what H2 itself costs. */
    private static int rawInsert(CercleDatabase db, List<Beneficiary> records, StaffMember author) {
        List<Field<?>> columns = List.of(BENEFICIARY.ID, BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME,
                BENEFICIARY.BIRTH_DATE, BENEFICIARY.ADDRESS_LINE, BENEFICIARY.POSTAL_CODE, BENEFICIARY.COMMUNE_INSEE,
                BENEFICIARY.PHONE, BENEFICIARY.EMAIL, BENEFICIARY.DOMAINS, BENEFICIARY.STATUS, BENEFICIARY.REFERENT_ID,
                BENEFICIARY.CONSENT_DATE, BENEFICIARY.CONSENT_SCOPE, BENEFICIARY.CONSENT_METHOD, BENEFICIARY.SITUATION,
                BENEFICIARY.CREATED_AT, BENEFICIARY.CREATED_BY, BENEFICIARY.UPDATED_AT, BENEFICIARY.UPDATED_BY);
        OffsetDateTime now = OffsetDateTime.now();
        UUID by = author.id().value();
        return db.dsl().transactionResult(configuration -> {
            var dsl = DSL.using(configuration);
            String sql = dsl.renderContext().paramType(ParamType.INDEXED)
                    .render(dsl.insertInto(BENEFICIARY).columns(columns).values(Arrays.asList(new Object[columns.size()])));
            return dsl.connectionResult(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int pending = 0;
                    for (Beneficiary b : records) {
                        Object[] row = {b.id().value(), b.firstName(), b.lastName(), b.birthDate(), b.address().line(),
                                b.address().postalCode(), Columns.insee(b.address().commune()), b.contact().phone(),
                                b.contact().email(), Columns.enumSet(b.domains()), Columns.name(b.status()),
                                b.referent().value(), b.consent().date(), Columns.name(b.consent().scope()),
                                Columns.name(b.consent().method()), b.situation(), now, by, now, by};
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                        if (++pending == 1_000) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
                return records.size();
            });
        });
    }

    private static void deleteDatabases(Path scratch) throws IOException {
        try (var files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(scratch)).forEach(p -> p.toFile().delete());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(", ", parts[0], parts[1], parts[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
