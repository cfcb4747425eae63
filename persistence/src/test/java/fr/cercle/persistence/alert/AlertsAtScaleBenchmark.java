package fr.cercle.persistence.alert;

import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.agenda.PlannedContact;
import fr.cercle.model.alert.Alert;
import fr.cercle.model.alert.AlertSettings;
import fr.cercle.model.common.Domain;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.agenda.AgendaRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Computing the day's alerts, and a caseworker's week, at a department's scale: 100,000 files,
 * 30,000 helpers, 2,000,000 contributions, 50,000 needs and 20,000 follow-ups, written straight into
 * the tables (not through the journal: what is measured is reading). Run on demand:
 * {@code -Dcercle.bench=true -Dtest=AlertsAtScaleBenchmark}; prints the medians.
 */
@EnabledIfSystemProperty(named = "cercle.bench", matches = "true")
class AlertsAtScaleBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsAtScaleBenchmark.class);
    static final int FILES = 100_000;
    static final int HELPERS = 30_000;
    static final int CONTRIBUTIONS = 2_000_000;
    static final int STAFF = 50;
    static final LocalDate TODAY = LocalDate.now(TestData.CLOCK);

    @TempDir
    Path dir;

    @Test
    void alertsAtScale() throws Exception {
        try (CercleDatabase db = CercleDatabase.open(dir, TestData.CLOCK)) {
            Random random = new Random(42);
            UUID[] staff = new UUID[STAFF];
            for (int i = 0; i < STAFF; i++) {
                staff[i] = new UUID(7, i);
            }
            UUID[] files = new UUID[FILES];
            UUID[] helpers = new UUID[HELPERS];
            long start = System.nanoTime();
            db.dsl().connection(c -> fill(c, random, staff, files, helpers));
            // The rows were written beside the write path, which keeps the contributions' running totals.
            fr.cercle.persistence.write.ActivityTotals.rebuild(db.dsl());
            LOG.info("Generated in {} s", (System.nanoTime() - start) / 1_000_000_000);

            Viewer coordinator = new Viewer("head", Optional.of(new fr.cercle.model.staff.StaffId(staff[0])),
                    EnumSet.of(Role.COORDINATOR), EnumSet.allOf(Domain.class));
            Viewer caseworker = new Viewer("cw", Optional.of(new fr.cercle.model.staff.StaffId(staff[1])),
                    EnumSet.of(Role.CASEWORKER), EnumSet.allOf(Domain.class));
            AlertSettings settings = AlertSettings.defaults();
            List<Alert> all = new AlertRepository(db.dsl(), db.clock(), coordinator).current(settings, TODAY);
            LOG.info("Coordinator: {} alerts", all.size());
            assertThat(all).isNotEmpty();
            median("alerts, coordinator (every file)", () -> new AlertRepository(db.dsl(), db.clock(), coordinator).current(settings, TODAY).size());
            median("alerts, caseworker (2,000 files)", () -> new AlertRepository(db.dsl(), db.clock(), caseworker).current(settings, TODAY).size());
            median("agenda, caseworker's week", () -> new AgendaRepository(db.dsl(), caseworker).week(TODAY, AgendaRepository.Scope.MY_FILES).size());
            List<PlannedContact> week = new AgendaRepository(db.dsl(), coordinator).week(TODAY, AgendaRepository.Scope.ALL_FILES);
            LOG.info("Coordinator's week: {} planned contacts", week.size());
            median("agenda, every file's week", () -> new AgendaRepository(db.dsl(), coordinator).week(TODAY, AgendaRepository.Scope.ALL_FILES).size());
        }
    }

    private static void median(String what, java.util.function.IntSupplier run) {
        List<Long> times = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 9; i++) {
            long start = System.nanoTime();
            size = run.getAsInt();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        times.sort(null);
        String line = String.format("%s: median %d ms (min %d, max %d), %d lines", what, times.get(times.size() / 2),
                times.get(0), times.get(times.size() - 1), size);
        LOG.info(line);
        System.err.println("BENCH " + line);
    }

    private static void fill(Connection c, Random random, UUID[] staff, UUID[] files, UUID[] helpers) throws Exception {
        OffsetDateTime created = OffsetDateTime.now(Clock.offset(TestData.CLOCK, java.time.Duration.ofDays(-800)));
        UUID author = staff[0];
        String[] domains = {"[\"ELDERLY\"]", "[\"HEALTH\"]", "[\"SCHOOL\"]", "[\"ELDERLY\",\"HEALTH\"]"};
        try (PreparedStatement s = c.prepareStatement("INSERT INTO beneficiary (id, first_name, last_name, birth_date, domains, status,"
                + " referent_id, consent_date, created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < FILES; i++) {
                files[i] = new UUID(1, i);
                s.setObject(1, files[i]);
                s.setString(2, "Prénom" + i);
                s.setString(3, "Nom" + i);
                s.setDate(4, Date.valueOf(LocalDate.of(1930 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28))));
                s.setString(5, domains[random.nextInt(domains.length)]);
                s.setString(6, random.nextInt(10) == 0 ? "CLOSED" : "ACTIVE");
                s.setObject(7, staff[i % STAFF]);
                s.setDate(8, Date.valueOf(TODAY.minusDays(random.nextInt(800))));
                s.setObject(9, created);
                s.setObject(10, author);
                s.setObject(11, created);
                s.setObject(12, author);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO helper (id, first_name, last_name, skills, tags, languages,"
                + " availability, max_commitments, background_check_status, background_check_date, status,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?,?,?,'[]','[]','[]','[]',3,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < HELPERS; i++) {
                helpers[i] = new UUID(2, i);
                s.setObject(1, helpers[i]);
                s.setString(2, "Aidant" + i);
                s.setString(3, "Nom" + i);
                boolean checked = random.nextInt(3) == 0;
                s.setString(4, checked ? "VALID" : "NOT_REQUESTED");
                s.setDate(5, checked ? Date.valueOf(TODAY.minusDays(random.nextInt(1200))) : null);
                s.setString(6, random.nextInt(8) == 0 ? "LEFT" : "ACTIVE");
                s.setObject(7, created);
                s.setObject(8, author);
                s.setObject(9, created);
                s.setObject(10, author);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO need (id, beneficiary_id, kind, frequency, slots, extra_skills,"
                + " background_check_required, languages, status, opened_on, helper_id, matched_on,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?,?,'VISIT',?,'[\"TUESDAY_AFTERNOON\"]','[]',false,'[]',?,?,?,?,?,?,?,?)")) {
            String[] frequencies = {"WEEKLY", "TWICE_A_WEEK", "EVERY_TWO_WEEKS", "MONTHLY", "DAILY"};
            for (int i = 0; i < 50_000; i++) {
                boolean open = random.nextInt(3) == 0;
                s.setObject(1, new UUID(3, i));
                s.setObject(2, files[random.nextInt(FILES)]);
                s.setString(3, frequencies[random.nextInt(frequencies.length)]);
                s.setString(4, open ? "OPEN" : "MATCHED");
                LocalDate opened = TODAY.minusDays(random.nextInt(300));
                s.setDate(5, Date.valueOf(opened));
                s.setObject(6, open ? null : helpers[random.nextInt(HELPERS)]);
                s.setDate(7, open ? null : Date.valueOf(opened.plusDays(random.nextInt(30)).isAfter(TODAY) ? TODAY : opened));
                s.setObject(8, created);
                s.setObject(9, author);
                s.setObject(10, created);
                s.setObject(11, author);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO follow_up (id, beneficiary_id, subject, due_on, status,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?,?,'Inquiétude',?,?,?,?,?,?)")) {
            for (int i = 0; i < 20_000; i++) {
                s.setObject(1, new UUID(4, i));
                s.setObject(2, files[random.nextInt(FILES)]);
                s.setDate(3, Date.valueOf(TODAY.minusDays(random.nextInt(200) - 10)));
                s.setString(4, random.nextInt(10) == 0 ? "OPEN" : "DONE");
                s.setObject(5, created);
                s.setObject(6, author);
                s.setObject(7, created);
                s.setObject(8, author);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contribution (id, beneficiary_id, helper_id, contributed_on,"
                + " minutes, kind, medium, contact_made, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?,?,?,?,30,'VISIT','IN_PERSON',?,?,?,?,?)")) {
            for (int i = 0; i < CONTRIBUTIONS; i++) {
                s.setObject(1, new UUID(5, i));
                s.setObject(2, files[random.nextInt(FILES)]);
                s.setObject(3, helpers[random.nextInt(HELPERS)]);
                s.setDate(4, Date.valueOf(TODAY.minusDays(random.nextInt(365))));
                s.setBoolean(5, random.nextInt(7) != 0);
                s.setObject(6, created);
                s.setObject(7, author);
                s.setObject(8, created);
                s.setObject(9, author);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }
}
