package fr.cercle.model.autonomy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GIR from the ten scores, against worked examples: the sanity checks of the annex's
 * transcriptions (all A, all C), the example of the public implementation published with the grid's
 * interactive form, and profiles worked by hand from the annex's weights, one through each group, the
 * totals written beside them (variables 1 to 8; 9 and 10 weigh nothing).
 */
class AggirGridTest {

    @ParameterizedTest(name = "{0} → rank {1}, GIR {2}")
    @CsvSource({
            // All A: no group reaches a threshold → rank 13.
            "AAAAAAAAAA, 13, 6",
            // All C on 1–8: group A 2000+1200+40+40+60+100+800+200 = 4440 ≥ 4380 → rank 1.
            "CCCCCCCCAA, 1, 1",
            "CCCCCCCCCC, 1, 1",
            // Variable 8 A: group A 4240 ≥ 4140 → rank 2.
            "CCCCCCCAAA, 2, 2",
            // Variable 7 A: group A 3640 ≥ 3390 → rank 3.
            "CCCCCCACAA, 3, 2",
            // Cohérence and orientation C only: group A 3200; group B 1500+1200 = 2700 ≥ 2016 → rank 4.
            "CCAAAAAAAA, 4, 2",
            // Mind sound, body dependent: group C 40+40+60+160+1000+400 = 1700 ≥ 1700 → rank 5.
            "AACCCCCCAA, 5, 2",
            // The published implementation's example: group E 400+800 (C) + 100 (B) = 1300 ≥ 1200 → rank 8.
            "ABCABCAAAB, 8, 3",
            // B on 1–7, C on 8: group F 7×100 + 200 = 900 ≥ 800 (group E 700) → rank 9.
            "BBBBBBBCAA, 9, 3",
            // B on washing, dressing, eating, moving inside: group G 3×200 + 100 = 700 ≥ 650 → rank 10.
            "AABBBAABAA, 10, 4",
            // B on washing and dressing: group H 2000+2000 = 4000 ≥ 4000 → rank 11 (see below).
            "AABBAAAAAA, 11, 4",
            // B on eating alone: group H 2000 ≥ 2000 → rank 12.
            "AAAABAAAAA, 12, 5",
            // Cohérence C alone reaches no threshold (group A 2000, B 1500, E 400): rank 13.
            "CAAAAAAAAA, 13, 6",
            // Variables 9 and 10 weigh nothing.
            "AAAAAAAACC, 13, 6",
    })
    void theGirOfWorkedProfiles(String scores, int rank, int gir) {
        AggirGrid grid = AggirGrid.of(scores);
        assertThat(grid.rank()).isEqualTo(rank);
        assertThat(grid.gir()).isEqualTo(Gir.of(gir));
        assertThat(grid.code()).isEqualTo(scores);
    }

    @Test
    void groupHCountsAnEqualTotalAsReachingItsThreshold() {
        // One transcription reads "> 4000" for rank 11; the annex and the others read "≥ 4000". A total
        // of exactly 4000 is then GIR 4, which opens the APA, and not GIR 5.
        assertThat(AggirGrid.of("AABBAAAAAA").gir()).isEqualTo(Gir.GIR_4);
        assertThat(Gir.GIR_4.opensApa()).isTrue();
        assertThat(Gir.GIR_5.opensApa()).isFalse();
    }

    @Test
    void everyVariableIsScored() {
        EnumMap<AggirVariable, AggirScore> partial = new EnumMap<>(AggirVariable.class);
        partial.put(AggirVariable.COHERENCE, AggirScore.A);
        assertThatThrownBy(() -> new AggirGrid(partial)).hasMessageContaining("lacks the variable ORIENTATION");
        assertThatThrownBy(() -> AggirGrid.of("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggirGrid.of("ABCDABCABC")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AggirVariable.REMOTE_COMMUNICATION.discriminating()).isFalse();
        assertThat(AggirVariable.MOVING_INSIDE.discriminating()).isTrue();
    }
}
