package fr.cercle.model.autonomy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A person's AGGIR evaluation: the ten discriminating variables, each scored A, B or C, and the GIR
 * the official algorithm gives (décret n° 97-427 of 28 April 1997, now annex 2-1 of the Code de
 * l'action sociale et des familles; weights and thresholds in ../shared/data/aggir.md).
 *
 * <p>Groups A to H are tried in order. For a group, each of the first eight variables scored C adds
 * its C-weight, each scored B its B-weight; the first group whose total reaches one of its thresholds
 * gives the rank, and the rank gives the GIR.
 */
public record AggirGrid(Map<AggirVariable, AggirScore> scores) {

    /** One group of the algorithm: weights for C and for B, and the thresholds that give a rank. */
    private record Group(int[] weightsC, int[] weightsB, int[] thresholds, int[] ranks) {
    }

    private static final Group[] GROUPS = {
            new Group(new int[] {2000, 1200, 40, 40, 60, 100, 800, 200}, new int[] {0, 0, 16, 16, 20, 16, 120, 32},
                    new int[] {4380, 4140, 3390}, new int[] {1, 2, 3}),
            new Group(new int[] {1500, 1200, 40, 40, 60, 100, 800, -80}, new int[] {320, 120, 16, 16, 0, 16, 120, -40},
                    new int[] {2016}, new int[] {4}),
            new Group(new int[] {0, 0, 40, 40, 60, 160, 1000, 400}, new int[] {0, 0, 16, 16, 20, 20, 200, 40},
                    new int[] {1700, 1432}, new int[] {5, 6}),
            new Group(new int[] {0, 0, 0, 0, 2000, 400, 2000, 200}, new int[] {0, 0, 0, 0, 0, 200, 200, 200},
                    new int[] {2400}, new int[] {7}),
            new Group(new int[] {400, 400, 400, 400, 400, 800, 800, 200}, new int[] {0, 0, 100, 100, 100, 100, 100, 0},
                    new int[] {1200}, new int[] {8}),
            new Group(new int[] {200, 200, 500, 500, 500, 500, 500, 200}, new int[] {100, 100, 100, 100, 100, 100, 100, 0},
                    new int[] {800}, new int[] {9}),
            new Group(new int[] {150, 150, 300, 300, 500, 500, 400, 200}, new int[] {0, 0, 200, 200, 200, 200, 200, 100},
                    new int[] {650}, new int[] {10}),
            // Group H: "≥ 4000" as in the annex's usual transcriptions (one reads "> 4000"; see aggir.md).
            new Group(new int[] {0, 0, 3000, 3000, 3000, 3000, 1000, 1000}, new int[] {0, 0, 2000, 2000, 2000, 2000, 2000, 1000},
                    new int[] {4000, 2000}, new int[] {11, 12}),
    };
    /** The rank when no group gives one. */
    private static final int LAST_RANK = 13;

    public AggirGrid {
        Objects.requireNonNull(scores, "scores");
        for (AggirVariable variable : AggirVariable.values()) {
            if (scores.get(variable) == null) {
                throw new IllegalArgumentException("The AGGIR grid lacks the variable " + variable);
            }
        }
        scores = Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    /** A grid from the ten scores in the algorithm's order, such as "ABCABCAAAB". */
    public static AggirGrid of(String tenScores) {
        if (tenScores == null || tenScores.length() != AggirVariable.values().length) {
            throw new IllegalArgumentException("An AGGIR grid has ten scores, A, B or C: " + tenScores);
        }
        Map<AggirVariable, AggirScore> scores = new EnumMap<>(AggirVariable.class);
        for (AggirVariable variable : AggirVariable.values()) {
            scores.put(variable, AggirScore.valueOf(String.valueOf(tenScores.charAt(variable.ordinal()))));
        }
        return new AggirGrid(scores);
    }

    public AggirScore score(AggirVariable variable) {
        return scores.get(variable);
    }

    /** The rank the algorithm gives, from 1 to 13. */
    public int rank() {
        for (Group group : GROUPS) {
            int total = 0;
            for (AggirVariable variable : AggirVariable.values()) {
                if (!variable.discriminating()) {
                    continue;
                }
                switch (scores.get(variable)) {
                    case C -> total += group.weightsC()[variable.ordinal()];
                    case B -> total += group.weightsB()[variable.ordinal()];
                    case A -> { }
                }
            }
            for (int i = 0; i < group.thresholds().length; i++) {
                if (total >= group.thresholds()[i]) {
                    return group.ranks()[i];
                }
            }
        }
        return LAST_RANK;
    }

    /** The GIR: rank 1 is GIR 1; 2 to 7, GIR 2; 8 and 9, GIR 3; 10 and 11, GIR 4; 12, GIR 5; 13, GIR 6. */
    public Gir gir() {
        int rank = rank();
        if (rank == 1) {
            return Gir.GIR_1;
        }
        if (rank <= 7) {
            return Gir.GIR_2;
        }
        if (rank <= 9) {
            return Gir.GIR_3;
        }
        if (rank <= 11) {
            return Gir.GIR_4;
        }
        return rank == 12 ? Gir.GIR_5 : Gir.GIR_6;
    }

    /** The ten scores in the algorithm's order, such as "ABCABCAAAB". */
    public String code() {
        StringBuilder code = new StringBuilder();
        for (AggirVariable variable : AggirVariable.values()) {
            code.append(scores.get(variable).name());
        }
        return code.toString();
    }
}
