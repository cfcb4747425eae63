package fr.cercle.model.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void foldRemovesAccentsCaseAndSeparators() {
        assertThat(Text.fold("  Saint-Étienne-de-l'Œuvre ")).isEqualTo("saint etienne de l ouvre");
        assertThat(Text.fold("LÉA")).isEqualTo(Text.fold("lea"));
        assertThat(Text.fold(null)).isEmpty();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Text.editDistance("dupont", "dupont")).isZero();
        assertThat(Text.editDistance("dupont", "dupond")).isEqualTo(1);
        assertThat(Text.editDistance("dupont", "dupon")).isEqualTo(1);
        assertThat(Text.editDistance("martin", "martine")).isEqualTo(1);
        assertThat(Text.editDistance("", "abc")).isEqualTo(3);
        assertThat(Text.editDistance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void blankToNullTrims() {
        assertThat(Text.blankToNull("  ")).isNull();
        assertThat(Text.blankToNull(" a b ")).isEqualTo("a b");
    }

    @Test
    void inseeCodesAcceptCorsica() {
        assertThat(InseeCode.isValid("2A004")).isTrue();
        assertThat(InseeCode.isValid("23176")).isTrue();
        assertThat(InseeCode.isValid("2C004")).isFalse();
        assertThat(InseeCode.isValid("2317")).isFalse();
    }
}
