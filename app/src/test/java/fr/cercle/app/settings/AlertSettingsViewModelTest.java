package fr.cercle.app.settings;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.alert.AlertSettings;
import fr.cercle.model.common.Domain;
import fr.cercle.persistence.alert.AlertRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert thresholds as an administrator types them: checked, then kept in the installation's settings. */
class AlertSettingsViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    AlertSettingsViewModel model;
    final AtomicInteger saved = new AtomicInteger();

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        model = new AlertSettingsViewModel(app.context());
        model.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theDefaultsAreShownAndAChangeIsKept() {
        assertThat(model.administrator()).isTrue();
        assertThat(model.value("noContactDays.ELDERLY").get()).isEqualTo("7");
        assertThat(model.value("noContactDays.HEALTH").get()).isEqualTo("14");
        assertThat(model.value(AlertSettings.HELPER_INACTIVE_DAYS).get()).isEqualTo("30");

        model.value("noContactDays.ELDERLY").set(" 5 ");
        assertThat(model.save(saved::incrementAndGet)).isTrue();
        assertThat(saved).hasValue(1);
        assertThat(AlertRepository.settings(app.context().localSettings()).noContactDays(Domain.ELDERLY)).isEqualTo(5);
    }

    @Test
    void aWrongValueIsNamedAndNothingIsSaved() {
        model.value("noContactDays.SCHOOL").set("0");
        model.value(AlertSettings.CONSENT_YEARS).set("deux");
        assertThat(model.save(saved::incrementAndGet)).isFalse();
        assertThat(model.error("noContactDays.SCHOOL").get()).isEqualTo("Indiquez un nombre entre 1 et 365.");
        assertThat(model.error(AlertSettings.CONSENT_YEARS).get()).isEqualTo("Indiquez un nombre entre 1 et 10.");
        assertThat(model.error(AlertSettings.NEED_UNMET_DAYS).get()).isNull();
        assertThat(saved).hasValue(0);
        assertThat(AlertRepository.settings(app.context().localSettings())).isEqualTo(AlertSettings.defaults());
    }
}
