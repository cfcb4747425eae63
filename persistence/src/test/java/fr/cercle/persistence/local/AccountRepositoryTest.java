package fr.cercle.persistence.local;

import fr.cercle.model.access.Account;
import fr.cercle.model.access.Role;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    AccountRepository accounts;

    @BeforeEach
    void open() {
        db = CercleDatabase.open(dir, TestData.CLOCK);
        accounts = new AccountRepository(db.dsl(), TestData.CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAccountKeepsItsRolesAndStaffMemberAndChangesThem() {
        StaffId paul = StaffId.newId();
        accounts.save(new Account("Paul.Durand", Optional.of(paul), Set.of(Role.CASEWORKER)), "claire.martin");

        assertThat(accounts.find("paul.durand")).contains(new Account("paul.durand", Optional.of(paul), Set.of(Role.CASEWORKER)));

        accounts.save(new Account("paul.durand", Optional.of(paul), Set.of(Role.CASEWORKER, Role.COORDINATOR)), "claire.martin");
        assertThat(accounts.all()).singleElement()
                .satisfies(a -> assertThat(a.roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.COORDINATOR));

        assertThat(accounts.remove("paul.durand")).isTrue();
        assertThat(accounts.find("paul.durand")).isEmpty();
        assertThat(db.journal().count()).as("local to this PC: nothing to sync").isZero();
    }

    @Test
    void anInvalidAccountIsRefusedWithItsProblems() {
        assertThatThrownBy(() -> accounts.save(new Account("paul durand", Optional.empty(), Set.of(Role.CASEWORKER)), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INVALID_LOGIN").hasMessageContaining("staff");
        assertThat(accounts.all()).isEmpty();
    }
}
