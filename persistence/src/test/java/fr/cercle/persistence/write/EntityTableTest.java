package fr.cercle.persistence.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.jooq.Tables.INSTALLATION;
import static fr.cercle.persistence.write.Entities.BENEFICIARY_TABLE;
import static fr.cercle.persistence.write.Entities.HELPER_TABLE;
import static fr.cercle.persistence.write.Entities.INSTALLATION_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a received value must be to reach a column: only what the application can read back. */
class EntityTableTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A value as the exchange format's reader hands it over: parsed from JSON text. */
    static Object json(String text) throws Exception {
        return JSON.readValue(text, Object.class);
    }

    @Test
    void anEnumFieldTakesOnlyTheNamesOfItsEnum() throws Exception {
        assertThat(BENEFICIARY_TABLE.toColumn(BENEFICIARY.STATUS, json("\"PAUSED\""))).isEqualTo("PAUSED");
        assertThatThrownBy(() -> BENEFICIARY_TABLE.toColumn(BENEFICIARY.STATUS, json("\"paused\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beneficiary.status must be one of ACTIVE, PAUSED, CLOSED, not \"paused\"");
        assertThatThrownBy(() -> INSTALLATION_TABLE.toColumn(INSTALLATION.STRUCTURE_KIND, json("\"PRISON\"")))
                .hasMessageStartingWith("installation.structure_kind must be one of CCAS, TOWN_HALL");
    }

    @Test
    void aCommuneIsAnInseeCode() throws Exception {
        assertThat(HELPER_TABLE.toColumn(HELPER.COMMUNE_INSEE, json("\"2A004\""))).isEqualTo("2A004");
        assertThat(HELPER_TABLE.toColumn(HELPER.COMMUNE_INSEE, json("null"))).isNull();
        assertThatThrownBy(() -> HELPER_TABLE.toColumn(HELPER.COMMUNE_INSEE, json("\"La S\"")))
                .hasMessageStartingWith("helper.commune_insee must be an INSEE commune code");
    }

    @Test
    void aListHoldsKnownItemsOnceAndFitsItsColumn() throws Exception {
        assertThat(HELPER_TABLE.toColumn(HELPER.AVAILABILITY, json("[\"TUESDAY_AFTERNOON\",\"SUNDAY_EVENING\"]")))
                .isEqualTo("[\"TUESDAY_AFTERNOON\",\"SUNDAY_EVENING\"]");
        assertThatThrownBy(() -> HELPER_TABLE.toColumn(HELPER.AVAILABILITY, json("[\"MONDAY_NIGHT\"]")))
                .hasMessageStartingWith("helper.availability holds \"MONDAY_NIGHT\"; each item must be one of MONDAY_MORNING");
        assertThatThrownBy(() -> BENEFICIARY_TABLE.toColumn(BENEFICIARY.DOMAINS, json("[\"HEALTH\",\"HEALTH\"]")))
                .hasMessage("beneficiary.domains lists the same value twice");

        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tags.add("atelier numéro " + i); // 120 short tags: over 2,000 characters together
        }
        assertThatThrownBy(() -> HELPER_TABLE.toColumn(HELPER.TAGS, tags))
                .hasMessage("helper.tags is longer than 2000 characters once written as a JSON array");
    }

    @Test
    void aWholeNumberIsWrittenAsOne() throws Exception {
        assertThat(HELPER_TABLE.toColumn(HELPER.MAX_COMMITMENTS, json("2"))).isEqualTo(2);
        for (String bad : List.of("2.5", "2.0", "2e0")) {
            assertThatThrownBy(() -> HELPER_TABLE.toColumn(HELPER.MAX_COMMITMENTS, json(bad)))
                    .as(bad).hasMessage("helper.max_commitments must be a whole number");
        }
        assertThatThrownBy(() -> HELPER_TABLE.toColumn(HELPER.MAX_COMMITMENTS, json("3000000000")))
                .hasMessage("helper.max_commitments must be a whole number from -2147483648 to 2147483647");
    }

    @Test
    void datesAndIdsHaveOneTextForm() throws Exception {
        assertThat(BENEFICIARY_TABLE.toColumn(BENEFICIARY.BIRTH_DATE, json("\"1938-03-02\"")))
                .isEqualTo(java.time.LocalDate.of(1938, 3, 2));
        for (String other : List.of("\"+10000-01-01\"", "\"1938-3-2\"", "\"1938-02-30\"", "\"02/03/1938\"")) {
            assertThatThrownBy(() -> BENEFICIARY_TABLE.toColumn(BENEFICIARY.BIRTH_DATE, json(other)))
                    .as(other).hasMessageStartingWith("beneficiary.birth_date ");
        }
        assertThatThrownBy(() -> BENEFICIARY_TABLE.toColumn(BENEFICIARY.REFERENT_ID, json("\"1-1-1-1-1\"")))
                .hasMessage("beneficiary.referent_id does not hold a valid value: 1-1-1-1-1");
    }

    @Test
    void theRulesCanBeReadToDescribeTheFormat() {
        assertThat(BENEFICIARY_TABLE.textRule(BENEFICIARY.CONSENT_METHOD).orElseThrow().choices())
                .containsExactly("SIGNED_FORM", "ORAL", "LEGAL_REPRESENTATIVE", "ELECTRONIC");
        assertThat(Entities.WEEKLY_SLOT.choices()).hasSize(21).startsWith("MONDAY_MORNING").endsWith("SUNDAY_EVENING");
        assertThat(BENEFICIARY_TABLE.textRule(BENEFICIARY.FIRST_NAME)).isEmpty();
    }
}
