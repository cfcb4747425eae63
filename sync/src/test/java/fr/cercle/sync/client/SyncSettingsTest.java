package fr.cercle.sync.client;

import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.sync.Installations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aNewInstallationHasNoServerAndSyncsEveryQuarterOfAnHour() {
        try (CercleDatabase db = Installations.open(dir, TestData.CLOCK)) {
            SyncSettings settings = SyncSettings.read(db.localSettings());

            assertThat(settings).isEqualTo(SyncSettings.NONE);
            assertThat(settings.hasServer()).isFalse();
            assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void theSettingsAreKeptInTheInstallationsDatabase() {
        try (CercleDatabase db = Installations.open(dir, TestData.CLOCK)) {
            new SyncSettings(URI.create("https://cercle.creuse.fr/sync/"), 30).write(db.localSettings());
        }
        try (CercleDatabase db = Installations.open(dir, TestData.CLOCK)) {
            assertThat(SyncSettings.read(db.localSettings()))
                    .isEqualTo(new SyncSettings(URI.create("https://cercle.creuse.fr/sync/"), 30));
            SyncSettings.NONE.write(db.localSettings());
            assertThat(SyncSettings.read(db.localSettings()).hasServer()).isFalse();
        }
    }

    @Test
    void onlyCompleteHttpOrHttpsAddressesAreServers() {
        assertThat(SyncSettings.serverAddress(" https://cercle.creuse.fr ")).contains(URI.create("https://cercle.creuse.fr"));
        assertThat(SyncSettings.isServerAddress("http://192.168.1.20:8645/")).isTrue();
        assertThat(SyncSettings.isServerAddress("HTTPS://Cercle.Creuse.fr")).isTrue();
        assertThat(SyncSettings.isServerAddress("cercle.creuse.fr")).isFalse();
        assertThat(SyncSettings.isServerAddress("ftp://cercle.creuse.fr")).isFalse();
        assertThat(SyncSettings.isServerAddress("https://")).isFalse();
        assertThat(SyncSettings.isServerAddress("https://cercle creuse.fr")).isFalse();
        assertThat(SyncSettings.isServerAddress("https://cercle.creuse.fr/?device=1")).isFalse();
        assertThat(SyncSettings.isServerAddress("")).isFalse();
        assertThat(SyncSettings.isServerAddress(null)).isFalse();
    }

    @Test
    void theIntervalIsBetweenFiveMinutesAndFourHours() {
        assertThat(SyncSettings.isInterval(5)).isTrue();
        assertThat(SyncSettings.isInterval(240)).isTrue();
        assertThat(SyncSettings.isInterval(4)).isFalse();
        assertThat(SyncSettings.isInterval(241)).isFalse();
        assertThatThrownBy(() -> new SyncSettings(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncSettings(URI.create("mailto:x@y.fr"), 15)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDamagedStoredValueCountsAsNotSet() {
        try (CercleDatabase db = Installations.open(dir, TestData.CLOCK)) {
            db.localSettings().put(SyncSettings.SERVER, "not an address");
            db.localSettings().put(SyncSettings.INTERVAL, "often");

            assertThat(SyncSettings.read(db.localSettings())).isEqualTo(SyncSettings.NONE);
        }
    }
}
