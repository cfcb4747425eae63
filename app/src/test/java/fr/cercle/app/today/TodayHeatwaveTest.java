package fr.cercle.app.today;

import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.heatwave.Campaign;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.persistence.profile.ProfileRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static fr.cercle.persistence.jooq.Tables.HEATWAVE_CALL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * During a heatwave alert, opening "Today" starts the round the alert level's rhythm makes due (once
 * a day, whichever page opens first) and says so, pointing to the heatwave area.
 */
class TodayHeatwaveTest {

    @TempDir
    Path dir;
    TodayFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TodayFixture(dir, TaskRunner.direct(), Language.FRENCH);
        new ProfileRepository(fixture.app.db().dsl(), fixture.app.db().writer(), fixture.clock, fixture.app.context().viewer())
                .save(new ElderlyProfile(fixture.jeanne.id(), null, null, null, true, null,
                        new ContactPerson("Sophie Martin", "06 11 22 33 44", "fille"),
                        new HeatwaveRegistration(LocalDate.of(2026, 6, 1), HeatwaveRequester.SELF, null,
                                HeatwaveCapacity.AGED_65, null)), fixture.author);
    }

    @AfterEach
    void close() {
        fixture.app.close();
    }

    TodayViewModel today() {
        TodayViewModel model = new TodayViewModel(fixture.app.context());
        model.load();
        return model;
    }

    @Test
    void theDueRoundStartsWhenTodayOpensAndIsSaidOnce() {
        assertThat(today().heatwaveProperty().get()).as("no alert").isNull();
        fixture.app.context().heatwave().declare(Campaign.declare(AlertLevel.RED, TodayFixture.TODAY, null, null),
                fixture.author);

        TodayViewModel model = today();
        assertThat(model.heatwaveProperty().get()).isEqualTo("Tournée du jour lancée automatiquement (niveau rouge : "
                + "appel chaque jour) : 1 appel à passer. Les appels à passer sont dans « Canicule ».");
        model.load();
        assertThat(model.heatwaveProperty().get()).as("still said the same day").isNotNull();
        assertThat(today().heatwaveProperty().get()).as("another opening the same day starts nothing").isNull();
        assertThat(fixture.app.db().dsl().fetchCount(HEATWAVE_CALL)).isEqualTo(1);

        fixture.clock.advance(Duration.ofDays(1));
        model.load();
        assertThat(model.heatwaveProperty().get()).as("red: the next day's round").startsWith("Tournée du jour lancée");
        assertThat(fixture.app.db().dsl().fetchCount(HEATWAVE_CALL)).isEqualTo(2);
    }
}
