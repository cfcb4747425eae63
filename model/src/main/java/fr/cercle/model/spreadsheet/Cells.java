package fr.cercle.model.spreadsheet;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of cells as French spreadsheets write them: dates as 25/12/1950 (or 25-12-1950,
 * 25.12.1950, 1950-12-25, with a time of 00:00 that some exports add), whole numbers, and phone
 * numbers whose leading zero a spreadsheet dropped.
 */
public final class Cells {

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("\\s+\\d{1,2}:\\d{2}(:\\d{2})?$");
    private static final Pattern NINE_DIGITS = Pattern.compile("[1-9]\\d{8}");

    private Cells() {
    }

    /** The date the cell writes; empty if it is not a real date (31/02/1950, 12/1950, 5/3/50). */
    public static Optional<LocalDate> date(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String text = TIME.matcher(cell.strip()).replaceFirst("");
        try {
            Matcher dayFirst = DAY_FIRST.matcher(text);
            if (dayFirst.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(2)), Integer.parseInt(dayFirst.group(1))));
            }
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The whole number the cell writes ("3", " 3 ", "3,0"); empty otherwise. */
    public static Optional<Integer> wholeNumber(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String text = cell.strip().replaceFirst("[.,]0+$", "");
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The phone number, with the leading zero back when a spreadsheet took it for a number (612345678). */
    public static String phone(String cell) {
        if (cell == null) {
            return null;
        }
        String text = cell.strip();
        return NINE_DIGITS.matcher(text).matches() ? "0" + text : text;
    }
}
