package fr.cercle.app.spreadsheet;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.audit.ExportedList;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.spreadsheet.SheetWriter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The export of a list as it is shown (its search, filters, sort and columns) to a CSV file that
 * Excel in French opens as it is, written in the background. The cells are the texts the list shows.
 * Every export leaves a line in the audit trail ({@link ExportedList}).
 */
public final class ListExport {

    private final AppContext context;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public ListExport(AppContext context) {
        this.context = context;
        this.tasks = context.tasks();
        this.i18n = context.i18n();
    }

    /** A column of the export: its header and the text of each row's cell. */
    public record Column<R>(String title, Function<R, String> value) {
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A file name for the export of this list today, such as "personnes-2026-11-27.csv". */
    public static String suggestedName(String list, LocalDate today) {
        return list + "-" + DateTimeFormatter.ISO_LOCAL_DATE.format(today) + ".csv";
    }

    /**
     * Writes the rows (a copy of what the list shows, taken on the JavaFX thread) to the file in the
     * background, then tells {@code done} what to say: how many lines were written, or that it failed.
     * The export is recorded in the audit trail first (which list, how many lines, the filters, the
     * file's name, by whom): an export that is not traced does not happen.
     *
     * @param list   the list's code in the trail ({@code beneficiaries}, {@code helpers}…)
     * @param filter the filters in force, in words (no search text: it may be a name), empty for none
     */
    public <R> void export(String list, String filter, List<R> rows, List<Column<R>> columns, Path file,
                           Consumer<String> done) {
        List<R> snapshot = List.copyOf(rows);
        ExportedList traced = new ExportedList(list, snapshot.size(), filter, file.getFileName().toString());
        AuditTrail trail = new AuditTrail(context.database().dsl(), context.database().writer(), context.clock(),
                context.viewer());
        running.set(true);
        tasks.run(() -> {
                    trail.recordList(traced);
                    return SheetWriter.write(file, columns.stream().map(Column::title).toList(),
                            () -> snapshot.stream().map(row -> columns.stream().map(c -> c.value().apply(row)).toList()).iterator(),
                            () -> false);
                },
                written -> {
                    running.set(false);
                    done.accept(i18n.format("spreadsheet.export.done", written, file.getFileName().toString()));
                },
                e -> {
                    running.set(false);
                    done.accept(i18n.get("spreadsheet.export.failed"));
                });
    }
}
