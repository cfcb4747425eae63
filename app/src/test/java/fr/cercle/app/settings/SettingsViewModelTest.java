package fr.cercle.app.settings;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.sync.client.SyncSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync's settings: the server's address and the interval, checked, kept in the installation's database. */
class SettingsViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    SettingsViewModel model;
    final AtomicInteger saved = new AtomicInteger();

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        model = new SettingsViewModel(app.context());
        model.load();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aNewInstallationHasNoServerAndAQuarterOfAnHour() {
        assertThat(model.serverAddressProperty().get()).isEmpty();
        assertThat(model.intervalProperty().get()).isEqualTo("15");
    }

    @Test
    void theServerAndTheIntervalAreKeptForTheInstallationAndTheSyncFollows() {
        model.serverAddressProperty().set("  https://cercle.creuse.fr/  ");
        model.intervalProperty().set("30");

        assertThat(model.saveSync(saved::incrementAndGet)).isTrue();

        assertThat(saved).hasValue(1);
        assertThat(SyncSettings.read(app.db().localSettings()))
                .isEqualTo(new SyncSettings(URI.create("https://cercle.creuse.fr/"), 30));
        assertThat(app.context().sync().settingsProperty().get().server()).isEqualTo(URI.create("https://cercle.creuse.fr/"));
        SettingsViewModel reopened = new SettingsViewModel(app.context());
        reopened.load();
        assertThat(reopened.serverAddressProperty().get()).isEqualTo("https://cercle.creuse.fr/");
        assertThat(reopened.intervalProperty().get()).isEqualTo("30");

        model.serverAddressProperty().set("");
        assertThat(model.saveSync(saved::incrementAndGet)).isTrue();
        assertThat(SyncSettings.read(app.db().localSettings()).hasServer()).isFalse();
    }

    @Test
    void aWrongAddressOrIntervalIsSaidInPlainWordsAndNothingIsSaved() {
        model.serverAddressProperty().set("cercle.creuse.fr");
        model.intervalProperty().set("2");

        assertThat(model.saveSync(saved::incrementAndGet)).isFalse();

        assertThat(model.error(SettingsViewModel.SYNC_SERVER).get()).isEqualTo(
                "Adresse incorrecte : elle commence par https:// ou http://, par exemple https://cercle.mon-departement.fr.");
        assertThat(model.error(SettingsViewModel.SYNC_INTERVAL).get())
                .isEqualTo("Indiquez un nombre de minutes entre 5 et 240.");
        assertThat(saved).hasValue(0);
        assertThat(SyncSettings.read(app.db().localSettings())).isEqualTo(SyncSettings.NONE);

        model.intervalProperty().set("un quart d’heure");
        model.saveSync(saved::incrementAndGet);
        assertThat(model.error(SettingsViewModel.SYNC_INTERVAL).get())
                .isEqualTo("Indiquez un nombre de minutes entre 5 et 240.");

        model.serverAddressProperty().set("http://192.168.1.20:8645");
        model.intervalProperty().set("240");
        assertThat(model.saveSync(saved::incrementAndGet)).isTrue();
        assertThat(model.error(SettingsViewModel.SYNC_SERVER).get()).isNullOrEmpty();
        assertThat(model.error(SettingsViewModel.SYNC_INTERVAL).get()).isNullOrEmpty();
    }
}
