package fr.cercle.persistence;

import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.circle.Circle;
import fr.cercle.model.circle.CircleMember;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.circle.CircleRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.need.NeedRepository;
import fr.cercle.persistence.security.DatabaseKey;
import fr.cercle.persistence.security.Keyring;
import org.h2.tools.ChangeFileEncryption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upgrading the data of every earlier release keeps every record (issue 6). Each zip of
 * {@code src/test/resources/upgrade/} is an installation's data folder as a release left it, made by
 * {@code installers/src/release/make-upgrade-fixture.sh} (docs/installers.md, "Releases and upgrades"):
 * a new release only adds its file. For each, the test reads every row of every table with plain JDBC,
 * signs in with the release's own keyring and opens the data as the app does ({@link
 * CercleDatabase#open(Path, Clock, DatabaseKey)}: pending migrations after a copy aside), then checks,
 * table by table and column by column from JDBC's metadata, that every old row is still there with the
 * same values, that the copy holds the old database, that the data later migrations derive are right,
 * that the repositories read the records, and that opening again changes nothing.
 */
class UpgradeFromReleasesTest {

    /**
     * Tables or columns ({@code TABLE} or {@code TABLE.COLUMN}, as JDBC names them) that a migration
     * deliberately dropped or rewrote, with the reason: their old rows are not compared. None so far.
     */
    private static final Map<String, String> DELIBERATELY_CHANGED = Map.of();

    private static final String DB_FILE = CercleDatabase.FILE_NAME + ".mv.db";
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");
    /** The day of the upgrade is today: the backups' names and the journal's clock follow it. */
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    static Stream<Fixture> fixtures() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(UpgradeFromReleasesTest.class.getResource("/upgrade"),
                "no src/test/resources/upgrade").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Fixture> fixtures = files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted()
                    .map(Fixture::new).toList();
            return fixtures.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void upgradingKeepsEveryRecordAndCopiesTheOldDatabaseAside(Fixture fixture) throws Exception {
        Path data = dir.resolve("data");
        Properties made = fixture.unzipTo(data);
        Map<String, Table> before = plainSnapshot(data);
        String oldSchema = made.getProperty("schema");
        assertThat(schemaOf(before)).as("the schema the fixture says it has").isEqualTo(Integer.parseInt(oldSchema));
        DatabaseKey key = signIn(data, made);
        encrypt(data, key);

        Map<String, Table> after;
        try (CercleDatabase db = CercleDatabase.open(data, CLOCK, key)) {
            after = db.dsl().connectionResult(UpgradeFromReleasesTest::snapshot);
        }

        int current = latestMigration();
        assertThat(schemaOf(after)).as("schema after the upgrade").isEqualTo(current);
        assertKeepsEveryRow(before, after);
        assertTotalsAsFromScratch(before, after);

        List<Path> copies = backups(data);
        if (Integer.parseInt(oldSchema) < current) {
            assertThat(copies).singleElement().satisfies(copy -> assertThat(copy.getFileName().toString())
                    .startsWith("cercle-v" + oldSchema + "-before-upgrade-").endsWith(".zip"));
            assertThat(snapshotOfCopy(copies.get(0), key)).as("the copy taken before the upgrade")
                    .isEqualTo(before);
        } else {
            assertThat(copies).as("nothing to migrate, nothing copied").isEmpty();
        }

        // Opening again migrates nothing, copies nothing and changes nothing.
        try (CercleDatabase db = CercleDatabase.open(data, CLOCK, key)) {
            assertThat(db.dsl().connectionResult(UpgradeFromReleasesTest::snapshot)).isEqualTo(after);
            assertRepositoriesRead(db, made.getProperty("login"), before);
        }
        assertThat(backups(data)).isEqualTo(copies);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aDatabaseFromAFutureVersionIsRefusedAndLeftAsItWas(Fixture fixture) throws Exception {
        Path data = dir.resolve("data");
        Properties made = fixture.unzipTo(data);
        DatabaseKey key = signIn(data, made);
        encrypt(data, key);
        try (Connection connection = DriverManager.getConnection(url(data) + ";CIPHER=AES", "sa", key.h2Password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " SELECT MAX(\"installed_rank\") + 1, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql',"
                    + " 0, 'sa', 0, TRUE FROM \"flyway_schema_history\"");
        }
        Map<String, String> files = contents(data);

        assertThatThrownBy(() -> CercleDatabase.open(data, CLOCK, key))
                .isInstanceOf(NewerDatabaseException.class)
                .satisfies(e -> assertThat(((NewerDatabaseException) e).databaseVersion()).isEqualTo("9999"));

        assertThat(contents(data)).as("the data folder's files and their SHA-256, byte for byte").isEqualTo(files);
    }

    /** Every row of every table of the old schema is still there, with the same values in the columns it had. */
    private static void assertKeepsEveryRow(Map<String, Table> before, Map<String, Table> after) {
        for (Table old : before.values()) {
            if (DELIBERATELY_CHANGED.containsKey(old.name())) {
                continue;
            }
            Table now = after.get(old.name());
            assertThat(now).as("table %s after the upgrade", old.name()).isNotNull();
            List<String> compared = old.columns().stream()
                    .filter(c -> !DELIBERATELY_CHANGED.containsKey(old.name() + "." + c)).toList();
            assertThat(now.columns()).as("columns of %s after the upgrade", old.name()).containsAll(compared);

            Map<List<Object>, Integer> remaining = new HashMap<>();
            for (Map<String, Object> row : now.rows()) {
                remaining.merge(project(row, compared), 1, Integer::sum);
            }
            List<List<Object>> lost = new ArrayList<>();
            for (Map<String, Object> row : old.rows()) {
                List<Object> values = project(row, compared);
                if (remaining.merge(values, -1, Integer::sum) < 0) {
                    lost.add(values);
                }
            }
            assertThat(lost).as("rows of %s (%s) lost or changed by the upgrade; %d rows before, %d after",
                    old.name(), compared, old.rows().size(), now.rows().size()).isEmpty();
        }
    }

    private static List<Object> project(Map<String, Object> row, List<String> columns) {
        List<Object> values = new ArrayList<>(columns.size());
        columns.forEach(c -> values.add(row.get(c)));
        return values;
    }

    /**
     * The running totals of the contributions (V19, then the write path) equal those computed here, in
     * Java, from the contributions read before the upgrade.
     */
    private static void assertTotalsAsFromScratch(Map<String, Table> before, Map<String, Table> after) {
        Table contributions = before.get("CONTRIBUTION");
        assertThat(contributions).as("contributions in the fixture").isNotNull();
        assertThat(contributions.rows()).as("contributions in the fixture").isNotEmpty();

        Map<List<Object>, Long> fileMonths = new HashMap<>();
        Map<LocalDate, Long> months = new HashMap<>();
        Map<UUID, LocalDate> lastContacts = new HashMap<>();
        Set<UUID> files = new HashSet<>();
        Map<UUID, LocalDate> helpers = new HashMap<>();
        for (Map<String, Object> c : contributions.rows()) {
            UUID file = (UUID) c.get("BENEFICIARY_ID");
            LocalDate on = (LocalDate) c.get("CONTRIBUTED_ON");
            long minutes = (Long) c.get("MINUTES");
            LocalDate month = on.withDayOfMonth(1);
            fileMonths.merge(List.of(file, month), minutes, Long::sum);
            months.merge(month, minutes, Long::sum);
            files.add(file);
            if ((Boolean) c.get("CONTACT_MADE")) {
                lastContacts.merge(file, on, (a, b) -> a.isAfter(b) ? a : b);
            }
            helpers.merge((UUID) c.get("HELPER_ID"), on, (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<UUID, LocalDate> fileActivity = new HashMap<>();
        files.forEach(f -> fileActivity.put(f, lastContacts.get(f)));

        assertThat(rowsAsMap(after, "FILE_MONTH_MINUTES", r -> List.of(r.get("BENEFICIARY_ID"), r.get("MONTH_START")), "MINUTES"))
                .as("each file's minutes per month").isEqualTo(fileMonths);
        assertThat(rowsAsMap(after, "MONTH_MINUTES", r -> r.get("MONTH_START"), "MINUTES"))
                .as("the structure's minutes per month").isEqualTo(months);
        assertThat(rowsAsMap(after, "FILE_ACTIVITY", r -> r.get("BENEFICIARY_ID"), "LAST_CONTACT_ON"))
                .as("each file's last contact").isEqualTo(fileActivity);
        assertThat(rowsAsMap(after, "HELPER_ACTIVITY", r -> r.get("HELPER_ID"), "LAST_CONTRIBUTION_ON"))
                .as("each helper's last contribution").isEqualTo(helpers);
    }

    private static Map<Object, Object> rowsAsMap(Map<String, Table> snapshot, String table,
                                                 java.util.function.Function<Map<String, Object>, Object> key, String value) {
        Map<Object, Object> map = new HashMap<>();
        for (Map<String, Object> row : snapshot.get(table).rows()) {
            assertThat(map.containsKey(key.apply(row))).as("%s: one row per key", table).isFalse();
            map.put(key.apply(row), row.get(value));
        }
        return map;
    }

    /** The account the release recorded signs in, and reads every file, helper, need, contribution and circle. */
    private static void assertRepositoriesRead(CercleDatabase db, String login, Map<String, Table> before) {
        Viewer viewer = new AccountRepository(db.dsl(), CLOCK).viewer(login);
        BeneficiaryRepository beneficiaries = new BeneficiaryRepository(db.dsl(), db.writer(), CLOCK, viewer);
        HelperRepository helpers = new HelperRepository(db.dsl(), db.writer(), CLOCK, viewer);
        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), CLOCK, viewer);
        ContributionRepository contributions = new ContributionRepository(db.dsl(), db.writer(), CLOCK, viewer);
        CircleRepository circles = new CircleRepository(db.dsl(), db.writer(), CLOCK, viewer);

        Map<UUID, Object> people = column(before, "BENEFICIARY", "LAST_NAME");
        assertThat(people).as("people in the fixture").isNotEmpty();
        assertThat(beneficiaries.summaries()).extracting(s -> s.id().value())
                .containsExactlyInAnyOrderElementsOf(people.keySet());
        people.forEach((id, lastName) -> assertThat(beneficiaries.find(new BeneficiaryId(id)))
                .hasValueSatisfying(b -> assertThat(b.lastName()).isEqualTo(lastName)));

        Map<UUID, Object> helperNames = column(before, "HELPER", "LAST_NAME");
        assertThat(helpers.all()).extracting(h -> h.id().value()).containsExactlyInAnyOrderElementsOf(helperNames.keySet());

        Map<UUID, Long> needsPerFile = countPerFile(before, "NEED");
        Map<UUID, Long> contributionsPerFile = countPerFile(before, "CONTRIBUTION");
        Map<UUID, Set<UUID>> matched = new HashMap<>();
        before.get("NEED").rows().stream().filter(n -> "MATCHED".equals(n.get("STATUS")) && n.get("HELPER_ID") != null)
                .forEach(n -> matched.computeIfAbsent((UUID) n.get("BENEFICIARY_ID"), f -> new HashSet<>())
                        .add((UUID) n.get("HELPER_ID")));
        assertThat(matched).as("people with a matched helper in the fixture").isNotEmpty();
        for (UUID id : people.keySet()) {
            BeneficiaryId file = new BeneficiaryId(id);
            assertThat(needs.ofFile(file)).as("needs of %s", id).hasSize(needsPerFile.getOrDefault(id, 0L).intValue());
            assertThat(contributions.ofFile(file)).as("contributions of %s", id)
                    .hasSize(contributionsPerFile.getOrDefault(id, 0L).intValue());
            Circle circle = circles.of(file).orElseThrow();
            assertThat(circle.members()).extracting(m -> m.helper().value()).as("circle of %s", id)
                    .containsExactlyInAnyOrderElementsOf(matched.getOrDefault(id, Set.of()));
            assertThat(circle.members()).extracting(CircleMember::name).doesNotContainNull();
        }
    }

    private static Map<UUID, Object> column(Map<String, Table> snapshot, String table, String column) {
        Map<UUID, Object> values = new HashMap<>();
        snapshot.get(table).rows().forEach(r -> values.put((UUID) r.get("ID"), r.get(column)));
        return values;
    }

    private static Map<UUID, Long> countPerFile(Map<String, Table> snapshot, String table) {
        return snapshot.get(table).rows().stream()
                .collect(Collectors.groupingBy(r -> (UUID) r.get("BENEFICIARY_ID"), Collectors.counting()));
    }

    // --- the fixture and its database ---

    /** One release's data folder, zipped. */
    record Fixture(Path zip) {
        /** Unzips the database, the keyring and {@code fixture.properties} (which it returns) into the folder. */
        Properties unzipTo(Path folder) throws IOException {
            Files.createDirectories(folder);
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    if (entry.getName().equals("fixture.properties")) {
                        properties.load(entries);
                    } else {
                        Files.copy(entries, folder.resolve(Path.of(entry.getName()).getFileName()));
                    }
                }
            }
            assertThat(folder.resolve(DB_FILE)).exists();
            assertThat(properties.getProperty("schema")).as("%s: fixture.properties", this).isNotNull();
            return properties;
        }

        @Override
        public String toString() {
            return zip.getFileName().toString();
        }
    }

    /** Signs in as the account the release made, with the release's keyring: the key to the database. */
    private static DatabaseKey signIn(Path data, Properties made) {
        return Keyring.load(data).unlock(made.getProperty("login"), made.getProperty("password").toCharArray(), CLOCK.instant());
    }

    /**
     * Encrypts the file again with the key of its keyring: the release made it encrypted; the fixture
     * keeps it decrypted because an encrypted file does not compress.
     */
    private static void encrypt(Path data, DatabaseKey key) throws SQLException {
        ChangeFileEncryption.execute(data.toString(), CercleDatabase.FILE_NAME, "AES", null,
                key.h2Password().strip().toCharArray(), true);
    }

    private static String url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve(CercleDatabase.FILE_NAME).toAbsolutePath();
    }

    private static Map<String, Table> plainSnapshot(Path data) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(data), "sa", "")) {
            return snapshot(connection);
        }
    }

    /** Every table of the H2 backup {@code zip} (encrypted with {@code key}), read from a copy. */
    private Map<String, Table> snapshotOfCopy(Path zip, DatabaseKey key) throws IOException, SQLException {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Files.copy(entries, copy.resolve(Path.of(entry.getName()).getFileName()));
            }
        }
        try (Connection connection = DriverManager.getConnection(url(copy) + ";CIPHER=AES", "sa", key.h2Password())) {
            return snapshot(connection);
        }
    }

    /** Every row of every table of the schema, by table, as JDBC's metadata describes them. */
    private static Map<String, Table> snapshot(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet tables = meta.getTables(null, "PUBLIC", "%", null)) {
            while (tables.next()) {
                String type = tables.getString("TABLE_TYPE");
                if ("TABLE".equals(type) || "BASE TABLE".equals(type)) {
                    names.add(tables.getString("TABLE_NAME"));
                }
            }
        }
        Map<String, Table> snapshot = new TreeMap<>();
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM \"PUBLIC\".\"" + name + "\"")) {
                ResultSetMetaData columns = rows.getMetaData();
                List<String> columnNames = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    columnNames.add(columns.getColumnName(i));
                }
                List<Map<String, Object>> read = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columnNames.size(); i++) {
                        row.put(columnNames.get(i - 1), comparable(rows.getObject(i)));
                    }
                    read.add(row);
                }
                read.sort((a, b) -> a.toString().compareTo(b.toString()));
                snapshot.put(name, new Table(name, columnNames, read));
            }
        }
        return snapshot;
    }

    /** A value that compares by content, whatever width a later migration gave its column. */
    private static Object comparable(Object value) throws SQLException {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Blob blob) {
            return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Array array) {
            List<Object> elements = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                elements.add(comparable(element));
            }
            return elements;
        }
        return value;
    }

    private static int schemaOf(Map<String, Table> snapshot) {
        return snapshot.get("flyway_schema_history").rows().stream()
                .filter(r -> Boolean.TRUE.equals(r.get("success")) && r.get("version") != null)
                .mapToInt(r -> Integer.parseInt((String) r.get("version"))).max().orElseThrow();
    }

    /** The highest version among this program's migrations. */
    private static int latestMigration() throws IOException, URISyntaxException {
        Path folder = Path.of(CercleDatabase.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> MIGRATION.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
    }

    private static List<Path> backups(Path data) throws IOException {
        Path folder = data.resolve(CercleDatabase.BACKUP_FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** Each file of the folder, and its content's SHA-256. */
    private static Map<String, String> contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, String> contents = new TreeMap<>();
            files.filter(Files::isRegularFile).forEach(p -> {
                try {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                    contents.put(folder.relativize(p).toString(), HexFormat.of().formatHex(digest));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
            return contents;
        }
    }

    /** One table's columns and rows (sorted, so that two reads of the same data are equal). */
    record Table(String name, List<String> columns, List<Map<String, Object>> rows) {
    }
}
