package fr.cercle.model.spreadsheet;

import fr.cercle.model.validation.Rule;

import java.util.List;
import java.util.Objects;

/**
 * Something wrong in one line of a spreadsheet: the line as the spreadsheet numbers it, the header
 * of the column concerned (none when the problem is about the row as a whole), what is wrong and
 * the values its message needs. A problem of the record's own rules carries the {@link Rule} broken.
 */
public record RowProblem(int line, String column, Issue issue, Rule rule, List<Object> args) {

    /** What is wrong. */
    public enum Issue {
        /** The record breaks one of its rules ({@link #rule()}): required, too long, in the future… */
        INVALID,
        /** The cell {0} is not a date (day/month/year expected). */
        NOT_A_DATE,
        /** The cell {0} is not a whole number. */
        NOT_A_NUMBER,
        /** No commune of the reference is called {0} (with postal code {1} when given). */
        UNKNOWN_COMMUNE,
        /** Several communes are called {0}: the postal code or INSEE code is needed. */
        AMBIGUOUS_COMMUNE,
        /** The line has more filled cells than the headers have columns. */
        TOO_MANY_CELLS,
        /** The same person as line {0} of the file. */
        DUPLICATE_IN_FILE,
        /** The same person as an existing record, {0}. */
        DUPLICATE_IN_DATABASE,
        /** A name very close to line {0} of the file, in the same commune: a warning, the line can be imported. */
        SIMILAR_IN_FILE,
        /** A name very close to an existing record, {0}, in the same commune: a warning. */
        SIMILAR_IN_DATABASE;

        /** Whether the line cannot be imported while this holds (the others are warnings). */
        public boolean blocking() {
            return this != SIMILAR_IN_FILE && this != SIMILAR_IN_DATABASE;
        }
    }

    public RowProblem {
        Objects.requireNonNull(issue, "issue");
        if ((issue == Issue.INVALID) != (rule != null)) {
            throw new IllegalArgumentException("A rule goes with INVALID problems, and only with them");
        }
        args = List.copyOf(args);
    }

    public static RowProblem of(int line, String column, Issue issue, Object... args) {
        return new RowProblem(line, column, issue, null, List.of(args));
    }

    public boolean blocking() {
        return issue.blocking();
    }

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : " [" + column + "]") + ": "
                + (rule == null ? issue : rule) + (args.isEmpty() ? "" : " " + args);
    }
}
