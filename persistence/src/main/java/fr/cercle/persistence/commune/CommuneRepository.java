package fr.cercle.persistence.commune;

import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Text;
import fr.cercle.model.commune.Commune;
import fr.cercle.persistence.jooq.tables.records.CommuneRecord;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.cercle.persistence.jooq.Tables.COMMUNE;
import static fr.cercle.persistence.jooq.Tables.COMMUNE_POSTAL_CODE;

/** The communes reference: find a commune by code, or by the start of its name or postal code as one types. */
public final class CommuneRepository {

    private final DSLContext dsl;

    public CommuneRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Commune> find(InseeCode code) {
        return dsl.selectFrom(COMMUNE).where(COMMUNE.INSEE_CODE.eq(code.value())).fetchOptional(CommuneRepository::toCommune);
    }

    public Map<InseeCode, Commune> findAll(Collection<InseeCode> codes) {
        Map<InseeCode, Commune> found = new LinkedHashMap<>();
        dsl.selectFrom(COMMUNE).where(COMMUNE.INSEE_CODE.in(codes.stream().map(InseeCode::value).toList()))
                .forEach(r -> found.put(new InseeCode(r.getInseeCode()), toCommune(r)));
        return found;
    }

    /**
     * Communes for what the user typed: digits search postal codes by prefix; anything else searches
     * names (accents and hyphens aside), those starting with the text first, then those containing it.
     * Larger communes come first within each group.
     */
    public List<Commune> search(String typed, int limit) {
        String query = typed == null ? "" : typed.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        if (query.chars().allMatch(Character::isDigit)) {
            return dsl.selectDistinct(COMMUNE.fields()).from(COMMUNE)
                    .join(COMMUNE_POSTAL_CODE).on(COMMUNE_POSTAL_CODE.INSEE_CODE.eq(COMMUNE.INSEE_CODE))
                    .where(COMMUNE_POSTAL_CODE.POSTAL_CODE.startsWith(query))
                    .orderBy(COMMUNE.POPULATION.desc(), COMMUNE.NAME)
                    .limit(limit)
                    .fetch(r -> toCommune(r.into(COMMUNE)));
        }
        String folded = Text.fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        List<Commune> result = new ArrayList<>(dsl.selectFrom(COMMUNE)
                .where(COMMUNE.NAME_FOLDED.startsWith(folded))
                .orderBy(COMMUNE.POPULATION.desc(), COMMUNE.NAME)
                .limit(limit)
                .fetch(CommuneRepository::toCommune));
        if (result.size() < limit && folded.length() >= 3) {
            result.addAll(dsl.selectFrom(COMMUNE)
                    .where(COMMUNE.NAME_FOLDED.contains(folded).and(COMMUNE.NAME_FOLDED.notLike(folded + "%")))
                    .orderBy(COMMUNE.POPULATION.desc(), COMMUNE.NAME)
                    .limit(limit - result.size())
                    .fetch(CommuneRepository::toCommune));
        }
        return result;
    }

    /**
     * The communes a spreadsheet may mean, in one query: those with one of these INSEE codes, folded
     * names ({@code commune.name_folded}) or postal codes. For imports, which look each line up in memory.
     */
    public List<Commune> named(Collection<String> codes, Collection<String> foldedNames, Collection<String> postalCodes) {
        // Three queries on three indexes: one query with OR of the three conditions reads every commune.
        Map<String, Commune> found = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            dsl.selectFrom(COMMUNE).where(COMMUNE.INSEE_CODE.in(codes))
                    .forEach(r -> found.putIfAbsent(r.getInseeCode(), toCommune(r)));
        }
        if (!foldedNames.isEmpty()) {
            dsl.selectFrom(COMMUNE).where(COMMUNE.NAME_FOLDED.in(foldedNames))
                    .forEach(r -> found.putIfAbsent(r.getInseeCode(), toCommune(r)));
        }
        if (!postalCodes.isEmpty()) {
            dsl.select(COMMUNE.fields()).from(COMMUNE)
                    .join(COMMUNE_POSTAL_CODE).on(COMMUNE_POSTAL_CODE.INSEE_CODE.eq(COMMUNE.INSEE_CODE))
                    .where(COMMUNE_POSTAL_CODE.POSTAL_CODE.in(postalCodes))
                    .forEach(r -> found.putIfAbsent(r.get(COMMUNE.INSEE_CODE), toCommune(r.into(COMMUNE))));
        }
        return List.copyOf(found.values());
    }

    /** The communes of one intercommunality, largest first. */
    public List<Commune> inIntercommunality(String epciCode) {
        return dsl.selectFrom(COMMUNE).where(COMMUNE.EPCI_CODE.eq(epciCode))
                .orderBy(COMMUNE.POPULATION.desc(), COMMUNE.INSEE_CODE).fetch(CommuneRepository::toCommune);
    }

    public int count() {
        return dsl.fetchCount(COMMUNE);
    }

    static Commune toCommune(CommuneRecord r) {
        List<String> postalCodes = r.getPostalCodes().isBlank() ? List.of() : Arrays.asList(r.getPostalCodes().split("\\|"));
        return new Commune(new InseeCode(r.getInseeCode()), r.getName(), postalCodes, r.getDepartment(), r.getRegion(),
                r.getEpciCode(), r.getEpciName(), r.getPopulation());
    }
}
