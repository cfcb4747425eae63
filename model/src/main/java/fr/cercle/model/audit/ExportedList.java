package fr.cercle.model.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the export of a list took out of Cercle, as the audit trail keeps it: which list, how many lines,
 * with which filters, into which file. A list holds personal data, so its export is traced like the
 * export of one file; but the trail holds no name: the filters are the menus' choices, a search is kept
 * as the fact that there was one (what was typed may be a person's name), and the file is named without
 * its folder (a folder tells the user's account or a key's label, and is of no use on another computer).
 *
 * @param list     which list, as a code: {@code beneficiaries}, {@code helpers}, {@code heatwave_register}…
 * @param lines    how many lines were written, headers aside
 * @param filter   the filters in force, in words, or empty for the whole list
 * @param fileName the file's name, without its folder
 */
public record ExportedList(String list, int lines, String filter, String fileName) {

    public static final int MAX_LIST = 40;
    public static final int MAX_FILTER = 500;
    public static final int MAX_FILE_NAME = 255;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z_]{0,39}");

    public ExportedList {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(fileName, "fileName");
        if (!CODE.matcher(list).matches()) {
            throw new IllegalArgumentException("A list is named by a code of lower-case letters: " + list);
        }
        if (lines < 0) {
            throw new IllegalArgumentException("lines must not be negative: " + lines);
        }
        filter = clip(filter.strip(), MAX_FILTER);
        fileName = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        if (fileName.isBlank()) {
            throw new IllegalArgumentException("An export is written to a file with a name");
        }
        fileName = clip(fileName, MAX_FILE_NAME);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
