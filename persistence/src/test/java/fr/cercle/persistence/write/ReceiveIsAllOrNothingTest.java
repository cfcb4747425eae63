package fr.cercle.persistence.write;

import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.staff.StaffRepository;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failure at any point of receiving a batch of changes leaves the receiving installation exactly
 * as it was: no row, no journal entry, no version, no held change.
 */
class ReceiveIsAllOrNothingTest {

    static Path dir;
    static List<IncomingChange> changes;
    static CercleDatabase target;

    @BeforeContainer
    static void prepare() throws IOException {
        dir = Files.createTempDirectory("cercle-atomic");
        try (CercleDatabase source = CercleDatabase.open(dir.resolve("source"), TestData.CLOCK)) {
            StaffMember claire = TestData.staff();
            new StaffRepository(source.dsl(), source.writer(), TestData.ALL_ACCESS).save(claire, claire.id());
            BeneficiaryRepository beneficiaries = new BeneficiaryRepository(source.dsl(), source.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
            HelperRepository helpers = new HelperRepository(source.dsl(), source.writer(), TestData.CLOCK, TestData.ALL_ACCESS);
            for (int i = 0; i < 6; i++) {
                var b = TestData.beneficiary(claire.id()).firstName("P" + i).build();
                beneficiaries.save(b, claire.id());
                beneficiaries.save(b.withStatus(fr.cercle.model.beneficiary.BeneficiaryStatus.PAUSED), claire.id());
                helpers.save(TestData.helper().lastName("H" + i).build(), claire.id());
            }
            changes = source.journal().changesOf(source.deviceId(), 0, 1_000).stream().map(IncomingChange::of).toList();
        }
        target = CercleDatabase.open(dir.resolve("target"), TestData.CLOCK);
        target.writer().receive(r -> {
            changes.subList(0, changes.size() / 3).forEach(r::receive); // the target already holds some of them
            return null;
        });
    }

    @AfterContainer
    static void close() {
        target.close();
    }

    @Property(tries = 40)
    void aFailureAnywhereLeavesNothing(@ForAll long seed) {
        Random random = new Random(seed);
        List<IncomingChange> batch = new ArrayList<>(changes);
        if (random.nextBoolean()) {
            java.util.Collections.swap(batch, random.nextInt(batch.size()), random.nextInt(batch.size())); // some arrive after a gap
        }
        List<Integer> notYetHere = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!changes.subList(0, changes.size() / 3).contains(batch.get(i))) {
                notYetHere.add(i);
            }
        }
        int at = notYetHere.get(random.nextInt(notYetHere.size()));
        IncomingChange victim = batch.get(at);
        Map<String, Object> fields = new HashMap<>(victim.fields());
        fields.put("no_such_field", "x");
        batch.set(at, new IncomingChange(victim.entity(), victim.entityId(), victim.operation(), victim.change(),
                victim.hlc(), victim.author(), fields, victim.base()));
        Map<String, Integer> before = counts();

        assertThatThrownBy(() -> target.writer().receive(r -> {
            batch.forEach(r::receive);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(counts()).isEqualTo(before);
    }

    static Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        for (var table : List.of(fr.cercle.persistence.jooq.Tables.CHANGE_JOURNAL, fr.cercle.persistence.jooq.Tables.BENEFICIARY,
                fr.cercle.persistence.jooq.Tables.HELPER, fr.cercle.persistence.jooq.Tables.STAFF_MEMBER,
                fr.cercle.persistence.jooq.Tables.RECORD_VERSION, fr.cercle.persistence.jooq.Tables.HELD_CHANGE,
                fr.cercle.persistence.jooq.Tables.CONFLICT_VALUE, fr.cercle.persistence.jooq.Tables.REPLACED_VERSION,
                fr.cercle.persistence.jooq.Tables.TOMBSTONE, fr.cercle.persistence.jooq.Tables.JOURNAL_DEVICE)) {
            counts.put(table.getName(), target.dsl().fetchCount(table));
        }
        return counts;
    }
}
