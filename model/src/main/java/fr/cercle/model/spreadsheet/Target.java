package fr.cercle.model.spreadsheet;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Text;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a column of a spreadsheet holds, among the fields an import can fill. Each target knows the
 * kinds of import it belongs to, whether those need it, the record field its problems name, and
 * the headers (French and English, as people write them) from which it is guessed.
 */
public enum Target {
    LAST_NAME(Beneficiary.LAST_NAME, Need.BOTH, Set.of(ImportKind.BENEFICIARIES, ImportKind.HELPERS),
            "nom", "nom de famille", "nom d usage", "nom de naissance", "last name", "lastname", "surname",
            "family name", "name"),
    FIRST_NAME(Beneficiary.FIRST_NAME, Need.BOTH, Set.of(ImportKind.BENEFICIARIES, ImportKind.HELPERS),
            "prenom", "prenoms", "first name", "firstname", "given name", "forename"),
    BIRTH_DATE(Beneficiary.BIRTH_DATE, Need.BENEFICIARIES, Set.of(ImportKind.BENEFICIARIES),
            "date de naissance", "naissance", "date naissance", "ne le", "nee le", "ne e le", "ddn", "birth date",
            "birthdate", "date of birth", "dob", "born"),
    ADDRESS_LINE(Beneficiary.ADDRESS_LINE, Need.NONE, Set.of(ImportKind.BENEFICIARIES),
            "adresse", "adresse postale", "rue", "voie", "address", "street", "address line"),
    POSTAL_CODE(Beneficiary.POSTAL_CODE, Need.NONE, Set.of(ImportKind.BENEFICIARIES, ImportKind.HELPERS),
            "code postal", "cp", "c p", "postal code", "postcode", "zip", "zip code"),
    COMMUNE(Beneficiary.COMMUNE, Need.NONE, Set.of(ImportKind.BENEFICIARIES, ImportKind.HELPERS),
            "commune", "ville", "localite", "commune de residence", "city", "town", "municipality"),
    INSEE_CODE(Beneficiary.COMMUNE, Need.NONE, Set.of(ImportKind.BENEFICIARIES, ImportKind.HELPERS),
            "code insee", "insee", "code commune", "cog", "insee code"),
    PHONE(Beneficiary.PHONE, Need.NONE, Set.of(ImportKind.BENEFICIARIES, ImportKind.HELPERS),
            "telephone", "tel", "portable", "mobile", "telephone portable", "telephone fixe", "numero de telephone",
            "phone", "phone number", "cell"),
    EMAIL(Beneficiary.EMAIL, Need.NONE, Set.of(ImportKind.BENEFICIARIES, ImportKind.HELPERS),
            "courriel", "email", "e mail", "mail", "adresse mail", "adresse e mail", "adresse electronique",
            "mel", "email address"),
    CONSENT_DATE(Beneficiary.CONSENT_DATE, Need.NONE, Set.of(ImportKind.BENEFICIARIES),
            "date du consentement", "date de consentement", "consentement", "date consentement", "consent date",
            "consent"),
    CONSENT_GUARDIAN(Beneficiary.CONSENT_GUARDIAN, Need.NONE, Set.of(ImportKind.BENEFICIARIES),
            "representant legal", "responsable legal", "tuteur", "parent", "guardian", "legal guardian"),
    SITUATION(Beneficiary.SITUATION, Need.NONE, Set.of(ImportKind.BENEFICIARIES),
            "situation", "observations", "observation", "remarques", "commentaire", "commentaires", "notes", "note",
            "comments"),
    MAX_COMMITMENTS(fr.cercle.model.helper.Helper.MAX_COMMITMENTS, Need.NONE, Set.of(ImportKind.HELPERS),
            "engagements max", "engagements", "nombre d engagements", "max commitments", "commitments"),
    CHARTER_SIGNED_ON(fr.cercle.model.helper.Helper.CHARTER_SIGNED_ON, Need.NONE, Set.of(ImportKind.HELPERS),
            "charte signee le", "date de la charte", "charte", "charte signee", "charter signed on", "charter");

    private enum Need { NONE, BENEFICIARIES, BOTH }

    private final String field;
    private final Need need;
    private final Set<ImportKind> kinds;
    private final List<String> headers;

    Target(String field, Need need, Set<ImportKind> kinds, String... headers) {
        this.field = field;
        this.need = need;
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(ImportKind.class) : EnumSet.copyOf(kinds);
        this.headers = List.of(headers);
    }

    /** The record field this column fills, as validation problems name it. */
    public String field() {
        return field;
    }

    /** Whether an import of this kind can use the column. */
    public boolean appliesTo(ImportKind kind) {
        return kinds.contains(kind);
    }

    /**
     * Whether an import of this kind cannot go without the column. The commune is needed too, but
     * from either of three columns (see {@link ColumnMapping#missing}).
     */
    public boolean requiredFor(ImportKind kind) {
        return need == Need.BOTH || (need == Need.BENEFICIARIES && kind == ImportKind.BENEFICIARIES);
    }

    /** The targets an import of this kind offers, in the order a form shows them. */
    public static List<Target> of(ImportKind kind) {
        return java.util.Arrays.stream(values()).filter(t -> t.appliesTo(kind)).toList();
    }

    /** Whether this header, accents, case and punctuation aside, is one of this target's names. */
    boolean isNamed(String foldedHeader) {
        return headers.contains(foldedHeader);
    }

    /** Whether this header starts with one of this target's names as a whole word ("Nom de jeune fille"). */
    boolean startsNamed(String foldedHeader) {
        for (String name : headers) {
            if (foldedHeader.startsWith(name + " ")) {
                return true;
            }
        }
        return false;
    }

    static String fold(String header) {
        return Text.fold(header == null ? "" : header.replace('°', ' ').replace('*', ' '));
    }
}
