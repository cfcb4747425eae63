package fr.cercle.model.commune;

import fr.cercle.model.common.InseeCode;

import java.util.List;
import java.util.Objects;

/**
 * A French commune from the official reference: its INSEE code, name, postal codes, department,
 * region and intercommunality (EPCI; {@code null} for the few communes outside any).
 */
public record Commune(
        InseeCode code,
        String name,
        List<String> postalCodes,
        String department,
        String region,
        String epciCode,
        String epciName,
        int population) {

    public Commune {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        postalCodes = List.copyOf(postalCodes);
    }

    /** The first postal code, the one to propose when the commune is chosen. */
    public String mainPostalCode() {
        return postalCodes.isEmpty() ? "" : postalCodes.get(0);
    }

    /** How close two communes are, for matching helpers to needs: same commune, then intercommunality, then department. */
    public Proximity proximityTo(Commune other) {
        if (code.equals(other.code)) {
            return Proximity.SAME_COMMUNE;
        }
        if (epciCode != null && epciCode.equals(other.epciCode)) {
            return Proximity.SAME_INTERCOMMUNALITY;
        }
        if (department.equals(other.department)) {
            return Proximity.SAME_DEPARTMENT;
        }
        return Proximity.FURTHER;
    }

    /** Closest first. */
    public enum Proximity {
        SAME_COMMUNE,
        SAME_INTERCOMMUNALITY,
        SAME_DEPARTMENT,
        FURTHER
    }
}
