package fr.cercle.persistence.staff;

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
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static fr.cercle.persistence.Columns.enumSet;
import static fr.cercle.persistence.jooq.Tables.STAFF_MEMBER;
import static fr.cercle.persistence.write.Entities.STAFF_MEMBER_TABLE;

/** The caseworkers of the installation. */
public final class StaffRepository {

    private final DSLContext dsl;
    private final ChangeWriter writer;

    public StaffRepository(DSLContext dsl, ChangeWriter writer) {
        this.dsl = dsl;
        this.writer = writer;
    }

    public Optional<StaffMember> find(StaffId id) {
        return dsl.selectFrom(STAFF_MEMBER).where(STAFF_MEMBER.ID.eq(id.value())).fetchOptional(StaffRepository::toModel);
    }

    /** Everyone, active first, by last then first name. */
    public List<StaffMember> all() {
        return dsl.selectFrom(STAFF_MEMBER)
                .orderBy(STAFF_MEMBER.ACTIVE.desc(), STAFF_MEMBER.LAST_NAME, STAFF_MEMBER.FIRST_NAME)
                .fetch(StaffRepository::toModel);
    }

    /** Saves a staff member on behalf of the author (for the very first one, themselves). */
    public Change save(StaffMember member, StaffId author) {
        return writer.write(author, tx -> save(tx, member));
    }

    /** Saves within a larger transaction, such as the first start that records the structure too. */
    public Change save(WriteTransaction tx, StaffMember member) {
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

    static StaffMember toModel(StaffMemberRecord r) {
        return new StaffMember(new StaffId(r.getId()), r.getFirstName(), r.getLastName(), r.getStructure(),
                enumSet(Domain.class, r.getDomains()), r.getActive());
    }
}
