package fr.cercle.model.spreadsheet;

import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Text;
import fr.cercle.model.commune.Commune;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the commune a spreadsheet line means, from its INSEE code, its name or its postal code, among
 * communes of the reference (those the file names, gathered once). Names are compared accents, case
 * and hyphens aside, and "St"/"Ste" read as "Saint"/"Sainte".
 */
public final class CommuneIndex {

    private final Map<String, Commune> byCode = new HashMap<>();
    private final Map<String, List<Commune>> byName = new HashMap<>();
    private final Map<String, List<Commune>> byPostalCode = new HashMap<>();

    public CommuneIndex(Collection<Commune> communes) {
        for (Commune commune : communes) {
            byCode.put(commune.code().value(), commune);
            byName.computeIfAbsent(nameKey(commune.name()), k -> new ArrayList<>()).add(commune);
            for (String postal : commune.postalCodes()) {
                byPostalCode.computeIfAbsent(postal, k -> new ArrayList<>()).add(commune);
            }
        }
    }

    /** A name as the reference's folded names write it ({@code commune.name_folded}), "St" read as "Saint". */
    public static String nameKey(String name) {
        String folded = Text.fold(name);
        if (folded.startsWith("st ")) {
            return "saint " + folded.substring(3);
        }
        if (folded.startsWith("ste ")) {
            return "sainte " + folded.substring(4);
        }
        return folded;
    }

    /** An INSEE code or postal code as a spreadsheet may have shortened it (01053 shown as 1053). */
    public static String code(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return compact.length() == 4 && Character.isDigit(compact.charAt(0)) ? "0" + compact : compact;
    }

    /** What the line's cells say of the commune. */
    public sealed interface Resolution {
    }

    public record Found(Commune commune) implements Resolution {
    }

    /** No such commune; {@code column} says which cell is wrong. */
    public record Unknown(Target column) implements Resolution {
    }

    /** Several communes fit; {@code count} of them. */
    public record Ambiguous(Target column, int count) implements Resolution {
    }

    /** Nothing given. */
    public record Absent() implements Resolution {
    }

    /**
     * The commune of a line: by INSEE code when given, else by name (the postal code choosing among
     * communes of the same name), else by postal code alone when only one commune has it.
     */
    public Resolution resolve(String insee, String name, String postalCode) {
        String postal = code(postalCode);
        if (insee != null) {
            Commune found = byCode.get(code(insee));
            return found == null ? new Unknown(Target.INSEE_CODE) : new Found(found);
        }
        if (name != null) {
            List<Commune> named = byName.getOrDefault(nameKey(name), List.of());
            if (InseeCode.isValid(code(name)) && named.isEmpty()) {
                Commune byItsCode = byCode.get(code(name));
                return byItsCode == null ? new Unknown(Target.COMMUNE) : new Found(byItsCode);
            }
            List<Commune> fitting = postal == null ? named
                    : named.stream().filter(c -> c.postalCodes().contains(postal)).toList();
            if (fitting.size() == 1) {
                return new Found(fitting.get(0));
            }
            if (fitting.isEmpty()) {
                return new Unknown(named.isEmpty() ? Target.COMMUNE : Target.POSTAL_CODE);
            }
            return new Ambiguous(Target.COMMUNE, fitting.size());
        }
        if (postal != null) {
            List<Commune> withCode = byPostalCode.getOrDefault(postal, List.of());
            if (withCode.size() == 1) {
                return new Found(withCode.get(0));
            }
            return withCode.isEmpty() ? new Unknown(Target.POSTAL_CODE) : new Ambiguous(Target.POSTAL_CODE, withCode.size());
        }
        return new Absent();
    }

    public Optional<Commune> find(InseeCode code) {
        return Optional.ofNullable(byCode.get(code.value()));
    }
}
