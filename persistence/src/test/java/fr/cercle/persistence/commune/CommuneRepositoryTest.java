package fr.cercle.persistence.commune;

import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.StorageException;
import fr.cercle.persistence.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommuneRepositoryTest {

    @TempDir
    static Path dir;
    static CercleDatabase db;
    static CommuneRepository communes;

    @BeforeAll
    static void load() {
        db = CercleDatabase.open(dir, TestData.CLOCK);
        new CommuneReferenceLoader(db.dsl(), TestData.CLOCK).ensureLoaded();
        communes = new CommuneRepository(db.dsl());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void loadsEveryCommuneOfTheReferenceOnce() {
        assertThat(communes.count()).isEqualTo(34_969);
        assertThat(new CommuneReferenceLoader(db.dsl(), TestData.CLOCK).load(readReference())).isFalse();
    }

    @Test
    void findsACommuneWithItsIntercommunality() {
        Commune laSouterraine = communes.find(new InseeCode("23176")).orElseThrow();

        assertThat(laSouterraine.name()).isEqualTo("La Souterraine");
        assertThat(laSouterraine.postalCodes()).containsExactly("23300");
        assertThat(laSouterraine.department()).isEqualTo("23");
        assertThat(laSouterraine.epciName()).isEqualTo("CC du Pays Sostranien");
    }

    @Test
    void searchesByTheStartOfTheNameWhateverTheAccentsAndHyphens() {
        assertThat(communes.search("saint etienne", 5)).first().extracting(Commune::name).isEqualTo("Saint-Étienne");
        assertThat(communes.search("la sout", 5)).extracting(Commune::name).contains("La Souterraine");
        assertThat(communes.search("LA SOUTERRAINE", 5)).first().extracting(Commune::name).isEqualTo("La Souterraine");
    }

    @Test
    void searchesByPostalCodeLargestFirst() {
        assertThat(communes.search("23300", 20)).extracting(Commune::name).startsWith("La Souterraine")
                .allSatisfy(name -> assertThat(name).isNotBlank());
        assertThat(communes.search("75001", 5)).extracting(Commune::name).containsExactly("Paris");
    }

    @Test
    void thenNamesContainingTheText() {
        assertThat(communes.search("souterr", 10)).extracting(Commune::name).contains("La Souterraine");
    }

    @Test
    void aBrokenReferenceIsRefusedAndTheLoadedOneKept() {
        byte[] broken = "code_insee,nom,codes_postaux,departement,region,epci_code,epci_nom,population\nXX,Nowhere,0,0,0,,,1\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CommuneReferenceLoader(db.dsl(), TestData.CLOCK).load(broken))
                .isInstanceOf(StorageException.class).hasMessageContaining("line 2");
        assertThat(communes.count()).isEqualTo(34_969);
    }

    private static byte[] readReference() {
        try (var in = CommuneReferenceLoader.class.getResourceAsStream(CommuneReferenceLoader.RESOURCE)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
