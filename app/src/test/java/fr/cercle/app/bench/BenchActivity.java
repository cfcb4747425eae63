package fr.cercle.app.bench;

import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.FollowUp;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.write.JsonValues;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The activity of a large structure for the benchmarks, written in bulk: needs for about a third of the
 * active people (two thirds of them matched with a helper who has the skill, in the same commune when
 * one has room), then {@code contributions} visits, calls and sessions spread over the matched needs
 * from their matching day (at most a year back, as the model allows) to today, and the follow-ups their
 * rare concerns open.
 * <p>
 * The rows are the ones the repositories write (same columns, same JSON, same names of enums, ids as
 * version-4 UUIDs, audit columns filled), but they are inserted with plain JDBC batches of 1,000, in
 * transactions of 50,000 rows, without their change-journal entries: writing two million contributions
 * one journaled save at a time would take hours, and what is measured here (dashboard, circle,
 * matching) reads the tables, not the journal. Deterministic for a seed, except the audit timestamps.
 */
final class BenchActivity {

    private static final int BATCH = 1_000;
    private static final int COMMIT = 50_000;
    private static final List<NeedKind> ELDERLY = List.of(NeedKind.VISIT, NeedKind.VISIT, NeedKind.CALL, NeedKind.SHOPPING,
            NeedKind.PAPERWORK);
    private static final List<NeedKind> HEALTH = List.of(NeedKind.TRANSPORT, NeedKind.ACCOMPANIMENT, NeedKind.PEER_SUPPORT);
    private static final List<NeedKind> SCHOOL = List.of(NeedKind.HOMEWORK_HELP, NeedKind.MENTORING);
    private static final List<Frequency> FREQUENCIES = List.of(Frequency.WEEKLY, Frequency.WEEKLY, Frequency.TWICE_A_WEEK,
            Frequency.EVERY_TWO_WEEKS);

    /** The contribution table's secondary indexes, as the migrations (V13, V15, V16) make them. */
    private static final Map<String, String> CONTRIBUTION_INDEXES = new java.util.LinkedHashMap<>(Map.of(
            "contribution_beneficiary", "(beneficiary_id, contributed_on)",
            "contribution_helper", "(helper_id, contributed_on)",
            "contribution_helper_day", "(contributed_on, helper_id)",
            "contribution_day", "(contributed_on, contact_made, beneficiary_id, minutes)"));

    private record Person(UUID id, String commune, Set<Domain> domains, boolean minor, UUID referent) {
    }

    private record HelperRow(UUID id, String commune, Set<Skill> skills, int max) {
    }

    private record MatchedNeed(UUID id, UUID person, UUID helper, NeedKind kind, LocalDate from, UUID referent) {
    }

    private final CercleDatabase db;
    private final SplittableRandom random;
    private final UUID author;
    private final LocalDate today;
    private final OffsetDateTime now = OffsetDateTime.now();

    BenchActivity(CercleDatabase db, long seed, UUID author) {
        this.db = db;
        this.random = new SplittableRandom(seed);
        this.author = author;
        this.today = LocalDate.now(db.clock());
    }

    /** Writes the needs, then {@code contributions} contributions and their follow-ups; returns the counts written. */
    String generate(int contributions) throws SQLException {
        Connection c = db.dsl().configuration().connectionProvider().acquire();
        try {
            c.setAutoCommit(false);
            // A bulk load: a cache that holds the indexes, and the contributions' secondary indexes built
            // once at the end rather than kept up to date row by row (random UUIDs in 2,000,000 rows).
            int cache;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                         + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
                cache = rs.next() ? Integer.parseInt(rs.getString(1)) * 1024 : 16_384;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET CACHE_SIZE 1048576");
                for (String index : CONTRIBUTION_INDEXES.keySet()) {
                    s.execute("DROP INDEX IF EXISTS " + index);
                }
            }
            c.commit();
            List<Person> people = people(c);
            List<HelperRow> helpers = helpers(c);
            List<MatchedNeed> matched = needs(c, people, helpers);
            int followUps = contributions(c, matched, contributions);
            c.commit();
            Report.progress("  indexing the contributions");
            try (Statement s = c.createStatement()) {
                for (Map.Entry<String, String> index : CONTRIBUTION_INDEXES.entrySet()) {
                    s.execute("CREATE INDEX " + index.getKey() + " ON contribution " + index.getValue());
                }
                s.execute("SET CACHE_SIZE " + cache); // back to what the application has
            }
            c.commit();
            // The contributions were written beside the write path, which keeps their running totals.
            Report.progress("  the contributions' running totals");
            fr.cercle.persistence.write.ActivityTotals.rebuild(db.dsl());
            return String.format(java.util.Locale.ROOT, "%,d needs matched, %,d contributions, %,d follow-ups",
                    matched.size(), contributions, followUps);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            db.dsl().configuration().connectionProvider().release(c);
        }
    }

    private List<Person> people(Connection c) throws SQLException {
        List<Person> people = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, commune_insee, domains, birth_date, referent_id"
                + " FROM beneficiary WHERE status = ? ORDER BY id")) {
            ps.setString(1, BeneficiaryStatus.ACTIVE.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate birth = rs.getObject(4, LocalDate.class);
                    people.add(new Person(rs.getObject(1, UUID.class), rs.getString(2), Columns.enumSet(Domain.class, rs.getString(3)),
                            birth != null && birth.plusYears(18).isAfter(today), rs.getObject(5, UUID.class)));
                }
            }
        }
        return people;
    }

    private List<HelperRow> helpers(Connection c) throws SQLException {
        List<HelperRow> helpers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, commune_insee, skills, max_commitments FROM helper"
                + " WHERE status = ? ORDER BY id")) {
            ps.setString(1, HelperStatus.ACTIVE.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    helpers.add(new HelperRow(rs.getObject(1, UUID.class), rs.getString(2),
                            Columns.enumSet(Skill.class, rs.getString(3)), rs.getInt(4)));
                }
            }
        }
        return helpers;
    }

    /** One need for about a third of the people, opened in the last two years; two thirds matched. */
    private List<MatchedNeed> needs(Connection c, List<Person> people, List<HelperRow> helpers) throws SQLException {
        Map<String, List<HelperRow>> bySkillAndCommune = new HashMap<>();
        Map<Skill, List<HelperRow>> bySkill = new HashMap<>();
        for (HelperRow h : helpers) {
            for (Skill s : h.skills()) {
                bySkillAndCommune.computeIfAbsent(s + "/" + h.commune(), k -> new ArrayList<>()).add(h);
                bySkill.computeIfAbsent(s, k -> new ArrayList<>()).add(h);
            }
        }
        Map<UUID, Integer> load = new HashMap<>();
        List<MatchedNeed> matched = new ArrayList<>();
        Report.progress("  writing the needs of " + people.size() + " active people");
        try (Batch insert = new Batch(c, "INSERT INTO need (id, beneficiary_id, kind, frequency, slots, extra_skills,"
                + " background_check_required, languages, status, opened_on, helper_id, matched_on, note, created_at,"
                + " created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Person p : people) {
                if (random.nextDouble() >= 0.35) {
                    continue;
                }
                List<NeedKind> kinds = p.domains().contains(Domain.SCHOOL) ? SCHOOL
                        : p.domains().contains(Domain.HEALTH) && random.nextBoolean() ? HEALTH : ELDERLY;
                NeedKind kind = kinds.get(random.nextInt(kinds.size()));
                DayPart part = kind == NeedKind.HOMEWORK_HELP || kind == NeedKind.MENTORING ? DayPart.EVENING : DayPart.AFTERNOON;
                List<String> slots = List.of(new WeeklySlot(DayOfWeek.of(1 + random.nextInt(5)), part).code());
                LocalDate opened = today.minusDays(2 + random.nextInt(700));
                HelperRow helper = null;
                LocalDate matchedOn = null;
                if (random.nextDouble() < 0.65) {
                    helper = pick(bySkillAndCommune.get(kind.skill() + "/" + p.commune()), load);
                    if (helper == null) {
                        helper = pick(bySkill.get(kind.skill()), load);
                    }
                    if (helper != null) {
                        matchedOn = opened.plusDays(random.nextInt((int) Math.min(60, ChronoUnit.DAYS.between(opened, today)) + 1));
                        load.merge(helper.id(), 1, Integer::sum);
                    }
                }
                UUID id = uuid();
                NeedStatus status = helper == null ? NeedStatus.OPEN : NeedStatus.MATCHED;
                insert.add(id, p.id(), kind.name(), FREQUENCIES.get(random.nextInt(FREQUENCIES.size())).name(),
                        JsonValues.array(slots), "[]", p.minor() || kind == NeedKind.MENTORING, JsonValues.array(List.of("fr")),
                        status.name(), opened, helper == null ? null : helper.id(), matchedOn, null,
                        now, author, now, author);
                if (helper != null) {
                    matched.add(new MatchedNeed(id, p.id(), helper.id(), kind, matchedOn, p.referent()));
                }
            }
        }
        return matched;
    }

    /** A helper of the list with room left, tried a few times at random. */
    private HelperRow pick(List<HelperRow> candidates, Map<UUID, Integer> load) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        for (int tries = 0; tries < 5; tries++) {
            HelperRow h = candidates.get(random.nextInt(candidates.size()));
            if (load.getOrDefault(h.id(), 0) < h.max()) {
                return h;
            }
        }
        return null;
    }

    private int contributions(Connection c, List<MatchedNeed> matched, int count) throws SQLException {
        if (matched.isEmpty()) {
            throw new IllegalStateException("No matched need to record contributions for");
        }
        LocalDate oldest = today.minusDays(fr.cercle.model.contribution.Contribution.DAYS_BACK_MAX - 1);
        int followUps = 0;
        try (Batch contributions = new Batch(c, "INSERT INTO contribution (id, beneficiary_id, helper_id, need_id,"
                + " contributed_on, minutes, kind, medium, contact_made, note, concern, created_at, created_by, updated_at,"
                + " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             Batch follow = new Batch(c, "INSERT INTO follow_up (id, beneficiary_id, source_id, referent_id, subject, due_on,"
                     + " status, done_on, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                if (i % 200_000 == 0) {
                    Report.progress("  contributions " + i + " / " + count);
                }
                MatchedNeed need = matched.get(random.nextInt(matched.size()));
                LocalDate from = need.from().isBefore(oldest) ? oldest : need.from();
                LocalDate day = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, today) + 1));
                boolean call = need.kind() == NeedKind.CALL || random.nextDouble() < 0.15;
                boolean contact = random.nextDouble() < 0.9;
                String concern = random.nextDouble() < 0.005 ? "Semble plus fatigué·e que d'habitude" : null;
                UUID id = uuid();
                contributions.add(id, need.person(), need.helper(), need.id(), day, call ? 10 + random.nextInt(30) : 30 + random.nextInt(120),
                        (call ? ContributionKind.CALL : need.kind() == NeedKind.HOMEWORK_HELP || need.kind() == NeedKind.MENTORING
                                ? ContributionKind.SESSION : need.kind() == NeedKind.SHOPPING ? ContributionKind.ERRAND
                                : ContributionKind.VISIT).name(),
                        (call ? Medium.PHONE : Medium.IN_PERSON).name(), contact,
                        random.nextDouble() < 0.3 ? "RAS, bon moment passé ensemble" : null, concern, now, author, now, author);
                if (concern != null) {
                    LocalDate due = day.plusDays(FollowUp.DAYS_TO_ANSWER);
                    boolean done = due.isBefore(today.minusDays(7)) && random.nextDouble() < 0.9;
                    follow.add(uuid(), need.person(), id, need.referent() == null ? author : need.referent(), concern, due,
                            (done ? FollowUpStatus.DONE : FollowUpStatus.OPEN).name(), done ? due.minusDays(random.nextInt(3)) : null,
                            now, author, now, author);
                    followUps++;
                }
            }
        }
        return followUps;
    }

    private UUID uuid() {
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** A prepared insert sent every {@value #BATCH} rows, committed every {@value #COMMIT}. */
    private static final class Batch implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private int pending;
        private int uncommitted;

        Batch(Connection connection, String sql) throws SQLException {
            this.connection = connection;
            this.insert = connection.prepareStatement(sql);
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
            if (++uncommitted == COMMIT) {
                insert.executeBatch();
                pending = 0;
                connection.commit();
                uncommitted = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            connection.commit();
            insert.close();
        }
    }
}
