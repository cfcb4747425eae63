package fr.cercle.model.beneficiary;

import fr.cercle.model.common.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Finds the files that may describe the same person as a new or edited one, before it is saved:
 * the same name and birth date, or a very similar name in the same commune. Two workstations
 * creating the same person is a known complaint of the field; this is the first line against it.
 */
public final class DuplicateDetector {

    private DuplicateDetector() {
    }

    /**
     * @param candidate  the file being saved
     * @param existing   files to compare with (typically those born the same day or living in the same commune)
     * @return the possible duplicates, strongest reason first; never the candidate itself
     */
    public static List<PossibleDuplicate> find(Beneficiary candidate, Collection<BeneficiarySummary> existing) {
        String first = Text.fold(candidate.firstName());
        String last = Text.fold(candidate.lastName());
        if (first.isEmpty() && last.isEmpty()) {
            return List.of();
        }
        List<PossibleDuplicate> strong = new ArrayList<>();
        List<PossibleDuplicate> similar = new ArrayList<>();
        for (BeneficiarySummary other : existing) {
            if (other.id().equals(candidate.id())) {
                continue;
            }
            String otherFirst = Text.fold(other.firstName());
            String otherLast = Text.fold(other.lastName());
            boolean sameName = (first.equals(otherFirst) && last.equals(otherLast))
                    || (first.equals(otherLast) && last.equals(otherFirst));
            if (sameName && candidate.birthDate() != null && candidate.birthDate().equals(other.birthDate())) {
                strong.add(new PossibleDuplicate(other, PossibleDuplicate.Reason.SAME_NAME_AND_BIRTH_DATE));
            } else if (candidate.address().commune() != null
                    && Objects.equals(candidate.address().commune(), other.commune())
                    && similarNames(first, last, otherFirst, otherLast)) {
                similar.add(new PossibleDuplicate(other, PossibleDuplicate.Reason.SIMILAR_NAME_SAME_COMMUNE));
            }
        }
        strong.addAll(similar);
        return strong;
    }

    /**
     * Very similar: the last names within a small edit distance and the first names too, or the
     * two swapped. The allowance grows with the length of the name: a typo in "Li" is another name.
     */
    static boolean similarNames(String first, String last, String otherFirst, String otherLast) {
        return (close(first, otherFirst) && close(last, otherLast))
                || (close(first, otherLast) && close(last, otherFirst));
    }

    private static boolean close(String a, String b) {
        int allowed = Math.min(a.length(), b.length()) >= 7 ? 2 : Math.min(a.length(), b.length()) >= 4 ? 1 : 0;
        return Math.abs(a.length() - b.length()) <= allowed && Text.editDistance(a, b) <= allowed;
    }
}
