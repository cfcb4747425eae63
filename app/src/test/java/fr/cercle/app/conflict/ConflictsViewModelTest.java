package fr.cercle.app.conflict;

import fr.cercle.app.SyncFixtures;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.write.ConflictRepository;
import fr.cercle.persistence.write.Entities;
import fr.cercle.persistence.write.EntityTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conflicts screen's words and decisions: a town hall and the CCAS (the client) edit the same
 * person concurrently and exchange through a real server on loopback, with which both are enrolled;
 * everything runs on the test's thread.
 */
class ConflictsViewModelTest {

    @TempDir
    Path dir;
    TestApp app;
    SyncFixtures.Central server;
    CercleDatabase townHall;
    StaffMember claire;
    final StaffMember paul = SyncFixtures.paul();
    Beneficiary jeanne;
    final AtomicInteger decided = new AtomicInteger();
    final List<String> notes = new ArrayList<>();
    ConflictsViewModel model;

    @BeforeEach
    void open() {
        app = TestApp.installed(dir.resolve("ccas"), TaskRunner.direct(), Language.FRENCH);
        server = SyncFixtures.server(dir.resolve("server"));
        server.enrol(app);
        // The town hall's edits come an hour later: its values are the ones in force.
        townHall = SyncFixtures.townHall(dir.resolve("mairie"), Clock.offset(TestData.CLOCK, Duration.ofHours(1)), paul,
                server);
        claire = app.context().currentStaffProperty().get();
        jeanne = TestData.beneficiary(claire.id()).build();
        SyncFixtures.beneficiaries(app.db()).save(jeanne, claire.id());
        SyncFixtures.sync(app.db());
        SyncFixtures.sync(townHall);
        model = new ConflictsViewModel(app.context(), decided::incrementAndGet, notes::add);
    }

    @AfterEach
    void close() {
        townHall.close();
        server.close();
        app.close();
    }

    /** Both edit Jeanne's file at the same time, then both sync: the client last. */
    void concurrently(UnaryOperator<Beneficiary> here, UnaryOperator<Beneficiary> there) {
        SyncFixtures.beneficiaries(app.db()).save(here.apply(jeanne), claire.id());
        SyncFixtures.beneficiaries(townHall).save(there.apply(jeanne), paul.id());
        SyncFixtures.sync(townHall);
        SyncFixtures.sync(app.db());
        model.load();
    }

    ConflictsViewModel.Item item(String fieldLabel) {
        return model.items().stream().filter(i -> i.fieldLabel().equals(fieldLabel)).findFirst().orElseThrow();
    }

    @Test
    void eachValueIsShownInWordsWithWhereWhenAndWhoAndKeepingOneSettlesTheConflictEverywhere() {
        concurrently(b -> b.withStatus(BeneficiaryStatus.PAUSED), b -> b.withStatus(BeneficiaryStatus.CLOSED));

        assertThat(model.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Jeanne Martin");
            assertThat(item.recordKind()).isEqualTo("Personne accompagnée");
            assertThat(item.fieldLabel()).isEqualTo("Statut");
            assertThat(item.sides()).extracting(ConflictsViewModel.Side::heading, ConflictsViewModel.Side::current,
                            ConflictsViewModel.Side::value, ConflictsViewModel.Side::when)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Sur un autre poste", true, "Clos",
                                    "Le 25/11/2026 à 12:00, par Paul Durand"),
                            org.assertj.core.groups.Tuple.tuple("Sur ce poste", false, "En pause",
                                    "Le 25/11/2026 à 11:00, par Claire Moreau"));
            assertThat(item.writable()).isTrue();
            assertThat(item.choices()).extracting(ConflictsViewModel.Choice::label)
                    .containsExactly("En cours", "En pause", "Clos");
        });

        ConflictsViewModel.Item item = model.items().get(0);
        model.keep(item, item.sides().get(1));

        assertThat(SyncFixtures.beneficiaries(app.db()).find(jeanne.id()).orElseThrow().status())
                .isEqualTo(BeneficiaryStatus.PAUSED);
        assertThat(model.items()).isEmpty();
        assertThat(decided).hasValue(1);
        assertThat(notes).containsExactly("Statut de Jeanne Martin : la valeur choisie est enregistrée.");
        assertThat(app.context().conflicts().all()).isEmpty();

        SyncFixtures.sync(app.db());
        SyncFixtures.sync(townHall);
        assertThat(ConflictRepository.pending(townHall.dsl())).isZero();
        assertThat(SyncFixtures.beneficiaries(townHall).find(jeanne.id()).orElseThrow().status())
                .isEqualTo(BeneficiaryStatus.PAUSED);
    }

    @Test
    void anotherValueIsWrittenWithTheFormsRulesAndSaidInPlainWordsWhenWrong() {
        concurrently(b -> b.toBuilder().situation("Vit seule, voit sa fille le dimanche.")
                        .consent(new Consent(LocalDate.of(2026, 2, 1), b.consent().scope(), b.consent().method())).build(),
                b -> b.toBuilder().situation("Vit seule ; aide ménagère le mardi.")
                        .consent(new Consent(LocalDate.of(2026, 3, 1), b.consent().scope(), b.consent().method())).build());
        assertThat(model.items()).extracting(ConflictsViewModel.Item::fieldLabel)
                .containsExactlyInAnyOrder("Situation", "Date du consentement");

        ConflictsViewModel.Item situation = item("Situation");
        assertThat(situation.kind()).isEqualTo(ConflictField.Kind.TEXT);
        assertThat(model.writeText(situation, "x".repeat(4001))).startsWith("Trop long :").endsWith("caractères au plus.");
        assertThat(model.writeText(situation, "  Vit seule ; sa fille passe le dimanche, aide ménagère le mardi.  ")).isNull();
        assertThat(SyncFixtures.beneficiaries(app.db()).find(jeanne.id()).orElseThrow().situation())
                .isEqualTo("Vit seule ; sa fille passe le dimanche, aide ménagère le mardi.");

        ConflictsViewModel.Item consent = item("Date du consentement");
        assertThat(consent.sides()).extracting(ConflictsViewModel.Side::value).containsExactly("01/03/2026", "01/02/2026");
        assertThat(model.writeDate(consent, null, true))
                .isEqualTo("Date illisible : écrivez-la sous la forme jj/mm/aaaa, par exemple 02/03/1938.");
        assertThat(model.writeDate(consent, LocalDate.of(2027, 1, 1), false)).isEqualTo("Cette date est dans le futur.");
        assertThat(model.writeDate(consent, null, false)).isEqualTo("Ce champ est obligatoire.");
        assertThat(model.writeDate(consent, LocalDate.of(2026, 1, 15), false)).isNull();

        assertThat(SyncFixtures.beneficiaries(app.db()).find(jeanne.id()).orElseThrow().consent().date())
                .isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(model.items()).isEmpty();
        assertThat(decided).hasValue(2);
    }

    @Test
    void aReferentIsChosenAmongTheTeam() {
        StaffMember sophie = new StaffMember(fr.cercle.model.staff.StaffId.newId(), "Sophie", "Leroy", "Mairie de Vareilles",
                java.util.Set.of(fr.cercle.model.common.Domain.ELDERLY), true);
        new fr.cercle.persistence.staff.StaffRepository(townHall.dsl(), townHall.writer(), TestData.ALL_ACCESS).save(sophie, paul.id());
        SyncFixtures.sync(townHall);
        concurrently(b -> b.toBuilder().referent(paul.id()).build(), b -> b.toBuilder().referent(sophie.id()).build());
        ConflictsViewModel.Item referent = item("Référent");

        assertThat(referent.sides()).extracting(ConflictsViewModel.Side::value).containsExactly("Sophie Leroy", "Paul Durand");
        assertThat(referent.choices()).extracting(ConflictsViewModel.Choice::label)
                .containsExactlyInAnyOrder("Claire Moreau", "Paul Durand", "Sophie Leroy");
        assertThat(model.writeChoice(referent, null)).isEqualTo("Ce champ est obligatoire.");
        ConflictsViewModel.Choice claireChoice = referent.choices().stream()
                .filter(c -> c.label().equals("Claire Moreau")).findFirst().orElseThrow();
        assertThat(model.writeChoice(referent, claireChoice)).isNull();

        assertThat(SyncFixtures.beneficiaries(app.db()).find(jeanne.id()).orElseThrow().referent()).isEqualTo(claire.id());
    }

    @Test
    void valuesOfEveryKindReadInWords() {
        Map<UUID, String> names = Map.of(claire.id().value(), "Claire Moreau");
        ConflictField domains = ConflictField.of("beneficiary", "domains").orElseThrow();
        ConflictField active = ConflictField.of("staff_member", "active").orElseThrow();
        ConflictField referent = ConflictField.of("beneficiary", "referent_id").orElseThrow();
        ConflictField date = ConflictField.of("helper", "background_check_date").orElseThrow();
        ConflictField check = ConflictField.of("helper", "background_check_status").orElseThrow();

        assertThat(model.words(domains, List.of("ELDERLY", "HEALTH"), names)).isEqualTo("Personnes âgées, Maladie chronique");
        assertThat(model.words(domains, List.of(), names)).isEqualTo("Aucun");
        assertThat(model.words(active, true, names)).isEqualTo("Oui");
        assertThat(model.words(active, false, names)).isEqualTo("Non");
        assertThat(model.words(referent, claire.id().toString(), names)).isEqualTo("Claire Moreau");
        assertThat(model.words(referent, UUID.randomUUID().toString(), names))
                .isEqualTo("Un membre de l’équipe inconnu sur ce poste");
        assertThat(model.words(date, "2026-01-05", names)).isEqualTo("05/01/2026");
        assertThat(model.words(date, null, names)).isEqualTo("Non renseigné");
        assertThat(model.words(check, "VALID", names)).isEqualTo("Valide");
        assertThat(domains.writable()).isFalse();
        assertThat(active.writable()).isFalse();

        UUID karim = UUID.randomUUID();
        ConflictField needHelper = ConflictField.of("need", "helper_id").orElseThrow();
        ConflictField needStatus = ConflictField.of("need", "status").orElseThrow();
        assertThat(model.words(needHelper, karim.toString(), Map.of(karim, "Karim Benali"))).isEqualTo("Karim Benali");
        assertThat(model.words(needHelper, UUID.randomUUID().toString(), names)).isEqualTo("Un aidant inconnu sur ce poste");
        assertThat(model.words(needStatus, "MATCHED", names)).isEqualTo("Aidant trouvé");
        assertThat(needHelper.writable()).as("one of the helpers shown is kept").isFalse();

        ConflictField grid = ConflictField.of("elderly_profile", "aggir").orElseThrow();
        assertThat(model.words(grid, "CCBBBBBBBB", names)).isEqualTo("GIR 2 (CCBBBBBBBB)");
        assertThat(grid.writable()).as("one of the grids shown is kept").isFalse();
        assertThat(model.words(ConflictField.of("school_profile", "outcome").orElseThrow(), "APPRENTICESHIP", names))
                .isEqualTo("Apprentissage");
    }

    @Test
    void everyFieldThatCanBeInConflictHasItsLabelInBothLanguages() throws IOException {
        List<Properties> bundles = new ArrayList<>();
        for (Language language : Language.values()) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getResourceAsStream(
                    "/fr/cercle/app/i18n/messages_" + language.code() + ".properties")) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            bundles.add(texts);
        }
        for (EntityTable<?> table : Entities.all()) {
            for (var field : table.dataFields()) {
                if (table.isGuarded(field)) {
                    ConflictField known = ConflictField.of(table.entity(), EntityTable.journalName(field)).orElse(null);
                    assertThat(known).as(table.entity() + "." + EntityTable.journalName(field)).isNotNull();
                    bundles.forEach(texts -> assertThat(texts).containsKey(known.labelKey()));
                    if (known.kind() == ConflictField.Kind.CHOICE || known.kind() == ConflictField.Kind.CHOICES) {
                        assertThat(known.type()).isNotNull();
                    }
                }
            }
        }
    }
}
