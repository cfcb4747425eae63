package fr.cercle.persistence.local;

import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.jooq.tables.records.AccountRecord;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.cercle.persistence.jooq.Tables.ACCOUNT;
import static fr.cercle.persistence.jooq.Tables.STAFF_MEMBER;

/**
 * The accounts of this installation and their roles. Local to the installation (not journaled, not
 * synced): a person has an account on each PC they use. Their passwords live in the keyring.
 */
public final class AccountRepository {

    private final DSLContext dsl;
    private final Clock clock;

    public AccountRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public List<Account> all() {
        return dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.LOGIN).fetch(AccountRepository::toAccount);
    }

    public Optional<Account> find(String login) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.LOGIN.eq(new Account(login, Optional.empty(), Set.of()).login()))
                .fetchOptional(AccountRepository::toAccount);
    }

    /**
     * Who this account is to the need-to-know rules: its roles, the staff member it acts as, and that
     * member's domains. A login without an account sees nothing.
     */
    public Viewer viewer(String login) {
        Optional<Account> account = find(login);
        if (account.isEmpty()) {
            return new Viewer(login, Optional.empty(), Set.of(), Set.of());
        }
        Optional<StaffId> staff = account.get().staff();
        Set<Domain> domains = staff.flatMap(id -> dsl.select(STAFF_MEMBER.DOMAINS).from(STAFF_MEMBER)
                        .where(STAFF_MEMBER.ID.eq(id.value())).fetchOptional(STAFF_MEMBER.DOMAINS))
                .map(json -> Columns.enumSet(Domain.class, json))
                .orElse(Set.of());
        return new Viewer(account.get().login(), staff, account.get().roles(), domains);
    }

    /**
     * Records a new account, or new roles or staff member for an existing one.
     *
     * @throws IllegalArgumentException naming the problems, if the account is not valid
     */
    public void save(Account account, String by) {
        if (!account.validate().isEmpty()) {
            throw new IllegalArgumentException("Invalid account " + account.login() + ": " + account.validate());
        }
        String roles = account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.LOGIN, account.login())
                .set(ACCOUNT.STAFF_ID, account.staff().map(StaffId::value).orElse(null))
                .set(ACCOUNT.ROLES, roles)
                .set(ACCOUNT.CREATED_AT, OffsetDateTime.now(clock))
                .set(ACCOUNT.CREATED_BY, by)
                .onDuplicateKeyUpdate()
                .set(ACCOUNT.STAFF_ID, account.staff().map(StaffId::value).orElse(null))
                .set(ACCOUNT.ROLES, roles)
                .execute();
    }

    /** Removes the account; false if there was none. */
    public boolean remove(String login) {
        return dsl.deleteFrom(ACCOUNT).where(ACCOUNT.LOGIN.eq(login)).execute() > 0;
    }

    private static Account toAccount(AccountRecord r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.getRoles().split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new Account(r.getLogin(), Optional.ofNullable(r.getStaffId()).map(StaffId::new), roles);
    }
}
