package fr.cercle.app.spreadsheet;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Subject;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.spreadsheet.BeneficiaryDefaults;
import fr.cercle.model.spreadsheet.ColumnMapping;
import fr.cercle.model.spreadsheet.ImportKind;
import fr.cercle.model.spreadsheet.RowProblem;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.model.spreadsheet.SheetCheck;
import fr.cercle.model.spreadsheet.Target;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.spreadsheet.ImportRefusedException;
import fr.cercle.persistence.spreadsheet.SheetReader;
import fr.cercle.persistence.spreadsheet.SpreadsheetImport;
import fr.cercle.persistence.spreadsheet.UnreadableSheetException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The import of a spreadsheet of people or helpers, step by step on one screen: the file chosen and
 * read, the column each target comes from (guessed from the headers, changed column by column),
 * the first lines as they will be read, every problem with its line and column, then the import
 * itself in the background, all or nothing, with its progress and a way to cancel. Reading,
 * checking and writing run on the task runner; the texts shown are made here.
 */
public final class ImportWizardViewModel {

    /** How many lines the preview shows. */
    public static final int PREVIEW_LINES = 8;
    /** How many problems the list shows; the count says how many there are in all. */
    public static final int PROBLEMS_SHOWN = 500;

    private final AppContext context;
    private final I18n i18n;
    private final ImportKind kind;
    private final IntConsumer onImported;

    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyStringWrapper fileInfo = new ReadOnlyStringWrapper(this, "fileInfo", "");
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final ObservableList<PreviewLine> preview = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final javafx.collections.ObservableSet<Integer> linesInError = FXCollections.observableSet();
    private final ReadOnlyStringWrapper mappingText = new ReadOnlyStringWrapper(this, "mappingText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyBooleanWrapper importable = new ReadOnlyBooleanWrapper(this, "importable");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ObjectProperty<Domain> domain = new SimpleObjectProperty<>(this, "domain");
    private final List<Domain> domains;

    private Path file;
    private Sheet sheet;
    private ColumnMapping mapping;
    /** Each check bears a number; only the answer to the latest is shown. */
    private int checks;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private TaskRunner.Handle running;

    /**
     * @param onImported told how many records were written, once an import has succeeded
     */
    public ImportWizardViewModel(AppContext context, ImportKind kind, IntConsumer onImported) {
        this.context = context;
        this.i18n = context.i18n();
        this.kind = kind;
        this.onImported = onImported;
        this.domains = context.viewer().has(Role.COORDINATOR) ? List.of(Domain.values())
                : Arrays.stream(Domain.values()).filter(d -> context.viewer().domains().contains(d)).toList();
        domain.set(domains.isEmpty() ? null : domains.get(0));
        domain.addListener((obs, old, now) -> check());
    }

    /** Whether the signed-in account may import records of this kind (as it may create them one by one). */
    public static boolean allowed(AppContext context, ImportKind kind) {
        Subject subject = kind == ImportKind.BENEFICIARIES ? Subject.BENEFICIARY : Subject.HELPER;
        return NeedToKnow.canWrite(context.viewer(), subject) && context.currentStaffProperty().get() != null;
    }

    // Properties

    public ImportKind kind() {
        return kind;
    }

    public String title() {
        return i18n.get(kind == ImportKind.BENEFICIARIES ? "spreadsheet.import.titleBeneficiaries"
                : "spreadsheet.import.titleHelpers");
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** How the file was read: its character set, its separator and its number of lines. */
    public ReadOnlyStringProperty fileInfoProperty() {
        return fileInfo.getReadOnlyProperty();
    }

    /** One entry per column of the file, with the target it fills. */
    public ObservableList<ColumnChoice> columns() {
        return columns;
    }

    /** The targets a column can fill, "ignore" first. */
    public List<TargetChoice> targetChoices() {
        List<TargetChoice> choices = new ArrayList<>();
        choices.add(new TargetChoice(null, i18n.get("spreadsheet.import.ignore")));
        Target.of(kind).forEach(t -> choices.add(new TargetChoice(t, i18n.label(t)
                + (t.requiredFor(kind) ? " *" : ""))));
        return choices;
    }

    public ObservableList<PreviewLine> preview() {
        return preview;
    }

    /** Every problem found, as sentences that name the line and the column. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The lines that have a blocking problem, for the preview to mark them. */
    public javafx.collections.ObservableSet<Integer> linesInError() {
        return linesInError;
    }

    /** What the mapping lacks (a column needed, a target filled twice); empty when complete. */
    public ReadOnlyStringProperty mappingTextProperty() {
        return mappingText.getReadOnlyProperty();
    }

    /** "12 lines: 10 ready, 2 with errors". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** Whether every line can be written now. */
    public ReadOnlyBooleanProperty importableProperty() {
        return importable.getReadOnlyProperty();
    }

    /** From 0 to 1 while importing; -1 before the first line is written. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The domain the imported files are followed in (people's files only). */
    public ObjectProperty<Domain> domainProperty() {
        return domain;
    }

    public List<Domain> domains() {
        return domains;
    }

    /** What every imported file gets that the sheet does not say: referent and consent. */
    public String defaultsText() {
        if (kind != ImportKind.BENEFICIARIES) {
            return i18n.get("spreadsheet.import.defaultsHelpers");
        }
        var staff = context.currentStaffProperty().get();
        return i18n.format("spreadsheet.import.defaultsBeneficiaries", staff == null ? "" : staff.fullName(),
                i18n.label(ConsentMethod.SIGNED_FORM), i18n.date(LocalDate.now(context.clock())));
    }

    // Commands

    /** Reads the chosen file in the background, guesses the mapping and checks every line. */
    public void open(Path chosen) {
        file = chosen;
        fileName.set(chosen.getFileName().toString());
        read(null);
    }

    /** Reads the file again (after it was corrected in the spreadsheet), keeping the mapping if the headers are the same. */
    public void reload() {
        if (file != null) {
            read(mapping);
        }
    }

    /** The column fills this target from now on ({@code null}: ignored); the lines are checked again. */
    public void setTarget(int column, Target target) {
        if (mapping == null || mapping.targets().get(column) == target) {
            return;
        }
        mapping = mapping.with(column, target);
        check();
    }

    /** Writes every line, all or nothing, in the background; {@link #cancel} stops it and nothing is written. */
    public void importAll() {
        if (!importable.get() || importing.get()) {
            return;
        }
        Sheet toImport = sheet;
        ColumnMapping withMapping = mapping;
        BeneficiaryDefaults defaults = defaults();
        cancelled.set(false);
        importing.set(true);
        busy.set(true);
        failure.set("");
        progress.set(-1);
        progressText.set(i18n.get("spreadsheet.import.starting"));
        var author = context.author();
        Progress report = new Progress() {
            @Override
            public void update(long done, long total) {
                context.tasks().onUi(() -> {
                    progress.set((double) done / total);
                    progressText.set(i18n.format("spreadsheet.import.progress", done, total));
                });
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        running = context.tasks().run(() -> kind == ImportKind.BENEFICIARIES
                        ? importer().importBeneficiaries(toImport, withMapping, defaults, author, report)
                        : importer().importHelpers(toImport, withMapping, author, report),
                written -> {
                    importing.set(false);
                    busy.set(false);
                    onImported.accept(written);
                },
                e -> {
                    importing.set(false);
                    busy.set(false);
                    progress.set(-1);
                    progressText.set("");
                    if (e instanceof CancellationException) {
                        failure.set(i18n.get("spreadsheet.import.cancelled"));
                    } else if (e instanceof ImportRefusedException refused) {
                        show(refused.check());
                        failure.set(i18n.get("spreadsheet.import.refused"));
                    } else {
                        failure.set(ProblemMessages.saveFailure(i18n, e));
                    }
                });
    }

    /** Stops the import under way; what it had written is rolled back. */
    public void cancel() {
        if (importing.get()) {
            cancelled.set(true);
        }
    }

    private SpreadsheetImport importer() {
        return new SpreadsheetImport(context.beneficiaries(), context.helpers(), context.communes(),
                context.database().writer(), context.clock());
    }

    private BeneficiaryDefaults defaults() {
        if (kind != ImportKind.BENEFICIARIES) {
            return null;
        }
        Set<Domain> chosen = domain.get() == null ? Set.of() : EnumSet.of(domain.get());
        return new BeneficiaryDefaults(context.author(), chosen, ConsentScope.FOLLOW_UP, ConsentMethod.SIGNED_FORM,
                LocalDate.now(context.clock()));
    }

    private void read(ColumnMapping previous) {
        Path reading = file;
        busy.set(true);
        failure.set("");
        int check = ++checks;
        context.tasks().run(() -> SheetReader.read(reading), read -> {
            if (check != checks) {
                return;
            }
            busy.set(false);
            sheet = read;
            mapping = previous != null && previous.headers().equals(read.headers()) ? previous
                    : ColumnMapping.guess(kind, read.headers());
            loaded.set(true);
            fileInfo.set(i18n.format("spreadsheet.import.fileInfo", read.charset(),
                    read.separator() == '\t' ? i18n.get("spreadsheet.import.tab") : String.valueOf(read.separator()),
                    (int) read.rows().stream().filter(r -> !r.isBlank()).count()));
            showColumns();
            showPreview();
            check();
        }, e -> {
            if (check != checks) {
                return;
            }
            busy.set(false);
            loaded.set(false);
            sheet = null;
            mapping = null;
            columns.clear();
            preview.clear();
            problems.clear();
            linesInError.clear();
            importable.set(false);
            summary.set("");
            mappingText.set("");
            fileInfo.set("");
            failure.set(unreadable(e));
        });
    }

    private void check() {
        if (sheet == null || mapping == null) {
            return;
        }
        importable.set(false);
        List<Target> missing = mapping.missing();
        List<Target> twice = mapping.twice();
        List<String> lacking = new ArrayList<>();
        if (!missing.isEmpty()) {
            lacking.add(i18n.format("spreadsheet.import.missing", String.join(", ", missing.stream().map(i18n::label).toList())));
        }
        if (!twice.isEmpty()) {
            lacking.add(i18n.format("spreadsheet.import.twice", String.join(", ", twice.stream().map(i18n::label).toList())));
        }
        mappingText.set(String.join(" ", lacking));
        if (!lacking.isEmpty()) {
            problems.clear();
            linesInError.clear();
            summary.set("");
            return;
        }
        if (kind == ImportKind.BENEFICIARIES && domain.get() == null) {
            return;
        }
        Sheet checking = sheet;
        ColumnMapping withMapping = mapping;
        BeneficiaryDefaults defaults = defaults();
        int check = ++checks;
        busy.set(true);
        context.tasks().run(() -> kind == ImportKind.BENEFICIARIES
                        ? importer().checkBeneficiaries(checking, withMapping, defaults)
                        : importer().checkHelpers(checking, withMapping),
                result -> {
                    if (check == checks) {
                        busy.set(false);
                        show(result);
                    }
                },
                e -> {
                    if (check == checks) {
                        busy.set(false);
                        failure.set(i18n.get("error.load"));
                    }
                });
    }

    private void show(SheetCheck.Result<?> result) {
        List<String> texts = result.problems().stream().limit(PROBLEMS_SHOWN).map(this::message).toList();
        problems.setAll(texts);
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        result.blocking().forEach(p -> lines.add(p.line()));
        linesInError.retainAll(lines);
        linesInError.addAll(lines);
        int warnings = (int) result.problems().stream().filter(p -> !p.blocking()).count();
        summary.set(i18n.format("spreadsheet.import.summary", result.rows(), result.records().size(),
                result.linesInError(), warnings));
        importable.set(result.importable());
    }

    /** "Ligne 4 · Date de naissance : « 31/02/1950 » n’est pas une date." */
    String message(RowProblem problem) {
        String what = problem.issue() == RowProblem.Issue.INVALID
                ? ProblemMessages.message(i18n, new Problem("cell", problem.rule(), problem.args()))
                : i18n.format("enum.Issue." + problem.issue().name(), problem.args().toArray());
        String where = problem.column() == null ? i18n.format("spreadsheet.import.line", problem.line())
                : i18n.format("spreadsheet.import.lineColumn", problem.line(), problem.column());
        String text = where + " : " + what;
        return problem.blocking() ? text : i18n.format("spreadsheet.import.warning", text);
    }

    private String unreadable(Throwable e) {
        if (e instanceof UnreadableSheetException unreadable) {
            String reason = i18n.label(unreadable.reason());
            return unreadable.line() > 0 ? i18n.format("spreadsheet.import.unreadableAt", reason, unreadable.line())
                    : reason;
        }
        return i18n.get("spreadsheet.import.unreadable");
    }

    private void showColumns() {
        List<TargetChoice> choices = targetChoices();
        List<ColumnChoice> built = new ArrayList<>();
        for (int i = 0; i < mapping.headers().size(); i++) {
            Target target = mapping.targets().get(i);
            TargetChoice chosen = choices.stream().filter(c -> c.target() == target).findFirst().orElse(choices.get(0));
            ColumnChoice column = new ColumnChoice(i, mapping.headers().get(i), new SimpleObjectProperty<>(chosen));
            column.target().addListener((obs, old, now) -> setTarget(column.index(), now == null ? null : now.target()));
            built.add(column);
        }
        columns.setAll(built);
    }

    private void showPreview() {
        List<PreviewLine> lines = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            if (row.isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < mapping.headers().size(); i++) {
                String cell = row.cell(i);
                cells.add(cell == null ? "" : cell);
            }
            lines.add(new PreviewLine(row.line(), cells));
            if (lines.size() == PREVIEW_LINES) {
                break;
            }
        }
        preview.setAll(lines);
    }

    /** A column of the file and the target it fills, changed by its menu. */
    public record ColumnChoice(int index, String header, ObjectProperty<TargetChoice> target) {
    }

    /** An entry of a column's menu: a target, or {@code null} to ignore the column. */
    public record TargetChoice(Target target, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A line of the preview: its number in the spreadsheet and its cells, one per column. */
    public record PreviewLine(int line, List<String> cells) {
    }
}
