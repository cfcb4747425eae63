package fr.cercle.app.bench;

import fr.cercle.persistence.TestData;
import fr.cercle.app.AppContext;
import fr.cercle.app.beneficiary.BeneficiaryFormViewModel;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import javafx.scene.control.Label;
import org.jooq.ConnectionProvider;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Measurement 2: opening a beneficiary's file. What the form really runs when a row is opened
 * ({@link BeneficiaryFormViewModel#load}: {@code find(id)}, the commune, the staff list, then filling
 * the form's properties), and {@code find(id)} alone, each side by side with raw JDBC reading the same
 * rows through the same connection pool; then the whole opening in the real window.
 */
final class OpenFileBenchmark {

    private static final String BENEFICIARY_SQL = "SELECT id, first_name, last_name, birth_date, address_line, postal_code,"
            + " commune_insee, phone, email, domains, status, referent_id, consent_date, consent_scope, consent_method,"
            + " situation FROM beneficiary WHERE id = ?";
    private static final String COMMUNE_SQL = "SELECT insee_code, name, name_folded, postal_codes, department, region,"
            + " epci_code, epci_name, population FROM commune WHERE insee_code = ?";
    private static final String STAFF_SQL = "SELECT id, first_name, last_name, structure, domains, active"
            + " FROM staff_member ORDER BY active DESC, last_name, first_name";

    private final CercleDatabase db;
    private final ConnectionProvider connections;
    private final List<BeneficiaryId> ids;

    OpenFileBenchmark(CercleDatabase db, List<BeneficiarySummary> summaries, int lookups) {
        this.db = db;
        this.connections = db.dsl().configuration().connectionProvider();
        Random random = new Random(42);
        this.ids = new ArrayList<>();
        for (int i = 0; i < lookups; i++) {
            ids.add(summaries.get(random.nextInt(summaries.size())).id());
        }
    }

    /** find(id) and the form's load, each against raw JDBC, alternating on the same random ids. */
    void repository(Report report, Path scratch, int warmup) throws SQLException {
        BeneficiaryRepository repository = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        AppContext direct = BenchContext.of(db, TaskRunner.direct(), scratch);
        List<Double> find = new ArrayList<>();
        List<Double> rawFind = new ArrayList<>();
        List<Double> form = new ArrayList<>();
        List<Double> rawForm = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            boolean measured = pass == 1;
            List<BeneficiaryId> sample = measured ? ids : ids.subList(0, Math.min(warmup, ids.size()));
            Report.progress((measured ? "Measuring" : "Warming up") + " file opening on " + sample.size() + " random ids");
            for (int i = 0; i < sample.size(); i++) {
                BeneficiaryId id = sample.get(i);
                // Alternate which side goes first, so that neither always finds the row cached by the other.
                boolean jooqFirst = i % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    if ((side == 0) == jooqFirst) {
                        long t = System.nanoTime();
                        Beneficiary b = repository.find(id).orElseThrow();
                        double f = Stats.millisSince(t);
                        t = System.nanoTime();
                        BeneficiaryFormViewModel model = new BeneficiaryFormViewModel(direct);
                        model.load(id);
                        double l = Stats.millisSince(t);
                        check(model.busyProperty().get() || model.failureProperty().get() != null, b);
                        if (measured) {
                            find.add(f);
                            form.add(l);
                        }
                    } else {
                        long t = System.nanoTime();
                        Beneficiary b = rawFind(id);
                        double f = Stats.millisSince(t);
                        t = System.nanoTime();
                        int read = rawFormReads(id);
                        double l = Stats.millisSince(t);
                        check(read < 2, b);
                        if (measured) {
                            rawFind.add(f);
                            rawForm.add(l);
                        }
                    }
                }
            }
        }
        Stats a = Stats.of(find);
        Stats b = Stats.of(rawFind);
        Stats c = Stats.of(form);
        Stats d = Stats.of(rawForm);
        report.table(List.of("What (100,000 files, random ids)", "Cercle median", "p90", "max",
                        "Raw JDBC median", "p90", "max", "Cercle / raw (medians)"),
                List.of(row("`BeneficiaryRepository.find(id)` vs one `SELECT … WHERE id = ?`", a, b),
                        row("The form's load (`BeneficiaryFormViewModel.load`: find, commune, staff list, "
                                + "fill the properties) vs the same three SELECTs in raw JDBC", c, d)));
        report.line("\n" + a.count() + " lookups per row after " + Math.min(warmup, ids.size())
                + " of warm-up; times in ms.");
    }

    /** The opening as the user sees it: from {@code open(id)} on the JavaFX thread to the laid-out, filled form. */
    void window(Report report, CercleWindow window, int count) throws Exception {
        List<Double> open = new ArrayList<>();
        List<Double> synchronous = new ArrayList<>();
        int warmup = Math.min(10, count);
        for (int i = 0; i < warmup + count; i++) {
            BeneficiaryId id = ids.get(i % ids.size());
            long[] times = Fx.call(() -> {
                long t = System.nanoTime();
                window.beneficiaries().open(id);
                window.layout();
                return new long[]{t, System.nanoTime()};
            });
            long t0 = times[0];
            window.tasks().awaitIdle();
            window.tasks().awaitIdle();
            double elapsed = Fx.call(() -> {
                window.layout();
                return Stats.millisSince(t0);
            });
            String title = Fx.call(() -> ((Label) window.scene().lookup("#formTitle")).getText());
            String expected = db.dsl().fetchValue("SELECT first_name || ' ' || last_name FROM beneficiary WHERE id = ?",
                    id.value()).toString();
            if (!expected.equals(title)) {
                throw new IllegalStateException("The form shows '" + title + "', not the opened file");
            }
            if (i >= warmup) {
                open.add(elapsed);
                synchronous.add((times[1] - times[0]) / 1e6);
            }
            Fx.run(() -> window.beneficiaries().focusSearch());
            Fx.settle(20);
        }
        Stats s = Stats.of(open);
        Stats sync = Stats.of(synchronous);
        report.table(List.of("In the real window (no baseline)", "median", "p90", "max"),
                List.of(List.of("`BeneficiariesPage.open(id)` to the filled, laid-out form (JavaFX thread, "
                                + "database worker and back)", Stats.ms(s.median()), Stats.ms(s.p90()), Stats.ms(s.max())),
                        List.of("of which `open(id)` and the first styles and layout of the (still empty) form, "
                                        + "before the data arrives",
                                Stats.ms(sync.median()), Stats.ms(sync.p90()), Stats.ms(sync.max()))));
        report.line("\n" + s.count() + " openings after " + warmup + " of warm-up; times in ms.");
    }

    private static List<String> row(String what, Stats cercle, Stats raw) {
        return List.of(what, Stats.ms(cercle.median()), Stats.ms(cercle.p90()), Stats.ms(cercle.max()),
                Stats.ms(raw.median()), Stats.ms(raw.p90()), Stats.ms(raw.max()), Stats.ratio(cercle.median(), raw.median()));
    }

    private static void check(boolean failed, Beneficiary b) {
        if (failed || b == null) {
            throw new IllegalStateException("A file could not be read");
        }
    }

    /** The row, read and turned into the same model record as the repository does, by hand. */
    private Beneficiary rawFind(BeneficiaryId id) throws SQLException {
        Connection c = connections.acquire();
        try (PreparedStatement ps = c.prepareStatement(BENEFICIARY_SQL)) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? beneficiary(rs) : null;
            }
        } finally {
            connections.release(c);
        }
    }

    /**
     * The three reads of the form's load, each on a connection of its own from the pool as the
     * repositories do; returns how many of the single-row reads found their row.
     */
    private int rawFormReads(BeneficiaryId id) throws SQLException {
        Beneficiary b = rawFind(id);
        int found = b == null ? 0 : 1;
        if (b != null && b.address().commune() != null) {
            found += rawRead(COMMUNE_SQL, b.address().commune().value(), 9) > 0 ? 1 : 0;
        } else {
            found++;
        }
        rawRead(STAFF_SQL, null, 6);
        return found;
    }

    private int rawRead(String sql, String parameter, int columns) throws SQLException {
        Connection c = connections.acquire();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return readAll(rs, columns);
            }
        } finally {
            connections.release(c);
        }
    }

    private static int readAll(ResultSet rs, int columns) throws SQLException {
        int rows = 0;
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                rs.getObject(i);
            }
            rows++;
        }
        return rows;
    }

    static Beneficiary beneficiary(ResultSet rs) throws SQLException {
        UUID referent = rs.getObject(12, UUID.class);
        return new Beneficiary(new BeneficiaryId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class),
                new Address(rs.getString(5), rs.getString(6), Columns.insee(rs.getString(7))),
                new Contact(rs.getString(8), rs.getString(9)),
                Columns.enumSet(Domain.class, rs.getString(10)),
                Columns.parse(BeneficiaryStatus.class, rs.getString(11)),
                referent == null ? null : new StaffId(referent),
                new Consent(rs.getObject(13, LocalDate.class), Columns.parse(ConsentScope.class, rs.getString(14)),
                        Columns.parse(ConsentMethod.class, rs.getString(15))),
                rs.getString(16));
    }
}
