package fr.cercle.model.commune;

import fr.cercle.model.common.InseeCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommuneTest {

    static Commune commune(String code, String epci, String department) {
        return new Commune(new InseeCode(code), code, List.of("23300"), department, "75", epci, "CC", 100);
    }

    @Test
    void proximityGoesFromCommuneToDepartment() {
        Commune here = commune("23176", "242300135", "23");

        assertThat(here.proximityTo(commune("23176", "242300135", "23"))).isEqualTo(Commune.Proximity.SAME_COMMUNE);
        assertThat(here.proximityTo(commune("23179", "242300135", "23"))).isEqualTo(Commune.Proximity.SAME_INTERCOMMUNALITY);
        assertThat(here.proximityTo(commune("23096", "200067130", "23"))).isEqualTo(Commune.Proximity.SAME_DEPARTMENT);
        assertThat(here.proximityTo(commune("87085", "248700189", "87"))).isEqualTo(Commune.Proximity.FURTHER);
        assertThat(here.proximityTo(commune("23001", null, "23"))).isEqualTo(Commune.Proximity.SAME_DEPARTMENT);
    }
}
