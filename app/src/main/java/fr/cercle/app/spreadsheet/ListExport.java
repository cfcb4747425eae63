package fr.cercle.app.spreadsheet;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.task.TaskRunner;
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
 */
public final class ListExport {

    private final TaskRunner tasks;
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public ListExport(TaskRunner tasks, I18n i18n) {
        this.tasks = tasks;
        this.i18n = i18n;
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
     */
    public <R> void export(List<R> rows, List<Column<R>> columns, Path file, Consumer<String> done) {
        List<R> snapshot = List.copyOf(rows);
        running.set(true);
        tasks.run(() -> SheetWriter.write(file, columns.stream().map(Column::title).toList(),
                        () -> snapshot.stream().map(row -> columns.stream().map(c -> c.value().apply(row)).toList()).iterator(),
                        () -> false),
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
