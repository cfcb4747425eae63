package fr.cercle.app.bench;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.alert.AlertSettings;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.dashboard.Dashboard;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.matching.Matcher;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.alert.AlertRepository;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.dashboard.DashboardRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.need.NeedRepository;
import org.jooq.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Measurement 6: a caseworker's day on a large structure (issue 5): loading the dashboard, opening a
 * circle, ranking the candidates for one need, computing the alerts; target, a median under 200 ms each.
 * Each is measured through Cercle's repository, side by side with raw JDBC running the same SQL on the
 * same connection pool and reading every column into nothing (the stack's limit), alternating which
 * goes first. A new measurement is one method returning a {@link Measurement}, added to {@link #all}.
 */
final class ActivityBenchmark {

    static final double TARGET_MS = 200;

    /** What is measured: Cercle's call and its raw JDBC limit, each given the index of the sample. */
    record Measurement(String what, int warmup, int samples, Sample cercle, Sample raw) {
    }

    @FunctionalInterface
    interface Sample {
        Object run(int i) throws Exception;
    }

    private final CercleDatabase db;
    private final ConnectionProvider connections;
    private final Viewer coordinator;
    private final Viewer caseworker;
    private final LocalDate today;
    private final List<BeneficiaryId> circles = new ArrayList<>();
    private final List<NeedId> openNeeds = new ArrayList<>();

    ActivityBenchmark(CercleDatabase db) {
        this.db = db;
        this.connections = db.dsl().configuration().connectionProvider();
        this.today = LocalDate.now(db.clock());
        this.coordinator = new Viewer("bench", Optional.of(new StaffId(UUID.randomUUID())),
                Set.of(Role.ADMINISTRATOR, Role.COORDINATOR), Set.of(Domain.values()));
        // The caseworker with the largest caseload in one domain: a heavy caseworker's dashboard.
        var busiest = db.dsl().fetchOne("SELECT referent_id, COUNT(*) FROM beneficiary WHERE referent_id IS NOT NULL"
                + " AND domains LIKE '%\"ELDERLY\"%' GROUP BY referent_id ORDER BY 2 DESC LIMIT 1");
        this.caseworker = new Viewer("caseworker", Optional.of(new StaffId(busiest.get(0, UUID.class))),
                Set.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));
        Random random = new Random(42);
        List<UUID> withNeeds = db.dsl().fetch("SELECT DISTINCT beneficiary_id FROM need").getValues(0, UUID.class);
        for (int i = 0; i < 500; i++) {
            circles.add(new BeneficiaryId(withNeeds.get(random.nextInt(withNeeds.size()))));
        }
        List<UUID> open = db.dsl().fetch("SELECT id FROM need WHERE status = 'OPEN'").getValues(0, UUID.class);
        for (int i = 0; i < 100; i++) {
            openNeeds.add(new NeedId(open.get(random.nextInt(open.size()))));
        }
    }

    /** Every measurement of this section, in the order of the table. */
    List<Measurement> all() {
        List<Measurement> all = new ArrayList<>();
        all.add(dashboard("Loading the dashboard, coordinator (the whole structure)", coordinator));
        all.add(dashboard("Loading the dashboard, the caseworker with the largest caseload", caseworker));
        all.add(circle());
        all.add(candidates());
        all.add(candidatesUnfiltered());
        all.add(alerts("Computing the alerts, coordinator (the whole structure)", coordinator));
        all.add(alerts("Computing the alerts, the caseworker with the largest caseload", caseworker));
        return all;
    }

    void run(Report report) throws Exception {
        report.line("\nThe database: " + count("beneficiary") + " beneficiaries, " + count("helper") + " helpers, "
                + count("need") + " needs, " + count("contribution") + " contributions, " + count("follow_up")
                + " follow-ups. Viewer: a coordinator, unless the line says otherwise. Times in ms.");
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : all()) {
            Report.progress("Measuring: " + m.what());
            List<Double> cercle = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            for (int i = 0; i < m.warmup() + m.samples(); i++) {
                boolean measured = i >= m.warmup();
                for (int side = 0; side < 2; side++) {
                    boolean cercleSide = (side == 0) == (i % 2 == 0);
                    long t = System.nanoTime();
                    Object result = (cercleSide ? m.cercle() : m.raw()).run(i);
                    double elapsed = Stats.millisSince(t);
                    if (result == null) {
                        throw new IllegalStateException(m.what() + " gave nothing");
                    }
                    if (measured) {
                        (cercleSide ? cercle : raw).add(elapsed);
                    }
                }
            }
            Stats a = Stats.of(cercle);
            Stats b = Stats.of(raw);
            rows.add(List.of(m.what(), String.valueOf(a.count()), Stats.ms(a.median()), Stats.ms(a.p95()), Stats.ms(a.max()),
                    Stats.ms(b.median()), Stats.ms(b.p95()), Stats.ms(b.max()), Stats.ratio(a.median(), b.median()),
                    a.median() < TARGET_MS ? "met" : "missed"));
        }
        report.table(List.of("What", "n", "Cercle median", "p95", "max", "Raw JDBC median", "p95", "max",
                "Cercle / raw", "target (median < 200 ms)"), rows);
        breakdown(report);
    }

    /** The dashboard's load, {@link DashboardRepository#load()}, against its seven queries in raw JDBC. */
    Measurement dashboard(String what, Viewer viewer) {
        DashboardRepository repository = new DashboardRepository(db.dsl(), db.clock(), viewer);
        return new Measurement(what, Integer.getInteger("bench.dashboard.warmup", 3), Integer.getInteger("bench.dashboard.samples", 21),
                i -> repository.load(), i -> rawDashboard(viewer));
    }

    /**
     * Opening a circle, as the circle's page reads it today: the file's needs, the help received and
     * the follow-ups (each repository checks the file may be read first). The richer circle query
     * replaces this method's first side when it exists.
     */
    Measurement circle() {
        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), db.clock(), coordinator);
        ContributionRepository contributions = new ContributionRepository(db.dsl(), db.writer(), db.clock(), coordinator);
        return new Measurement("Opening a circle: `NeedRepository.ofFile`, `ContributionRepository.ofFile` and `followUps`"
                + " of a random person with a need", 50, Integer.getInteger("bench.circle.samples", 300),
                i -> {
                    BeneficiaryId id = circles.get(i % circles.size());
                    return needs.ofFile(id).size() + contributions.ofFile(id).size() + contributions.followUps(id).size();
                },
                i -> {
                    UUID id = circles.get(i % circles.size()).value();
                    int read = 0;
                    for (int check = 0; check < 3; check++) {
                        read += rows("SELECT * FROM beneficiary WHERE id = ?", id);
                    }
                    read += rows("SELECT * FROM need WHERE beneficiary_id = ? ORDER BY opened_on, id", id);
                    read += rows("SELECT * FROM contribution WHERE beneficiary_id = ? ORDER BY contributed_on DESC, created_at DESC", id);
                    read += rows("SELECT * FROM follow_up WHERE beneficiary_id = ? ORDER BY status DESC, due_on", id);
                    return read;
                });
    }

    /**
     * Ranking the ten best candidates for a random open need ({@code NeedRepository.candidates}: the
     * helpers the matcher would not refuse outright, filtered in SQL with the ranking's first two keys,
     * then those up to the tenth's keys read whole with their load and ranked by the model's matcher).
     * The raw limit runs the same SQL (the file and its commune, the keys, the cut in plain Java, the
     * helpers kept read whole) and ranks nothing.
     */
    Measurement candidates() {
        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), db.clock(), coordinator);
        List<Need> sample = openNeeds.stream().map(id -> needs.find(id).orElseThrow()).toList();
        return new Measurement("Ranking the candidates for one open need: `NeedRepository.candidates(need, 10)`", 5,
                Integer.getInteger("bench.candidates.samples", 31),
                i -> needs.candidates(sample.get(i % sample.size()), 10),
                i -> rawCandidates(sample.get(i % sample.size()), 10));
    }

    /** The SQL {@code NeedRepository.candidates} sends for the need, in raw JDBC, values inlined. */
    private int rawCandidates(Need need, int limit) throws SQLException {
        int read = rows("SELECT * FROM beneficiary WHERE id = ?", need.beneficiary().value());
        String[] home = null;
        Connection c = connections.acquire();
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.insee_code, c.epci_code, c.department FROM beneficiary b"
                    + " JOIN commune c ON c.insee_code = b.commune_insee WHERE b.id = ?")) {
                ps.setObject(1, need.beneficiary().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        home = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
                    }
                }
            }
            StringBuilder covered = new StringBuilder("0");
            for (var skill : need.requiredSkills()) {
                covered.append(" + CASE WHEN ").append(hasSkill(skill.name())).append(" THEN 1 ELSE 0 END");
            }
            String band = home == null ? "3" : "CASE WHEN c.insee_code = '" + home[0] + "' THEN 0"
                    + (home[1] == null ? "" : " WHEN c.epci_code = '" + home[1] + "' THEN 1")
                    + " WHEN c.department = '" + home[2] + "' THEN 2 ELSE 3 END";
            List<long[]> keys = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.id, " + covered + ", " + band
                    + " FROM helper h LEFT JOIN commune c ON c.insee_code = h.commune_insee WHERE " + preFilterSql(need));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new long[] {ids.size(), -rs.getInt(2), rs.getInt(3)});
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            java.util.Comparator<long[]> order = java.util.Comparator.<long[]>comparingLong(k -> k[1]).thenComparingLong(k -> k[2]);
            keys.sort(order);
            long[] last = keys.size() > limit ? keys.get(limit - 1) : null;
            StringBuilder kept = new StringBuilder();
            for (long[] key : keys) {
                if (last == null || order.compare(key, last) <= 0) {
                    kept.append(kept.length() == 0 ? "'" : ", '").append(ids.get((int) key[0])).append("'");
                }
            }
            read += keys.size();
            if (kept.length() > 0) {
                read += rows("SELECT h.*, " + LOAD + " FROM helper h WHERE h.id IN (" + kept + ") AND " + preFilterSql(need), null);
            }
        } finally {
            connections.release(c);
        }
        return read;
    }

    private static final String LOAD = "(SELECT COUNT(*) FROM need n WHERE n.helper_id = h.id AND n.status = 'MATCHED')";

    /** The pre-filter {@code NeedRepository.offers} sends for the need, values inlined. */
    private static String preFilterSql(Need need) {
        StringBuilder sql = new StringBuilder("h.status = 'ACTIVE' AND (");
        String or = "";
        for (var skill : need.requiredSkills()) {
            sql.append(or).append(hasSkill(skill.name()));
            or = " OR ";
        }
        sql.append(")");
        if (need.backgroundCheckRequired()) {
            sql.append(" AND h.background_check_status = 'VALID'");
        }
        return sql.append(" AND ").append(LOAD).append(" < h.max_commitments").toString();
    }

    private static String hasSkill(String skill) {
        return "h.skills LIKE '%\"" + skill.replace("_", "!_") + "\"%' ESCAPE '!'";
    }

    /**
     * The same ranking as it was before the SQL pre-filter, for comparison in the same run: every
     * helper the viewer may see read whole with every load, ranked by the matcher; its raw limit reads
     * the same rows (the file, every helper, the loads).
     */
    Measurement candidatesUnfiltered() {
        NeedRepository needs = new NeedRepository(db.dsl(), db.writer(), db.clock(), coordinator);
        HelperRepository helpers = new HelperRepository(db.dsl(), db.writer(), db.clock(), coordinator);
        BeneficiaryRepository files = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), coordinator);
        CommuneRepository communes = new CommuneRepository(db.dsl());
        List<Need> sample = openNeeds.stream().map(id -> needs.find(id).orElseThrow()).toList();
        return new Measurement("Before the pre-filter (for comparison): every helper and every load read, ranked by the"
                + " `Matcher`", 5, Integer.getInteger("bench.candidates.samples", 31),
                i -> {
                    Need need = sample.get(i % sample.size());
                    var file = files.find(need.beneficiary()).orElseThrow();
                    Map<HelperId, Integer> load = needs.commitments();
                    List<Matcher.Offer> offers = helpers.all().stream()
                            .map(h -> new Matcher.Offer(h, load.getOrDefault(h.id(), 0))).toList();
                    Map<InseeCode, Optional<Commune>> cache = new HashMap<>();
                    return new Matcher(code -> cache.computeIfAbsent(code, communes::find), today,
                            fr.cercle.model.helper.BackgroundCheck.DEFAULT_YEARS)
                            .rank(need, file.address() == null ? null : file.address().commune(), offers, 10);
                },
                i -> rows("SELECT * FROM beneficiary WHERE id = ?", sample.get(i % sample.size()).beneficiary().value())
                        + rows("SELECT * FROM helper", null)
                        + rows("SELECT helper_id, COUNT(*) FROM need WHERE status = 'MATCHED' AND helper_id IS NOT NULL"
                        + " GROUP BY helper_id", null));
    }

    /**
     * Computing the day's alerts, {@link AlertRepository#current}, with the default thresholds, against
     * its six queries in raw JDBC (the same SQL, thresholds inlined, every row read, nothing built).
     */
    Measurement alerts(String what, Viewer viewer) {
        AlertRepository repository = new AlertRepository(db.dsl(), db.clock(), viewer);
        AlertSettings settings = AlertSettings.defaults();
        return new Measurement(what, Integer.getInteger("bench.alerts.warmup", 3), Integer.getInteger("bench.alerts.samples", 21),
                i -> repository.current(settings, today), i -> rawAlerts(viewer, settings));
    }

    private Object rawAlerts(Viewer viewer, AlertSettings settings) throws SQLException {
        boolean scoped = !viewer.has(Role.COORDINATOR);
        String files = scoped ? " AND b.referent_id = ? AND b.domains LIKE '%\"ELDERLY\"%'" : "";
        Object p = scoped ? viewer.staff().orElseThrow().value() : null;
        int shortest = java.util.Arrays.stream(Domain.values()).mapToInt(settings::noContactDays).min().orElseThrow();
        String shortestDay = "DATE '" + today.minusDays(shortest) + "'";
        String madeBefore = "TIMESTAMP WITH TIME ZONE '" + today.minusDays(shortest).atStartOfDay(db.clock().getZone())
                .toOffsetDateTime() + "'";
        String inactiveFrom = "DATE '" + today.minusDays(settings.helperInactiveDays()) + "'";
        LocalDate horizon = today.plusDays(settings.expiryNoticeDays());
        int read = rows("SELECT b.id, b.first_name, b.last_name, b.domains, b.created_at, a.last_contact_on FROM beneficiary b"
                + " LEFT JOIN file_activity a ON a.beneficiary_id = b.id WHERE b.status = 'ACTIVE'" + files
                + " AND b.created_at < " + madeBefore + " AND (a.last_contact_on IS NULL OR a.last_contact_on < " + shortestDay + ")", p);
        read += rows("SELECT b.id, b.first_name, b.last_name, MIN(f.due_on) FROM follow_up f JOIN beneficiary b ON b.id = f.beneficiary_id"
                + " WHERE f.status = 'OPEN' AND f.due_on < DATE '" + today + "' AND b.status <> 'CLOSED'" + files
                + " GROUP BY b.id, b.first_name, b.last_name", p);
        read += rows("SELECT b.id, b.first_name, b.last_name, n.opened_on, n.kind FROM need n JOIN beneficiary b ON b.id = n.beneficiary_id"
                + " WHERE n.status = 'OPEN' AND n.opened_on <= DATE '" + today.minusDays(settings.needUnmetDays()) + "'"
                + " AND b.status = 'ACTIVE'" + files, p);
        read += rows("SELECT h.id, h.first_name, h.last_name, h.created_at, a.last_contribution_on FROM helper h"
                + " LEFT JOIN helper_activity a ON a.helper_id = h.id WHERE h.status = 'ACTIVE' AND h.created_at < TIMESTAMP WITH TIME ZONE '"
                + today.minusDays(settings.helperInactiveDays()).atStartOfDay(db.clock().getZone()).toOffsetDateTime() + "'"
                + " AND (a.last_contribution_on IS NULL OR a.last_contribution_on < " + inactiveFrom + ")", null);
        read += rows("SELECT b.id, b.first_name, b.last_name, b.birth_date, b.consent_date FROM beneficiary b WHERE b.status = 'ACTIVE'"
                + files + " AND b.consent_date IS NOT NULL AND b.consent_withdrawn_on IS NULL AND (b.consent_date <= DATE '"
                + horizon.minusYears(settings.consentYears()) + "' OR (DATEADD(YEAR, 18, b.birth_date)"
                + " > b.consent_date AND b.birth_date <= DATE '" + horizon.minusYears(18) + "'))", p);
        read += rows("SELECT id, first_name, last_name, background_check_date FROM helper WHERE status <> 'LEFT'"
                + " AND background_check_status = 'VALID' AND background_check_date <= DATE '"
                + horizon.minusYears(settings.backgroundCheckYears()) + "'", null);
        return read;
    }

    /** The raw JDBC time of each of the dashboard's queries alone, coordinator, to see where the time goes. */
    private void breakdown(Report report) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        for (String[] query : dashboardQueries("")) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                long t = System.nanoTime();
                rows(query[1], null);
                if (i >= 3) {
                    times.add(Stats.millisSince(t));
                }
            }
            Stats s = Stats.of(times);
            rows.add(List.of(query[0], Stats.ms(s.median()), Stats.ms(s.max())));
        }
        report.line("\nThe dashboard's queries one by one, raw JDBC, coordinator (10 runs after 3):");
        report.table(List.of("Query", "median", "max"), rows);
    }

    private Object rawDashboard(Viewer viewer) throws SQLException {
        String scope = "";
        List<Object> parameters = List.of();
        if (!viewer.has(Role.COORDINATOR)) {
            scope = " AND beneficiary_id IN (SELECT id FROM beneficiary WHERE referent_id = ? AND domains LIKE '%\"ELDERLY\"%')";
            parameters = List.of(viewer.staff().orElseThrow().value());
        }
        int read = 0;
        for (String[] query : dashboardQueries(scope)) {
            read += rows(query[1], query.length > 2 ? parameters.get(0) : null);
        }
        return read;
    }

    /**
     * The dashboard's SQL as {@code DashboardRepository} sends it, dates inlined; {@code scope} limits the
     * records to the files of a caseworker (its parameter, the referent, marked by a third element).
     */
    private List<String[]> dashboardQueries(String scope) {
        YearMonth month = YearMonth.from(today);
        String since = "DATE '" + month.minusMonths(Dashboard.TREND_MONTHS - 1L).atDay(1) + "'";
        String until = "DATE '" + month.atEndOfMonth() + "'";
        String year = "DATE '" + today.minusMonths(Dashboard.TREND_MONTHS) + "'";
        String contactSince = "DATE '" + today.minusDays(Dashboard.DEFAULT_NO_CONTACT_DAYS) + "'";
        String todayLiteral = "DATE '" + today + "'";
        boolean scoped = !scope.isEmpty();
        String files = scoped ? " AND referent_id = ? AND domains LIKE '%\"ELDERLY\"%'" : "";
        String p = scoped ? "p" : null;
        List<String[]> queries = new ArrayList<>();
        queries.add(withParameter(p, "active per domain", "SELECT COUNT(*), COUNT(CASE WHEN domains LIKE '%\"ELDERLY\"%' THEN 1 END),"
                + " COUNT(CASE WHEN domains LIKE '%\"HEALTH\"%' THEN 1 END), COUNT(CASE WHEN domains LIKE '%\"SCHOOL\"%' THEN 1 END)"
                + " FROM beneficiary WHERE status = 'ACTIVE'" + files));
        queries.add(new String[]{"active helpers", "SELECT COUNT(*) FROM helper WHERE status = 'ACTIVE'"});
        queries.add(withParameter(p, "unmet needs", "SELECT COUNT(*) FROM need WHERE status = 'OPEN'" + scope));
        queries.add(withParameter(p, "matched in 12 months, median days", "SELECT COUNT(*), MEDIAN(DATEDIFF(DAY, opened_on, matched_on))"
                + " FROM need WHERE matched_on IS NOT NULL AND matched_on > " + year + scope));
        queries.add(withParameter(p, "beyond the no-contact threshold", "SELECT COUNT(*) FROM beneficiary b WHERE status = 'ACTIVE'" + files
                + " AND b.id NOT IN (SELECT beneficiary_id FROM file_activity WHERE last_contact_on > " + contactSince + ")"));
        queries.add(withParameter(p, "follow-ups due", "SELECT COUNT(*) FROM follow_up WHERE status = 'OPEN' AND due_on <= "
                + todayLiteral + scope));
        queries.add(scoped
                ? withParameter(p, "hours per month, 12 months", "SELECT month_start, SUM(minutes) FROM file_month_minutes"
                + " WHERE month_start BETWEEN " + since + " AND " + until + scope + " GROUP BY month_start")
                : new String[]{"hours per month, 12 months", "SELECT month_start, minutes FROM month_minutes"
                + " WHERE month_start BETWEEN " + since + " AND " + until});
        return queries;
    }

    private static String[] withParameter(String parameter, String name, String sql) {
        return parameter == null ? new String[]{name, sql} : new String[]{name, sql, parameter};
    }

    /** Runs the SQL with one optional parameter and reads every column of every row; returns the rows. */
    private int rows(String sql, Object parameter) throws SQLException {
        Connection c = connections.acquire();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                int rows = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
                return rows;
            }
        } finally {
            connections.release(c);
        }
    }

    private String count(String table) {
        return String.format(Locale.ROOT, "%,d", ((Number) db.dsl().fetchValue("SELECT COUNT(*) FROM " + table)).longValue());
    }
}
