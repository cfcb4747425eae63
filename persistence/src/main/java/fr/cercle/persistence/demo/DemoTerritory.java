package fr.cercle.persistence.demo;

import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.persistence.commune.CommuneRepository;

import java.util.Comparator;
import java.util.List;

/**
 * The communes of the demo intercommunality, each drawn in proportion to its population, so that
 * people live mostly in the small town and the rest in its villages, as in the real area.
 */
final class DemoTerritory {

    private final List<Commune> communes;
    private final long[] cumulativePopulation;

    private DemoTerritory(List<Commune> communes) {
        this.communes = communes;
        this.cumulativePopulation = new long[communes.size()];
        long sum = 0;
        for (int i = 0; i < communes.size(); i++) {
            sum += Math.max(1, communes.get(i).population());
            cumulativePopulation[i] = sum;
        }
    }

    /**
     * The communes of this intercommunality, from the loaded reference, in the order of their INSEE
     * codes (not of population, whose ties the database may order either way), so draws are repeatable.
     */
    static DemoTerritory of(CommuneRepository repository, String epciCode) {
        List<Commune> communes = repository.inIntercommunality(epciCode).stream()
                .sorted(Comparator.comparing(Commune::code))
                .toList();
        if (communes.isEmpty()) {
            throw new IllegalStateException("The communes reference holds no commune of intercommunality " + epciCode);
        }
        return new DemoTerritory(communes);
    }

    Commune draw(DemoRandom random) {
        long drawn = (long) (random.unit() * cumulativePopulation[cumulativePopulation.length - 1]);
        for (int i = 0; i < cumulativePopulation.length; i++) {
            if (drawn < cumulativePopulation[i]) {
                return communes.get(i);
            }
        }
        return communes.get(communes.size() - 1);
    }

    /** The most populated commune: the small town where the structure sits. */
    Commune mainTown() {
        return communes.stream().max(Comparator.comparingInt(Commune::population).thenComparing(Commune::code))
                .orElseThrow();
    }

    /** Fails if the commune is not one of the territory: the reference no longer matches the demo. */
    void requireContains(InseeCode code) {
        if (communes.stream().noneMatch(c -> c.code().equals(code))) {
            throw new IllegalStateException("Commune " + code + " is not in the demo territory");
        }
    }

    List<Commune> communes() {
        return communes;
    }
}
