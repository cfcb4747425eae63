package fr.cercle.app.bench;

import fr.cercle.persistence.TestData;
import fr.cercle.app.beneficiary.BeneficiaryColumn;
import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.list.ListModel;
import fr.cercle.app.list.LiveList;
import fr.cercle.app.list.SortSpec;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.common.Domain;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.jooq.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Measurement 3: loading the whole list. The query the list view model runs ({@code summaries()}),
 * side by side with raw JDBC running the same SQL through the same pool; the rows the view model
 * builds from it; then what happens on the JavaFX thread when they arrive (sort, publish, first
 * layout of the table), side by side with the plain JavaFX list.
 */
final class ListLoadBenchmark {

    /** The SQL jOOQ renders for {@code summaries()}: the same joins and columns. */
    private static final String SUMMARIES_SQL = "SELECT b.id, b.first_name, b.last_name, b.birth_date, b.commune_insee,"
            + " c.name, b.postal_code, b.domains, b.status, s.first_name, s.last_name"
            + " FROM beneficiary b LEFT JOIN commune c ON c.insee_code = b.commune_insee"
            + " LEFT JOIN staff_member s ON s.id = b.referent_id";

    private final CercleDatabase db;
    private final int warmup;
    private final int repetitions;

    ListLoadBenchmark(CercleDatabase db, int warmup, int repetitions) {
        this.db = db;
        this.warmup = warmup;
        this.repetitions = repetitions;
    }

    /** The database side; returns the summaries, for the other measurements. */
    List<BeneficiarySummary> database(Report report) throws Exception {
        BeneficiaryRepository repository = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
        I18n i18n = new I18n(Language.FRENCH);
        LocalDate today = LocalDate.now(db.clock());
        List<Callable<Integer>> variants = List.of(
                () -> repository.summaries().size(),
                () -> rawSummaries().size(),
                this::rawColumnsOnly,
                () -> repository.summaries().stream().map(s -> BeneficiaryRow.of(s, i18n, today)).toList().size());
        List<List<Double>> samples = new ArrayList<>();
        variants.forEach(v -> samples.add(new ArrayList<>()));
        int expected = repository.count();
        for (int rep = 0; rep < warmup + repetitions; rep++) {
            Report.progress((rep < warmup ? "Warm-up " : "Repetition ") + (rep + 1) + " of the list load");
            for (int k = 0; k < variants.size(); k++) {
                int i = (rep + k) % variants.size();
                System.gc();
                long t = System.nanoTime();
                int count = variants.get(i).call();
                double elapsed = Stats.millisSince(t);
                if (count != expected) {
                    throw new IllegalStateException("Read " + count + " rows, not " + expected);
                }
                if (rep >= warmup) {
                    samples.get(i).add(elapsed);
                }
            }
        }
        Stats jooq = Stats.of(samples.get(0));
        Stats raw = Stats.of(samples.get(1));
        Stats columns = Stats.of(samples.get(2));
        Stats rows = Stats.of(samples.get(3));
        report.table(List.of("Reading " + String.format("%,d", expected) + " list lines", "median", "min", "max",
                        "vs raw JDBC (medians)"),
                List.of(line("`BeneficiaryRepository.summaries()` (jOOQ, what the list loads)", jooq, raw),
                        line("Raw JDBC: the same SQL, same columns, into the same `BeneficiarySummary` records", raw, raw),
                        line("Raw JDBC: the same SQL, columns read and dropped (the floor)", columns, raw),
                        line("The list's whole background work: `summaries()` then `BeneficiaryRow.of` for each "
                                + "(folded keys, texts)", rows, raw)));
        report.line("\n" + repetitions + " repetitions after " + warmup + " of warm-up, a GC before each; times in ms.");
        return repository.summaries();
    }

    /** The JavaFX thread's part of a load: the rows arrive, are sorted and shown; Cercle against plain JavaFX. */
    void display(Report report, List<BeneficiarySummary> summaries) throws Exception {
        I18n i18n = new I18n(Language.FRENCH);
        LocalDate today = LocalDate.now(db.clock());
        List<BeneficiaryRow> rows = summaries.stream().map(s -> BeneficiaryRow.of(s, i18n, today)).toList();
        ListModel<BeneficiaryRow, BeneficiaryColumn> model = new ListModel<>(TaskRunner.direct(), i18n,
                new LiveList<>(BeneficiaryRow::searchText, r -> r.summary().id()), BeneficiaryColumn::comparator,
                "beneficiaries.count", "beneficiaries.countFiltered");
        model.sortBy(List.of(new SortSpec<>(BeneficiaryColumn.LAST_NAME, true)));
        Stage cercleStage = Fx.call(() -> {
            TableView<BeneficiaryRow> table = new TableView<>(model.rows());
            table.getColumns().setAll(PlainJavaFxList.columns(i18n));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            table.setSortPolicy(t -> true);
            return CercleWindow.show(new BorderPane(table), "ListModel");
        });
        PlainJavaFxList plain = Fx.call(() -> {
            PlainJavaFxList list = PlainJavaFxList.boundToTable(List.of(), i18n);
            list.sortByName();
            return list;
        });
        List<Double> cercle = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int rep = 0; rep < warmup + repetitions; rep++) {
            Report.progress((rep < warmup ? "Warm-up " : "Repetition ") + (rep + 1) + " of the list display");
            for (int k = 0; k < 2; k++) {
                boolean cercleTurn = (rep + k) % 2 == 0;
                Fx.run(() -> {
                    if (cercleTurn) {
                        model.load(List::of);
                        CercleWindow.layout(cercleStage.getScene());
                    } else {
                        plain.source().clear();
                        plain.layout();
                    }
                });
                System.gc();
                Fx.settle(100);
                double elapsed = Fx.call(() -> {
                    long t = System.nanoTime();
                    if (cercleTurn) {
                        // What ListModel.load does on the JavaFX thread once the rows are read.
                        model.load(() -> rows);
                        CercleWindow.layout(cercleStage.getScene());
                    } else {
                        plain.source().setAll(rows);
                        plain.layout();
                    }
                    return Stats.millisSince(t);
                });
                int shown = Fx.call(() -> cercleTurn ? model.rows().size() : plain.table().getItems().size());
                if (shown != rows.size()) {
                    throw new IllegalStateException("Showed " + shown + " rows, not " + rows.size());
                }
                if (rep >= warmup) {
                    (cercleTurn ? cercle : baseline).add(elapsed);
                }
            }
        }
        Stats c = Stats.of(cercle);
        Stats b = Stats.of(baseline);
        report.table(List.of("On the JavaFX thread: " + String.format("%,d", rows.size())
                        + " rows arrive, sorted by name, and the table is laid out", "median", "min", "max",
                        "vs Cercle (medians)"),
                List.of(line("Cercle: `ListModel.load`'s hand-over (`LiveList.setAll`: sort on keys, publish)", c, c),
                        line("Plain JavaFX: `setAll` into a FilteredList in a SortedList bound to the table", b, c)));
        report.line("\n" + repetitions + " repetitions after " + warmup + " of warm-up; times in ms.");
        Fx.run(() -> {
            cercleStage.close();
            plain.close();
        });
    }

    private static List<String> line(String what, Stats s, Stats reference) {
        return List.of(what, Stats.ms(s.median()), Stats.ms(s.min()), Stats.ms(s.max()),
                Stats.ratio(s.median(), reference.median()));
    }

    private List<BeneficiarySummary> rawSummaries() throws SQLException {
        ConnectionProvider connections = db.dsl().configuration().connectionProvider();
        Connection c = connections.acquire();
        try (PreparedStatement ps = c.prepareStatement(SUMMARIES_SQL)) {
            ps.setFetchSize(2_000);
            List<BeneficiarySummary> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String referentFirst = rs.getString(10);
                    result.add(new BeneficiarySummary(new BeneficiaryId(rs.getObject(1, UUID.class)), rs.getString(2),
                            rs.getString(3), rs.getObject(4, LocalDate.class), Columns.insee(rs.getString(5)),
                            rs.getString(6), rs.getString(7), Columns.enumSet(Domain.class, rs.getString(8)),
                            Columns.parse(BeneficiaryStatus.class, rs.getString(9)),
                            referentFirst == null ? null : referentFirst + " " + rs.getString(11)));
                }
            }
            return result;
        } finally {
            connections.release(c);
        }
    }

    private int rawColumnsOnly() throws SQLException {
        ConnectionProvider connections = db.dsl().configuration().connectionProvider();
        Connection c = connections.acquire();
        try (PreparedStatement ps = c.prepareStatement(SUMMARIES_SQL)) {
            ps.setFetchSize(2_000);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1, UUID.class);
                    rs.getString(2);
                    rs.getString(3);
                    rs.getObject(4, LocalDate.class);
                    for (int i = 5; i <= 11; i++) {
                        rs.getString(i);
                    }
                    rows++;
                }
            }
            return rows;
        } finally {
            connections.release(c);
        }
    }
}
