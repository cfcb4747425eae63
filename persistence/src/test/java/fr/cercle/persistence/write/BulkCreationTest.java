package fr.cercle.persistence.write;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.StorageException;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.jooq.tables.records.HelperRecord;
import fr.cercle.persistence.staff.StaffRepository;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.HELPER;
import static fr.cercle.persistence.write.Entities.HELPER_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk creation of the spreadsheet import ({@link WriteTransaction#createAll}) against the one
 * record at a time path ({@link WriteTransaction#save}): the same records leave exactly the same rows
 * in every table (the records, the journal, the versions, the device's counter, the audit), and a
 * failure anywhere leaves nothing written.
 */
class BulkCreationTest {

    @TempDir
    Path dir;
    final StaffMember author = TestData.staff();

    @Test
    void writesExactlyTheRowsTheOneByOnePathWrites() {
        List<Beneficiary> files = files(1_150);
        List<Helper> helpers = helpers(40);

        Map<String, List<String>> oneByOne = written("one-by-one", (beneficiaries, roster, tx) -> {
            beneficiaries.save(tx, files.get(0));
            files.subList(1, files.size()).forEach(b -> beneficiaries.save(tx, b));
            helpers.forEach(h -> roster.save(tx, h));
            beneficiaries.save(tx, files.get(0).toBuilder().situation("Changée dans la même transaction.").build());
        });
        Map<String, List<String>> bulk = written("bulk", (beneficiaries, roster, tx) -> {
            beneficiaries.save(tx, files.get(0));
            assertThat(beneficiaries.createAll(tx, files.subList(1, files.size())))
                    .hasSize(files.size() - 1).allSatisfy(c -> assertThat(c.operation()).isEqualTo(Operation.CREATE));
            roster.createAll(tx, helpers);
            beneficiaries.save(tx, files.get(0).toBuilder().situation("Changée dans la même transaction.").build());
        });

        assertThat(oneByOne.get("BENEFICIARY")).hasSize(files.size());
        assertThat(oneByOne.get("HELPER")).hasSize(helpers.size());
        assertThat(oneByOne.get("CHANGE_JOURNAL")).as("a creation each, and the change after them").hasSize(files.size() + helpers.size() + 1);
        assertThat(oneByOne).containsKeys("JOURNAL_DEVICE", "RECORD_VERSION");
        assertThat(bulk.keySet()).isEqualTo(oneByOne.keySet());
        oneByOne.forEach((table, rows) -> assertThat(bulk.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    @Test
    void aRefusalInALaterStepOfTheTransactionLeavesNothingWritten() {
        try (CercleDatabase db = open("refused")) {
            BeneficiaryRepository beneficiaries = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
            List<Beneficiary> files = files(300);
            beneficiaries.save(files.get(250), author.id());
            Map<String, List<String>> before = dump(db);

            assertThatThrownBy(() -> db.writer().write(author.id(), tx -> {
                beneficiaries.createAll(tx, files.subList(0, 150));
                return beneficiaries.createAll(tx, files.subList(150, 300));
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining(files.get(250).id().value() + " exists already");

            assertThat(dump(db)).isEqualTo(before);
        }
    }

    @Test
    void aDatabaseFailureInTheMiddleOfTheBatchesLeavesNothingWritten() {
        try (CercleDatabase db = open("failed")) {
            Map<String, List<String>> before = dump(db);
            List<WriteTransaction.Creation<HelperRecord>> creations = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                // The 1,200th lacks a first name: the second batch of 1,000 fails after the first went in.
                creations.add(new WriteTransaction.Creation<>(helperValues(i == 1_199 ? null : "Aide" + i), UUID.randomUUID()));
            }

            assertThatThrownBy(() -> db.writer().write(author.id(), tx -> tx.createAll(creations)))
                    .isInstanceOf(StorageException.class);

            assertThat(dump(db)).isEqualTo(before);
        }
    }

    @Test
    void aDeletedOrRepeatedRecordIsNeverCreated() {
        try (CercleDatabase db = open("deleted")) {
            BeneficiaryRepository beneficiaries = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
            List<Beneficiary> files = files(3);
            beneficiaries.save(files.get(1), author.id());
            db.writer().run(author.id(), tx -> tx.delete(Entities.BENEFICIARY_TABLE, files.get(1).id().value()));
            Map<String, List<String>> before = dump(db);

            assertThatThrownBy(() -> db.writer().write(author.id(), tx -> beneficiaries.createAll(tx, files)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("was deleted");
            assertThatThrownBy(() -> db.writer().write(author.id(), tx -> beneficiaries.createAll(tx,
                    List.of(files.get(0), files.get(2), files.get(0))))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("given twice");
            assertThat(dump(db)).isEqualTo(before);
        }
    }

    interface Writes {
        void run(BeneficiaryRepository beneficiaries, HelperRepository helpers, WriteTransaction tx);
    }

    /** What the writes added to and removed from each table of a new database, its device id masked. */
    Map<String, List<String>> written(String name, Writes writes) {
        try (CercleDatabase db = open(name)) {
            BeneficiaryRepository beneficiaries = new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
            HelperRepository helpers = new HelperRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
            Map<String, List<String>> before = dump(db);
            db.writer().run(author.id(), tx -> writes.run(beneficiaries, helpers, tx));
            Map<String, List<String>> after = dump(db);
            String device = db.writer().device().value().toString();
            Map<String, List<String>> difference = new TreeMap<>();
            after.forEach((table, rows) -> {
                List<String> added = new ArrayList<>(rows);
                List<String> removed = new ArrayList<>(before.getOrDefault(table, List.of()));
                before.getOrDefault(table, List.of()).forEach(added::remove);
                rows.forEach(removed::remove);
                List<String> changes = new ArrayList<>();
                added.forEach(r -> changes.add("+ " + r.replace(device, "<device>")));
                removed.forEach(r -> changes.add("- " + r.replace(device, "<device>")));
                if (!changes.isEmpty()) {
                    changes.sort(null);
                    difference.put(table, changes);
                }
            });
            return difference;
        }
    }

    CercleDatabase open(String name) {
        CercleDatabase db = CercleDatabase.open(dir.resolve(name), TestData.CLOCK);
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(author, author.id());
        return db;
    }

    /** Every row of every table but the communes reference, each as text. */
    static Map<String, List<String>> dump(CercleDatabase db) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : db.dsl().fetch("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'").getValues(0, String.class)) {
            if (table.startsWith("COMMUNE")) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (Record r : db.dsl().fetch("SELECT * FROM \"" + table + "\"")) {
                rows.add(r.formatJSON());
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    List<Beneficiary> files(int count) {
        List<Beneficiary> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Beneficiary.Builder b = TestData.beneficiary(author.id()).firstName("Prénom" + i).lastName("Nom" + i)
                    .birthDate(LocalDate.of(1930, 1, 1).plusDays(i * 7L));
            if (i % 3 == 0) {
                b.contact(new Contact(null, "personne" + i + "@example.fr")).situation(null);
            }
            if (i % 5 == 0) {
                b.domains(Set.of(Domain.HEALTH)).status(BeneficiaryStatus.CLOSED);
            }
            files.add(b.build());
        }
        return files;
    }

    static List<Helper> helpers(int count) {
        List<Helper> helpers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Helper.Builder h = TestData.helper().lastName("Aide" + i);
            if (i % 2 == 0) {
                h.skills(Set.of(Skill.PHONE_CALLS, Skill.TRANSLATION)).tags(List.of()).languages(List.of("fr"));
            }
            helpers.add(h.build());
        }
        return helpers;
    }

    static Values<HelperRecord> helperValues(String firstName) {
        return Values.of(HELPER_TABLE)
                .set(HELPER.FIRST_NAME, firstName)
                .set(HELPER.LAST_NAME, "Benali")
                .set(HELPER.PHONE, "06 12 34 56 78")
                .set(HELPER.EMAIL, null)
                .set(HELPER.COMMUNE_INSEE, "23176")
                .set(HELPER.SKILLS, "[\"VISITS\"]")
                .set(HELPER.TAGS, "[]")
                .set(HELPER.LANGUAGES, "[\"fr\"]")
                .set(HELPER.AVAILABILITY, "[]")
                .set(HELPER.MAX_COMMITMENTS, 2)
                .set(HELPER.CHARTER_SIGNED_ON, null)
                .set(HELPER.BACKGROUND_CHECK_STATUS, "NOT_REQUESTED")
                .set(HELPER.BACKGROUND_CHECK_DATE, null)
                .set(HELPER.STATUS, "ACTIVE");
    }
}
