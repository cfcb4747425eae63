package fr.cercle.app.welcome;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.local.LocalSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class WelcomeViewModelTest {

    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void open() {
        app = TestApp.fresh(dir, TaskRunner.direct(), Language.FRENCH);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void nothingIsRecordedUntilEveryFieldIsFilled() {
        WelcomeViewModel welcome = new WelcomeViewModel(app.context());
        welcome.structureNameProperty().set("Mairie de Vareilles");

        assertThat(welcome.start(member -> { })).isFalse();

        assertThat(welcome.errors()).containsOnlyKeys(Structure.KIND, Structure.COMMUNE, StaffMember.FIRST_NAME,
                StaffMember.LAST_NAME, StaffMember.DOMAINS);
        assertThat(app.context().installation().find()).isEmpty();
        assertThat(app.db().journal().count()).isZero();
    }

    @Test
    void recordsTheStructureAndTheFirstStaffMemberWhoBecomesTheAuthor() {
        WelcomeViewModel welcome = new WelcomeViewModel(app.context());
        welcome.structureNameProperty().set("Mairie de Vareilles");
        welcome.structureKindProperty().set(StructureKind.TOWN_HALL);
        welcome.communeProperty().set(app.context().communes().find(new InseeCode("23258")).orElseThrow());
        welcome.firstNameProperty().set("Martine");
        welcome.lastNameProperty().set("Lavaud");
        welcome.domainProperty(Domain.ELDERLY).set(true);
        AtomicReference<StaffMember> done = new AtomicReference<>();

        assertThat(welcome.start(done::set)).isTrue();

        assertThat(done.get().fullName()).isEqualTo("Martine Lavaud");
        assertThat(done.get().structure()).isEqualTo("Mairie de Vareilles");
        assertThat(app.context().installation().find()).get()
                .satisfies(i -> assertThat(i.structure().kind()).isEqualTo(StructureKind.TOWN_HALL));
        assertThat(app.context().currentStaffProperty().get()).isEqualTo(done.get());
        assertThat(app.db().localSettings().get(LocalSettings.CURRENT_STAFF)).contains(done.get().id().toString());
        assertThat(app.db().journal().count()).isEqualTo(2);
        // The founder's account now acts as her, and runs the structure: she sees its files.
        Viewer founder = app.context().viewer();
        assertThat(founder.login()).isEqualTo(TestApp.FOUNDER);
        assertThat(founder.staff()).contains(done.get().id());
        assertThat(founder.roles()).containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.COORDINATOR);
        assertThat(founder.domains()).containsExactly(Domain.ELDERLY);
        assertThat(app.context().accounts().viewer(TestApp.FOUNDER)).isEqualTo(founder);
    }
}
