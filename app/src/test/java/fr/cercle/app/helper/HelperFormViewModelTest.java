package fr.cercle.app.helper;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HelperFormViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    List<HelperSummary> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.ENGLISH);
    }

    @AfterEach
    void close() {
        app.close();
    }

    HelperFormViewModel newForm() {
        HelperFormViewModel form = new HelperFormViewModel(app.context());
        form.setOnSaved(saved::add);
        form.startNew();
        return form;
    }

    @Test
    void anEmptyFormSaysWhatIsMissingInEnglish() {
        HelperFormViewModel form = newForm();

        assertThat(form.save()).isFalse();

        assertThat(form.error(Helper.FIRST_NAME).get()).isEqualTo("This field is required.");
        assertThat(form.error(Helper.PHONE).get()).isEqualTo("Give a phone number or an e-mail address.");
        assertThat(form.error(Helper.COMMUNE).get()).isEqualTo("This field is required.");
        assertThat(app.context().helpers().count()).isZero();
    }

    @Test
    void aValidCheckNeedsItsDate() {
        HelperFormViewModel form = newForm();
        form.checkStatusProperty().set(BackgroundCheckStatus.VALID);

        form.save();

        assertThat(form.error(Helper.BACKGROUND_CHECK_DATE).get()).isEqualTo("With this status, give the date.");
    }

    @Test
    void everythingTheFormHoldsIsSavedAndReadBack() {
        HelperFormViewModel form = newForm();
        form.firstNameProperty().set("Karim");
        form.lastNameProperty().set("Benali");
        form.phoneProperty().set("06 12 34 56 78");
        form.communeProperty().set(app.context().communes().find(new InseeCode("23176")).orElseThrow());
        form.skillProperty(Skill.SHOPPING).set(true);
        form.skillProperty(Skill.TRANSPORT).set(true);
        form.tagsProperty().set(" cuisine,  échecs ,");
        form.languages().setAll("fr", "ar");
        form.availableProperty(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)).set(true);
        form.maxCommitmentsProperty().set(3);
        form.charterSignedOnProperty().set(LocalDate.of(2026, 2, 1));
        form.checkStatusProperty().set(BackgroundCheckStatus.VALID);
        form.checkDateProperty().set(LocalDate.of(2026, 2, 10));

        assertThat(form.save()).isTrue();

        Helper stored = app.context().helpers().find(form.id()).orElseThrow();
        assertThat(stored.tags()).containsExactly("cuisine", "échecs");
        assertThat(stored.languages()).containsExactly("ar", "fr");
        assertThat(stored.availability()).containsExactly(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON));
        assertThat(stored.skills()).containsExactly(Skill.SHOPPING, Skill.TRANSPORT);
        assertThat(saved).singleElement().extracting(HelperSummary::communeName).isEqualTo("La Souterraine");

        HelperFormViewModel reopened = new HelperFormViewModel(app.context());
        reopened.load(form.id());
        assertThat(reopened.toHelper()).isEqualTo(stored);
        assertThat(reopened.hasChanges()).isFalse();
        assertThat(reopened.languageName("ar")).isEqualTo("Arabic");
    }

    @Test
    void aRecordChangedElsewhereShowsAsItIsNowAndWhatThePersonTypedStaysOverIt() {
        var author = app.context().author();
        Helper karim = fr.cercle.persistence.TestData.helper().build();
        app.context().helpers().save(karim, author);
        HelperFormViewModel form = new HelperFormViewModel(app.context());
        form.load(karim.id());
        form.skillProperty(Skill.TRANSPORT).set(true);

        app.context().helpers().save(karim.toBuilder().status(fr.cercle.model.helper.HelperStatus.PAUSED)
                .maxCommitments(4).build(), author);
        form.refresh();

        assertThat(form.statusProperty().get()).isEqualTo(fr.cercle.model.helper.HelperStatus.PAUSED);
        assertThat(form.maxCommitmentsProperty().get()).isEqualTo(4);
        assertThat(form.skillProperty(Skill.TRANSPORT).get()).isTrue();
        assertThat(form.hasChanges()).isTrue();
        assertThat(form.save()).isTrue();
        Helper stored = app.context().helpers().find(karim.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(fr.cercle.model.helper.HelperStatus.PAUSED);
        assertThat(stored.maxCommitments()).isEqualTo(4);
        assertThat(stored.skills()).contains(Skill.TRANSPORT, Skill.VISITS, Skill.SHOPPING);
    }
}
