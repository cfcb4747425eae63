package fr.cercle.model.common;

/**
 * A postal address in France: a free line (number and street, place called), the postal code and
 * the commune by its INSEE code. A commune may have several postal codes; the one chosen is kept.
 */
public record Address(String line, String postalCode, InseeCode commune) {

    public Address {
        line = Text.blankToNull(line);
        postalCode = Text.blankToNull(postalCode);
    }

    public static Address inCommune(InseeCode commune, String postalCode) {
        return new Address(null, postalCode, commune);
    }
}
