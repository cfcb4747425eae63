import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.security.Keyring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes the upgrade fixture of one release: an installation's data folder as that release leaves it,
 * zipped. Run by {@code make-upgrade-fixture.sh} with java's source launcher, on the class path of the
 * release being fixed (its own persistence jar and dependencies), so everything here is that release's
 * code: its migrations, its encryption, its demo generator, its write path.
 *
 * <p>What it does is what a town hall's first start does, minus the screens: a keyring with one account
 * (few PBKDF2 iterations, so that a test signs in fast), the database encrypted with its key, the demo
 * territory, and the first account recorded as the administrator and coordinator; then, to keep the
 * fixture small, the communes reference is cut to the demo's département. The zip holds
 * {@code cercle.mv.db}, {@code keyring.json} and {@code fixture.properties} (login, password, schema
 * version, the day of the data), which the upgrade test reads.
 *
 * <p>Uses only what every release so far has: {@code Keyring.create(dir, login, password, iterations)},
 * {@code CercleDatabase.open(dir, clock, key)}, {@code DemoDataGenerator.generate(beneficiaries, helpers,
 * progress)}, {@code AccountRepository.save}. A release that changes them adapts this file.
 *
 * <p>Usage: {@code java -cp <release's class path> MakeUpgradeFixture.java <out.zip> <day-of-data ISO instant>
 * <beneficiaries> <helpers> <label>}
 */
public class MakeUpgradeFixture {

    static final String LOGIN = "fixture";
    /** A test fixture's password: the data are the fictional demo territory. */
    static final String PASSWORD = "fixture-password-not-secret";
    static final int ITERATIONS = 1_000;

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: MakeUpgradeFixture <out.zip> <instant> <beneficiaries> <helpers> <label>");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Instant day = Instant.parse(args[1]);
        int beneficiaries = Integer.parseInt(args[2]);
        int helpers = Integer.parseInt(args[3]);
        String label = args[4];

        // A clock that runs, from the day the release was made: the demo's dates count back from it.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), day));
        Path dir = Files.createTempDirectory("cercle-fixture");
        Keyring.Created created = Keyring.create(dir, LOGIN, PASSWORD.toCharArray(), ITERATIONS);
        String schema;
        try (CercleDatabase db = CercleDatabase.open(dir, clock, created.key())) {
            new DemoDataGenerator(db, DemoDataGenerator.DEMO_SEED).generate(beneficiaries, helpers, Progress.NONE);
            Optional<StaffId> coordinator = db.localSettings().get(LocalSettings.CURRENT_STAFF).map(StaffId::parse);
            new AccountRepository(db.dsl(), clock)
                    .save(new Account(LOGIN, coordinator, Set.of(Role.ADMINISTRATOR, Role.COORDINATOR)), LOGIN);
            // The communes reference is 70,000 of the file's rows and the app's own copy: only the demo's
            // département (Creuse) is kept, and it is marked as not loaded, so the app reloads it whole at
            // its next start, as it does when a release brings a newer reference. No record refers to a
            // commune by key (V1), and the demo's people all live in Creuse.
            db.dsl().transaction(tx -> {
                tx.dsl().execute("DELETE FROM commune WHERE department <> '23'");
                tx.dsl().execute("DELETE FROM reference_data WHERE name = 'communes'");
            });
            schema = db.dsl().resultQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                    + " AND \"version\" IS NOT NULL").fetch(0, String.class).stream()
                    .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).orElseThrow();
        }
        // Without free pages: the fixture is committed to the repository.
        try (Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve(CercleDatabase.FILE_NAME) + ";CIPHER=AES", "sa", created.key().h2Password());
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() != org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                throw e;
            }
        }

        // Stored decrypted, with the keyring that holds its key: an encrypted file does not compress (4.4 MB
        // zipped instead of about 1), and the test encrypts it again with that key before opening it.
        char[] filePassword = created.key().h2Password().strip().toCharArray();
        org.h2.tools.ChangeFileEncryption.execute(dir.toString(), CercleDatabase.FILE_NAME, "AES", filePassword, null, true);

        Properties properties = new Properties();
        properties.setProperty("label", label);
        properties.setProperty("login", LOGIN);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("schema", schema);
        properties.setProperty("stored", "decrypted: encrypt with the keyring's key (AES) before opening");
        properties.setProperty("day", day.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        properties.setProperty("beneficiaries", Integer.toString(beneficiaries));
        properties.setProperty("helpers", Integer.toString(helpers));
        StringWriter text = new StringWriter();
        properties.store(text, "Upgrade fixture made by installers/src/release/make-upgrade-fixture.sh");

        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(9);
            for (String name : new String[] {CercleDatabase.FILE_NAME + ".mv.db", Keyring.FILE_NAME}) {
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(dir.resolve(name), zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("fixture.properties"));
            zip.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        System.out.println("schema V" + schema + ", " + Files.size(out) + " bytes: " + out);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
