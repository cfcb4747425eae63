package fr.cercle.app.beneficiary;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.list.SortSpec;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.persistence.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BeneficiaryListViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    BeneficiaryListViewModel list;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        var author = app.context().author();
        save(TestData.beneficiary(author).build());
        save(TestData.beneficiary(author).firstName("Hélène").lastName("Dupré").birthDate(LocalDate.of(1950, 5, 1))
                .address(new Address(null, "23160", new InseeCode("23015"))).domains(Set.of(Domain.HEALTH)).build());
        save(TestData.beneficiary(author).firstName("Lucas").lastName("Aubert").birthDate(LocalDate.of(2010, 9, 9))
                .consent(new Consent(LocalDate.of(2026, 1, 5), ConsentScope.FOLLOW_UP, ConsentMethod.SIGNED_FORM,
                        "Mme Aubert, sa mère", null))
                .domains(Set.of(Domain.SCHOOL)).status(BeneficiaryStatus.PAUSED).build());
        list = new BeneficiaryListViewModel(app.context());
        list.load();
    }

    void save(Beneficiary b) {
        app.context().beneficiaries().save(b, app.context().author());
    }

    @AfterEach
    void close() {
        app.close();
    }

    List<String> names() {
        return list.rows().stream().map(r -> r.summary().lastName()).toList();
    }

    @Test
    void loadsEveryFileWithItsCount() {
        assertThat(list.rows()).hasSize(3);
        assertThat(list.countText().get()).isEqualTo("3 personnes");
    }

    @Test
    void searchesByNameCommuneAndPostalCode() {
        list.searchProperty().set("dupre");
        assertThat(names()).containsExactly("Dupré");
        list.searchProperty().set("azerables");
        assertThat(names()).containsExactly("Dupré");
        list.searchProperty().set("23300");
        assertThat(names()).containsExactlyInAnyOrder("Martin", "Aubert");
        assertThat(list.countText().get()).isEqualTo("2 sur 3");
        list.searchProperty().set("souterraine lucas");
        assertThat(names()).containsExactly("Aubert");
    }

    @Test
    void filtersByDomainAndStatus() {
        list.domainProperty().set(Domain.SCHOOL);
        assertThat(names()).containsExactly("Aubert");
        list.domainProperty().set(null);
        list.statusProperty().set(BeneficiaryStatus.ACTIVE);
        assertThat(names()).containsExactlyInAnyOrder("Martin", "Dupré");
    }

    @Test
    void sortsByTheChosenColumns() {
        list.sortBy(List.of(new SortSpec<>(BeneficiaryColumn.LAST_NAME, true)));
        assertThat(names()).containsExactly("Aubert", "Dupré", "Martin");
        list.sortBy(List.of(new SortSpec<>(BeneficiaryColumn.BIRTH_DATE, false)));
        assertThat(names()).containsExactly("Aubert", "Dupré", "Martin");
        list.sortBy(List.of(new SortSpec<>(BeneficiaryColumn.COMMUNE, true), new SortSpec<>(BeneficiaryColumn.LAST_NAME, false)));
        assertThat(names()).containsExactly("Dupré", "Martin", "Aubert");
    }
}
