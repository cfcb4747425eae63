package fr.cercle.persistence.helper;

import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelperRepositoryTest {

    @TempDir
    Path dir;
    CercleDatabase db;
    HelperRepository repository;
    StaffMember claire = TestData.staff();

    @BeforeEach
    void open() {
        db = TestDatabases.withCommunes(dir, TestData.CLOCK);
        repository = new HelperRepository(db.dsl(), db.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSavedHelperReadsBackIdenticalWithSkillsLanguagesAndAvailability() {
        Helper karim = TestData.helper().build();

        repository.save(karim, claire.id());

        assertThat(repository.find(karim.id())).contains(karim);
        HelperSummary summary = repository.summaries().get(0);
        assertThat(summary.communeName()).isEqualTo("La Souterraine");
        assertThat(summary.postalCode()).isEqualTo("23300");
        assertThat(summary.skills()).containsExactly(Skill.VISITS, Skill.SHOPPING);
    }

    @Test
    void anInvalidHelperWritesNothing() {
        Helper invalid = TestData.helper().lastName(null).languages(List.of("zz9")).build();

        assertThatThrownBy(() -> repository.save(invalid, claire.id())).isInstanceOf(InvalidRecordException.class);

        assertThat(repository.count()).isZero();
        assertThat(db.journal().count()).isZero();
    }
}
