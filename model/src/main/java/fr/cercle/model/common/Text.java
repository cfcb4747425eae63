package fr.cercle.model.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers shared by search, duplicate detection and validation. */
public final class Text {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-'’.,_]+");

    private Text() {
    }

    /**
     * A form of the text for comparison: no accents, lower case, every run of spaces, hyphens,
     * apostrophes and dots turned into one space, trimmed. "Saint-Étienne" and "saint etienne" match.
     */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String lower = withoutMarks.toLowerCase(Locale.ROOT).replace('œ', 'o').replace('æ', 'a');
        return SEPARATORS.matcher(lower).replaceAll(" ").trim();
    }

    /** {@code null} for a blank text, else the text trimmed: how optional form fields are stored. */
    public static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The edit distance between two strings (insertions, deletions, substitutions), computed in
     * two rows of memory. Used on short folded names only.
     */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
