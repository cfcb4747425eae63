package fr.cercle.app.settings;

import fr.cercle.app.SyncFixtures;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.settings.SettingsViewModel.EnrolmentState;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.sync.client.Enrolment;
import fr.cercle.sync.client.SyncSettings;
import fr.cercle.sync.seal.EnrolmentCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync's settings: the enrolment with the server (a real one on loopback), the server's address and
 * the interval, checked, kept in the installation's database.
 */
class SettingsViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    SettingsViewModel model;
    final AtomicInteger saved = new AtomicInteger();
    final List<String> notes = new ArrayList<>();
    final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeEach
    void open() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        model = new SettingsViewModel(app.context());
        model.load();
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    SyncFixtures.Central server(String folder, boolean https) {
        SyncFixtures.Central server = SyncFixtures.server(dir.resolve(folder), https);
        servers.add(server);
        return server;
    }

    static String fingerprint(SyncFixtures.Central server) {
        return server.gateway().registry().keys().publicIdentity().fingerprint();
    }

    static final String NOT_ENROLLED = "Cet ordinateur n’est inscrit auprès d’aucun serveur. "
            + "Demandez un code d’inscription à l’administrateur du serveur.";

    @Test
    void aNewInstallationIsNotEnrolled() {
        assertThat(model.enrolmentStatusProperty().get()).isEqualTo(NOT_ENROLLED);
        assertThat(model.enrolmentStateProperty().get()).isEqualTo(EnrolmentState.NONE);
        assertThat(model.enrolmentCodeProperty().get()).isEmpty();
        assertThat(model.enrolmentMessageProperty().get()).isNullOrEmpty();
    }

    @Test
    void theCodeOfTheServerEnrolsThisComputerWhichThenSaysWithWhichServer() {
        SyncFixtures.Central server = server("server", true);
        model.serverAddressProperty().set(" " + server.uri() + " ");
        // As read over the phone: lower case, spaces instead of hyphens.
        model.enrolmentCodeProperty().set(server.code(SyncFixtures.CCAS).toString().toLowerCase().replace('-', ' '));

        assertThat(model.enrol(notes::add)).isTrue();

        String enrolled = "Inscrit auprès de « Serveur de test » (" + server.uri() + ") pour CCAS de La Souterraine, "
                + "le 25/11/2026. Empreinte du serveur : " + fingerprint(server) + ". Connexion chiffrée, certificat vérifié.";
        assertThat(model.enrolmentStatusProperty().get()).isEqualTo(enrolled);
        assertThat(model.enrolmentStateProperty().get()).isEqualTo(EnrolmentState.SECURE);
        assertThat(notes).containsExactly("Cet ordinateur est inscrit auprès de « Serveur de test ».");
        assertThat(model.enrolmentCodeProperty().get()).isEmpty();
        assertThat(model.enrolmentMessageProperty().get()).isNullOrEmpty();
        assertThat(model.enrollingProperty().get()).isFalse();
        assertThat(Enrolment.read(app.db().localSettings())).hasValueSatisfying(e -> {
            assertThat(e.server()).isEqualTo(server.uri());
            assertThat(e.organisation()).isEqualTo(SyncFixtures.CCAS);
        });
        assertThat(app.context().sync().settingsProperty().get().server()).isEqualTo(server.uri());
        assertThat(server.gateway().registry().find(app.db().deviceId())).isPresent();
        SettingsViewModel reopened = new SettingsViewModel(app.context());
        reopened.load();
        assertThat(reopened.enrolmentStatusProperty().get()).isEqualTo(enrolled);
        assertThat(reopened.serverAddressProperty().get()).isEqualTo(server.uri().toString());
    }

    @Test
    void aNewCodeReplacesTheEnrolmentAndPlainHttpIsWarnedOf() {
        SyncFixtures.Central first = server("server", true);
        Enrolment before = first.enrol(app);
        model.load();
        assertThat(model.enrolmentStateProperty().get()).isEqualTo(EnrolmentState.SECURE);
        SyncFixtures.Central other = server("autre-serveur", false);
        model.serverAddressProperty().set(other.uri().toString());
        model.enrolmentCodeProperty().set(other.code("CCAS de Guéret").toString());

        assertThat(model.enrol(notes::add)).isTrue();

        Enrolment after = Enrolment.read(app.db().localSettings()).orElseThrow();
        assertThat(after.serverParty()).isNotEqualTo(before.serverParty());
        assertThat(after.deviceKeys().publicIdentity()).isNotEqualTo(before.deviceKeys().publicIdentity());
        assertThat(model.enrolmentStateProperty().get()).isEqualTo(EnrolmentState.NOT_SECURE);
        assertThat(model.enrolmentStatusProperty().get()).isEqualTo("Inscrit auprès de « Serveur de test » ("
                + other.uri() + ") pour CCAS de Guéret, le 25/11/2026. Empreinte du serveur : " + fingerprint(other)
                + ". Attention : la connexion avec ce serveur n’est pas chiffrée (son adresse commence par http:// et "
                + "non https://). Demandez à l’administrateur du serveur si c’est voulu.");
        assertThat(SyncSettings.read(app.db().localSettings()).server()).isEqualTo(other.uri());
    }

    @Test
    void aWrongCodeIsRefusedInPlainWordsAndNothingIsStored() {
        SyncFixtures.Central server = server("server", true);
        model.serverAddressProperty().set(server.uri().toString());
        model.enrolmentCodeProperty().set("ABCD-EFGH-JKMN");

        assertThat(model.enrol(notes::add)).isFalse();
        assertThat(model.error(SettingsViewModel.ENROLMENT_CODE).get())
                .isEqualTo("Un code a 16 lettres et chiffres, comme ABCD-EFGH-JKMN-PQRS.");

        model.enrolmentCodeProperty().set(EnrolmentCode.generate().toString());
        assertThat(model.enrol(notes::add)).isTrue();

        assertThat(model.error(SettingsViewModel.ENROLMENT_CODE).get()).isNullOrEmpty();
        assertThat(model.enrolmentMessageProperty().get()).isEqualTo("Le serveur n’a pas accepté ce code : il a "
                + "peut-être été mal recopié, déjà utilisé, ou il a expiré. Vérifiez le code et l’adresse du serveur, ou "
                + "demandez un nouveau code à son administrateur. Rien n’a été changé sur cet ordinateur.");
        assertThat(model.enrolmentStatusProperty().get()).isEqualTo(NOT_ENROLLED);
        assertThat(notes).isEmpty();
        assertThat(Enrolment.read(app.db().localSettings())).isEmpty();
        assertThat(SyncSettings.read(app.db().localSettings())).isEqualTo(SyncSettings.NONE);
        assertThat(server.gateway().registry().devices()).isEmpty();
    }

    @Test
    void anEnrolmentNeedsTheAddressOfAServerThatAnswers() {
        model.enrolmentCodeProperty().set(EnrolmentCode.generate().toString());

        assertThat(model.enrol(notes::add)).isFalse();
        assertThat(model.error(SettingsViewModel.SYNC_SERVER).get())
                .isEqualTo("Indiquez l’adresse du serveur auprès duquel inscrire cet ordinateur.");

        model.serverAddressProperty().set("cercle.creuse.fr");
        assertThat(model.enrol(notes::add)).isFalse();
        assertThat(model.error(SettingsViewModel.SYNC_SERVER).get()).startsWith("Adresse incorrecte");

        model.serverAddressProperty().set(SyncFixtures.unreachable().toString());
        assertThat(model.enrol(notes::add)).isTrue();
        assertThat(model.error(SettingsViewModel.SYNC_SERVER).get()).isNullOrEmpty();
        assertThat(model.enrolmentMessageProperty().get()).isEqualTo("Le serveur ne répond pas à cette adresse. "
                + "Vérifiez l’adresse et la connexion au réseau, puis réessayez. Rien n’a été changé sur cet ordinateur.");
        assertThat(Enrolment.read(app.db().localSettings())).isEmpty();
    }

    @Test
    void onlyAnAdministratorEnrolsThisComputer() {
        SyncFixtures.Central server = server("server", true);
        app.context().viewerProperty().set(new Viewer("paul.durand", Optional.empty(), Set.of(Role.CASEWORKER), Set.of()));
        model.serverAddressProperty().set(server.uri().toString());
        model.enrolmentCodeProperty().set(server.code(SyncFixtures.CCAS).toString());

        assertThat(model.enrol(notes::add)).isFalse();

        assertThat(model.failureProperty().get()).startsWith("Votre compte ne permet pas cette modification");
        assertThat(Enrolment.read(app.db().localSettings())).isEmpty();
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
