package fr.cercle.app.today;

import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.contribution.ContributionRepository;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A caseworker's day as the demo would show it: Jeanne Martin (elderly), visited by Karim Benali every
 * Tuesday since 2 November 2026, last reached on Sunday 15 November, with her shopping still waiting for
 * a helper; the day is Wednesday 25 November 2026.
 */
public final class TodayFixture implements AutoCloseable {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    public final HandClock clock = new HandClock(Instant.parse("2026-11-02T09:00:00Z"), ZoneId.of("Europe/Paris"));
    public final TestApp app;
    public final StaffId author;
    public final Beneficiary jeanne;
    public final Helper karim;

    public TodayFixture(Path dir, TaskRunner tasks, Language language) {
        app = TestApp.installed(dir, tasks, language, clock);
        author = app.context().author();
        jeanne = TestData.beneficiary(author).domains(Set.of(Domain.ELDERLY)).build();
        app.context().beneficiaries().save(jeanne, author);
        karim = TestData.helper().build();
        app.context().helpers().save(karim, author);
        app.context().needs().save(Need.open(jeanne.id(), NeedKind.VISIT, Frequency.WEEKLY,
                Set.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON)), false, LocalDate.of(2026, 11, 2))
                .assign(karim.id(), LocalDate.of(2026, 11, 2)), author);
        app.context().needs().save(Need.open(jeanne.id(), NeedKind.SHOPPING, Frequency.WEEKLY, Set.of(), false,
                LocalDate.of(2026, 11, 2)), author);
        clock.set(TODAY.atTime(9, 0).atZone(clock.getZone()).toInstant());
        visit(LocalDate.of(2026, 11, 15));
    }

    /** Karim's visit to Jeanne on that day, recorded as the caseworker would, with Jeanne reached. */
    public void visit(LocalDate day) {
        new ContributionRepository(app.db().dsl(), app.db().writer(), app.db().clock(), app.context().viewer())
                .record(new Contribution(ContributionId.newId(), jeanne.id(), karim.id(), null, day, 60, ContributionKind.VISIT,
                        Medium.IN_PERSON, true, "Café et promenade", null), author);
    }

    @Override
    public void close() {
        app.close();
    }
}
