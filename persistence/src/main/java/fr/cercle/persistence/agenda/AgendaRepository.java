package fr.cercle.persistence.agenda;

import fr.cercle.model.access.Viewer;
import fr.cercle.model.agenda.ContactPlan;
import fr.cercle.model.agenda.PlannedContact;
import fr.cercle.model.agenda.WeekAgenda;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.need.NeedRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.BENEFICIARY;
import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.jooq.Tables.NEED;

/**
 * The agenda of a week: the contacts planned from the matched needs of the active files (the model's
 * {@link ContactPlan}), each ticked when a contact made answered it ({@link WeekAgenda} says what counts).
 * A caseworker's agenda is the files they are referent of; "every file" widens it to all the files the
 * viewer may read (for a coordinator, the structure's). Two queries: the needs with their names, and
 * the contacts made for those files in the weeks that can answer them (by the index on file and day).
 */
public final class AgendaRepository {

    /** Whose files the agenda shows. */
    public enum Scope {
        /** The files the viewer is referent of. */
        MY_FILES,
        /** Every file the viewer may read. */
        ALL_FILES
    }

    private final DSLContext dsl;
    private final Viewer viewer;

    public AgendaRepository(DSLContext dsl, Viewer viewer) {
        this.dsl = dsl;
        this.viewer = viewer;
    }

    /** The contacts planned in the week of {@code anyDay}, in day order, each done or not. */
    public List<PlannedContact> week(LocalDate anyDay, Scope scope) {
        LocalDate monday = WeekAgenda.monday(anyDay);
        LocalDate sunday = monday.plusDays(6);
        Condition files = BENEFICIARY.STATUS.eq(BeneficiaryStatus.ACTIVE.name())
                .and(BeneficiaryRepository.readableBy(viewer))
                .and(scope == Scope.ALL_FILES ? DSL.trueCondition()
                        : viewer.staff().map(me -> BENEFICIARY.REFERENT_ID.eq(me.value())).orElse(DSL.falseCondition()));
        List<WeekAgenda.Line> lines = dsl.select(NEED.asterisk(), BENEFICIARY.FIRST_NAME, BENEFICIARY.LAST_NAME,
                        HELPER.FIRST_NAME, HELPER.LAST_NAME)
                .from(NEED)
                .join(BENEFICIARY).on(BENEFICIARY.ID.eq(NEED.BENEFICIARY_ID))
                .leftJoin(HELPER).on(HELPER.ID.eq(NEED.HELPER_ID))
                .where(NEED.STATUS.eq(NeedStatus.MATCHED.name()))
                .and(NEED.MATCHED_ON.le(sunday))
                .and(files)
                .fetch(r -> new WeekAgenda.Line(NeedRepository.toModel(r.into(NEED)),
                        r.get(BENEFICIARY.FIRST_NAME) + " " + r.get(BENEFICIARY.LAST_NAME),
                        r.get(HELPER.FIRST_NAME) == null ? null : r.get(HELPER.FIRST_NAME) + " " + r.get(HELPER.LAST_NAME)));
        if (lines.isEmpty()) {
            return List.of();
        }
        // The contacts of the files in the agenda only, by their index (beneficiary, day): a caseworker's few
        // hundred files are read directly, not picked out of every contact of the weeks.
        List<UUID> ids = lines.stream().map(l -> l.need().beneficiary().value()).distinct().toList();
        List<WeekAgenda.Reached> reached = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1_000) {
            dsl.select(CONTRIBUTION.BENEFICIARY_ID, CONTRIBUTION.HELPER_ID, CONTRIBUTION.NEED_ID, CONTRIBUTION.CONTRIBUTED_ON)
                    .from(CONTRIBUTION)
                    .where(CONTRIBUTION.BENEFICIARY_ID.in(ids.subList(i, Math.min(ids.size(), i + 1_000))))
                    .and(CONTRIBUTION.CONTRIBUTED_ON.between(monday, monday.plusDays(WeekAgenda.REACH_DAYS - 1)))
                    .and(CONTRIBUTION.CONTACT_MADE.isTrue())
                    .forEach(r -> reached.add(new WeekAgenda.Reached(new BeneficiaryId(r.value1()), new HelperId(r.value2()),
                            r.value3() == null ? null : new NeedId(r.value3()), r.value4())));
        }
        return WeekAgenda.week(lines, reached, monday);
    }
}
