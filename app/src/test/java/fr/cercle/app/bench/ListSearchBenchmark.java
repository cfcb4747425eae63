package fr.cercle.app.bench;

import fr.cercle.app.beneficiary.BeneficiaryRow;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Domain;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measurement 1: from a keystroke in the search field (or a change of filter) to the table showing
 * the new rows, a column sort active, on the JavaFX thread. Cercle's real beneficiaries list (its
 * view, view model, {@code ListModel} and {@code LiveList}, in the real main window) side by side
 * with the plain JavaFX list over the same rows, in the same run, the same steps in turn.
 * <p>
 * One timed step is: set the search field's text (or choose a filter entry), then the styles and
 * layout pass a pulse would run (which builds the cells of the new rows); painting is left out. After
 * each step the table's first cell is checked to hold the list's first row, and the number of rows
 * shown by every variant is compared.
 */
final class ListSearchBenchmark {

    /** What kind of change a step is, for the tables. */
    enum Kind {
        TYPING("typing (narrows)"), DELETION("deleting a letter (widens)"), CLEAR("clearing the search"),
        FILTER("changing a filter");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One user action, applied to each variant in its own way. */
    record Step(Kind kind, String label, Consumer<Variant> action) {
    }

    /** One list implementation under test. */
    interface Variant {
        String name();

        void type(String text);

        void domain(Domain domain);

        void status(BeneficiaryStatus status);

        void sortByName();

        void sortByCommune();

        TableView<BeneficiaryRow> table();

        void layout();
    }

    /** A session: type, delete, clear, filter, type with filters, and back to where it started. */
    static final List<Step> SESSION = List.of(
            type(Kind.TYPING, "m"), type(Kind.TYPING, "ma"), type(Kind.TYPING, "mar"), type(Kind.TYPING, "mart"),
            type(Kind.TYPING, "marti"), type(Kind.TYPING, "martin"),
            type(Kind.DELETION, "marti"), type(Kind.DELETION, "mart"), type(Kind.DELETION, "mar"),
            type(Kind.CLEAR, ""),
            new Step(Kind.FILTER, "domain: elderly", v -> v.domain(Domain.ELDERLY)),
            new Step(Kind.FILTER, "status: active", v -> v.status(BeneficiaryStatus.ACTIVE)),
            type(Kind.TYPING, "d"), type(Kind.TYPING, "du"), type(Kind.TYPING, "dup"),
            type(Kind.CLEAR, ""),
            new Step(Kind.FILTER, "domain: all", v -> v.domain(null)),
            new Step(Kind.FILTER, "status: all", v -> v.status(null)));

    private static Step type(Kind kind, String text) {
        return new Step(kind, "\"" + text + "\"", v -> v.type(text));
    }

    private final int warmupSessions;
    private final int sessions;
    private final Map<String, int[]> shown = new LinkedHashMap<>();
    private int checks;

    ListSearchBenchmark(int warmupSessions, int sessions) {
        this.warmupSessions = warmupSessions;
        this.sessions = sessions;
    }

    void run(Report report, CercleWindow window) throws Exception {
        I18n i18n = new I18n(Language.FRENCH);
        List<BeneficiaryRow> rows = Fx.call(() -> List.copyOf(window.table().getItems()));
        PlainJavaFxList plain = Fx.call(() -> PlainJavaFxList.boundToTable(rows, i18n));
        PlainJavaFxList keyed = Fx.call(() -> PlainJavaFxList.withKeyComparator(rows, i18n));
        List<Variant> variants = List.of(cercle(window), plain("plain", plain), plain("keyed", keyed));

        record Sort(String name, Consumer<Variant> apply, int warmupSessions, int sessions) {
        }
        // The second sort runs on a warm JIT, and its baseline is the slowest part of the whole run
        // (seconds per step): fewer sessions there keep the run within minutes.
        for (Sort sort : List.of(new Sort("last name, then first name", Variant::sortByName, warmupSessions, sessions),
                new Sort("commune", Variant::sortByCommune, 1, Math.max(1, sessions / 2)))) {
            Report.progress("Search with the list sorted by " + sort.name());
            for (Variant v : variants) {
                Fx.run(() -> {
                    sort.apply().accept(v);
                    v.layout();
                });
            }
            System.gc();
            Fx.settle(200);
            Map<Variant, Map<Kind, List<Double>>> samples = new LinkedHashMap<>();
            variants.forEach(v -> samples.put(v, new LinkedHashMap<>()));
            for (int session = 0; session < sort.warmupSessions() + sort.sessions(); session++) {
                boolean measured = session >= sort.warmupSessions();
                Report.progress("  " + (measured ? "session " + (session - sort.warmupSessions() + 1) + "/" + sort.sessions()
                        : "warm-up " + (session + 1) + "/" + sort.warmupSessions()));
                // Rotate who goes first, so that no variant always runs right after another's garbage.
                for (int k = 0; k < variants.size(); k++) {
                    Variant v = variants.get((session + k) % variants.size());
                    runSession(v, measured ? samples.get(v) : null);
                }
            }
            table(report, sort.name(), variants, samples, rows.size(), sort.sessions() + " sessions of "
                    + SESSION.size() + " steps after " + sort.warmupSessions() + " of warm-up");
        }
        report.line("\nRows shown after each step (every variant showed the same numbers; the table's first "
                + "cell held the list's first row after each of the " + checks + " steps checked):");
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, int[]> e : shown.entrySet()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(e.getKey()).append(" → ")
                    .append(String.format(Locale.ROOT, "%,d", e.getValue()[0]));
        }
        report.line(counts + ".");
        Fx.run(() -> {
            plain.close();
            keyed.close();
        });
    }

    private void runSession(Variant v, Map<Kind, List<Double>> samples) throws InterruptedException {
        for (int i = 0; i < SESSION.size(); i++) {
            Step step = SESSION.get(i);
            double elapsed = Fx.call(() -> {
                long t = System.nanoTime();
                step.action().accept(v);
                v.layout();
                return Stats.millisSince(t);
            });
            int count = Fx.call(() -> {
                checkFirstCell(v);
                return v.table().getItems().size();
            });
            checks++;
            String key = (i + 1) + ". " + step.label();
            int[] previous = shown.putIfAbsent(key, new int[]{count});
            if (previous != null && previous[0] != count) {
                throw new IllegalStateException(v.name() + " shows " + count + " rows after " + key
                        + " where another variant showed " + previous[0]);
            }
            if (samples != null) {
                samples.computeIfAbsent(step.kind(), k -> new ArrayList<>()).add(elapsed);
            }
            Fx.settle(15);
        }
    }

    private static void checkFirstCell(Variant v) {
        TableView<BeneficiaryRow> table = v.table();
        if (table.getItems().isEmpty()) {
            return;
        }
        BeneficiaryRow first = table.getItems().get(0);
        boolean found = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == 0 && r.isVisible())
                .anyMatch(n -> ((TableRow<?>) n).getItem() == first);
        if (!found) {
            throw new IllegalStateException(v.name() + ": the table's first cell does not show the list's first row");
        }
    }

    private static void table(Report report, String sort, List<Variant> variants,
                              Map<Variant, Map<Kind, List<Double>>> samples, int total, String repetitions) {
        report.line("\n**Sorted by " + sort + "** (" + String.format(Locale.ROOT, "%,d", total) + " rows; "
                + repetitions + "; ms)");
        List<List<String>> lines = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        for (int k = 0; k <= kinds.size(); k++) {
            String label = k < kinds.size() ? kinds.get(k).label : "**every step**";
            List<String> line = new ArrayList<>();
            line.add(label);
            Stats mine = null;
            for (Variant v : variants) {
                List<Double> all = new ArrayList<>();
                if (k < kinds.size()) {
                    all.addAll(samples.get(v).getOrDefault(kinds.get(k), List.of()));
                } else {
                    samples.get(v).values().forEach(all::addAll);
                }
                Stats s = Stats.of(all);
                if (mine == null) {
                    mine = s;
                    line.add(String.valueOf(s.count()));
                }
                line.add(Stats.ms(s.median()));
                line.add(Stats.ms(s.p90()));
                line.add(Stats.ms(s.max()));
                if (v != variants.get(0)) {
                    line.add(Stats.ratio(s.median(), mine.median()));
                }
            }
            lines.add(line);
        }
        Stats overall = Stats.of(samples.get(variants.get(0)).values().stream().flatMap(List::stream).toList());
        report.line("\nTarget, a median under 50 ms for Cercle's list: " + (overall.median() < 50 ? "met" : "**missed**")
                + " (" + Stats.ms(overall.median()) + " ms over every step).");
        report.table(List.of("Step", "n", "Cercle median", "p90", "max",
                "JavaFX FilteredList+SortedList (bound to table) median", "p90", "max", "vs Cercle",
                "FilteredList+SortedList, Cercle's key comparator median", "p90", "max", "vs Cercle"), lines);
    }

    private static Variant cercle(CercleWindow w) {
        return new Variant() {
            public String name() {
                return "Cercle";
            }

            public void type(String text) {
                w.search().setText(text);
            }

            public void domain(Domain domain) {
                w.chooseDomain(domain);
            }

            public void status(BeneficiaryStatus status) {
                w.chooseStatus(status);
            }

            public void sortByName() {
                w.table().getSortOrder().setAll(List.of(w.table().getColumns().get(0)));
            }

            public void sortByCommune() {
                w.table().getSortOrder().setAll(List.of(w.table().getColumns().get(4)));
            }

            public TableView<BeneficiaryRow> table() {
                return w.table();
            }

            public void layout() {
                w.layout();
            }
        };
    }

    private static Variant plain(String name, PlainJavaFxList list) {
        return new Variant() {
            public String name() {
                return name;
            }

            public void type(String text) {
                list.search().setText(text);
            }

            public void domain(Domain domain) {
                list.chooseDomain(domain);
            }

            public void status(BeneficiaryStatus status) {
                list.chooseStatus(status);
            }

            public void sortByName() {
                list.sortByName();
            }

            public void sortByCommune() {
                list.sortByCommune();
            }

            public TableView<BeneficiaryRow> table() {
                return list.table();
            }

            public void layout() {
                list.layout();
            }
        };
    }
}
