package fr.cercle.model.spreadsheet;

import java.util.List;
import java.util.Objects;

/**
 * A spreadsheet as read from its file: the headers of its first line and its rows of text, each
 * with its line number as the spreadsheet shows it (the headers are line 1), and how the file was
 * written (its character set and separator), for the person to check.
 */
public record Sheet(List<String> headers, List<Row> rows, String charset, char separator) {

    public Sheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        Objects.requireNonNull(charset, "charset");
    }

    /** One line of the spreadsheet. Cells beyond the line's end read as empty. */
    public record Row(int line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell of this column, stripped; {@code null} when empty or beyond the line. */
        public String cell(int column) {
            if (column < 0 || column >= cells.size()) {
                return null;
            }
            String value = cells.get(column);
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }

        /** Whether every cell is empty (spreadsheets often end with such lines). */
        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}
