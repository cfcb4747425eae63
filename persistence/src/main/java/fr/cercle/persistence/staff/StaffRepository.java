package fr.cercle.persistence.staff;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.jooq.tables.records.StaffMemberRecord;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static fr.cercle.persistence.Columns.enumSet;
import static fr.cercle.persistence.jooq.Tables.STAFF_MEMBER;
import static fr.cercle.persistence.write.Entities.STAFF_MEMBER_TABLE;

/**
 * The caseworkers of the installation: their names are seen by every account, and only an
 * administrator records or changes them ({@link AccessDeniedException} otherwise).
 */
public final class StaffRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Viewer viewer;

    public StaffRepository(DSLContext dsl, ChangeWriter writer, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.viewer = viewer;
    }

    public Optional<StaffMember> find(StaffId id) {
        return dsl.selectFrom(STAFF_MEMBER).where(STAFF_MEMBER.ID.eq(id.value()).and(readable()))
                .fetchOptional(StaffRepository::toModel);
    }

    /** Everyone, active first, by last then first name. */
    public List<StaffMember> all() {
        return dsl.selectFrom(STAFF_MEMBER).where(readable())
                .orderBy(STAFF_MEMBER.ACTIVE.desc(), STAFF_MEMBER.LAST_NAME, STAFF_MEMBER.FIRST_NAME)
                .fetch(StaffRepository::toModel);
    }

    /** Saves a staff member on behalf of the author (for the very first one, themselves). */
    public Change save(StaffMember member, StaffId author) {
        return writer.write(author, tx -> save(tx, member));
    }

    /** Saves within a larger transaction, such as the first start that records the structure too. */
    public Change save(WriteTransaction tx, StaffMember member) {
        if (!NeedToKnow.canWrite(viewer, Subject.STAFF)) {
            throw new AccessDeniedException(viewer, Subject.STAFF, "save staff member " + member.id());
        }
        List<Problem> problems = member.validate();
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Staff member", problems);
        }
        return tx.save(Values.of(STAFF_MEMBER_TABLE)
                .set(STAFF_MEMBER.FIRST_NAME, member.firstName())
                .set(STAFF_MEMBER.LAST_NAME, member.lastName())
                .set(STAFF_MEMBER.STRUCTURE, member.structure())
                .set(STAFF_MEMBER.DOMAINS, enumSet(member.domains()))
                .set(STAFF_MEMBER.ACTIVE, member.active()), member.id().value());
    }

    private Condition readable() {
        return NeedToKnow.canRead(viewer, Subject.STAFF) ? DSL.trueCondition() : DSL.falseCondition();
    }

    static StaffMember toModel(StaffMemberRecord r) {
        return new StaffMember(new StaffId(r.getId()), r.getFirstName(), r.getLastName(), r.getStructure(),
                enumSet(Domain.class, r.getDomains()), r.getActive());
    }
}
