package fr.cercle.app.heatwave;

import fr.cercle.app.AdjustableClock;
import fr.cercle.app.Snapshots;
import fr.cercle.app.TestApp;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.common.Address;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.heatwave.Campaign;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.demo.DemoDataGenerator;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.heatwave.HeatwaveRepository.Entry;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.persistence.staff.StaffRepository;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heatwave area without a screen: the round due by the alert level's rhythm starts by itself when
 * the page opens, once a day; the register goes to the prefecture as a readable PDF (and a CSV), each
 * export traced in the audit trail.
 */
class HeatwaveViewModelTest {

    @TempDir
    Path dir;
    @TempDir
    Path out;
    TestApp app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    /** Two people of the register, and a helper who calls. */
    void register(StaffId author) {
        ProfileRepository profiles = new ProfileRepository(app.db().dsl(), app.db().writer(), app.db().clock(),
                app.context().viewer());
        Beneficiary jeanne = TestData.beneficiary(author).domains(Set.of(Domain.ELDERLY)).build();
        Beneficiary andre = TestData.beneficiary(author).firstName("André").lastName("Aubert")
                .domains(Set.of(Domain.ELDERLY)).build();
        for (Beneficiary person : List.of(jeanne, andre)) {
            profiles.saveWithFile(person, List.of(new ElderlyProfile(person.id(), null, null, null, true,
                    "Se déplace avec un déambulateur",
                    new ContactPerson("Sophie Martin", "06 11 22 33 44", "fille"),
                    new HeatwaveRegistration(LocalDate.of(2026, 6, 1), HeatwaveRequester.THIRD_PARTY, "Dr Lebrun, médecin traitant",
                            HeatwaveCapacity.AGED_65, "Aide à domicile le matin (ADMR, 05 55 00 00 00)"))), author);
        }
    }

    HeatwaveViewModel opened() {
        HeatwaveViewModel model = new HeatwaveViewModel(app.context());
        model.load();
        return model;
    }

    @Test
    void theRoundDueByTheAlertLevelStartsByItselfOnceADayWhenThePageOpens() {
        AdjustableClock clock = new AdjustableClock(TestData.CLOCK.instant(), TestData.CLOCK.getZone());
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH, clock);
        StaffId author = app.context().author();
        register(author);
        LocalDate today = LocalDate.now(clock);
        app.context().heatwave().declare(Campaign.declare(AlertLevel.ORANGE, today, null, null), author);

        HeatwaveViewModel first = opened();
        assertThat(first.noticeProperty().get()).isEqualTo(
                "Tournée du jour lancée automatiquement (niveau orange : appel tous les 2 jours) : 2 appels à passer.");
        assertThat(first.calls()).hasSize(2);
        assertThat(first.roundStartedProperty().get()).isTrue();
        assertThat(first.rhythmTextProperty().get()).isEqualTo("Niveau orange : chaque personne est appelée tous les 2 jours.");

        HeatwaveViewModel again = opened();
        assertThat(again.noticeProperty().get()).as("opened again the same day: nothing new").isNull();
        assertThat(again.calls()).hasSize(2);

        clock.advance(Duration.ofDays(1));
        HeatwaveViewModel tomorrow = opened();
        assertThat(tomorrow.calls()).as("orange: no round the next day").isEmpty();
        assertThat(tomorrow.roundStartedProperty().get()).isFalse();
        assertThat(tomorrow.rhythmTextProperty().get()).isEqualTo(
                "Niveau orange : chaque personne est appelée tous les 2 jours. Pas de tournée aujourd’hui : la prochaine est le 27/11/2026.");

        clock.advance(Duration.ofDays(1));
        HeatwaveViewModel dayAfter = opened();
        assertThat(dayAfter.noticeProperty().get()).startsWith("Tournée du jour lancée automatiquement");
        assertThat(dayAfter.calls()).hasSize(2).allSatisfy(row -> assertThat(row.call().day()).isEqualTo(today.plusDays(2)));
    }

    @Test
    void aRedAlertDeclaredTodayStartsItsFirstRoundAtOnce() {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        register(app.context().author());
        HeatwaveViewModel model = opened();
        model.startDeclaration();
        model.levelProperty().set(AlertLevel.RED);

        assertThat(model.declare()).isTrue();

        assertThat(model.noticeProperty().get()).isEqualTo(
                "Tournée du jour lancée automatiquement (niveau rouge : appel chaque jour) : 2 appels à passer.");
        assertThat(model.calls()).hasSize(2);
    }

    @Test
    void theDemoRegisterIsExportedAsAReadablePdfAndEachPersonsExportIsTraced() throws Exception {
        app = TestApp.fresh(dir, TaskRunner.direct(), Language.FRENCH);
        DemoDataGenerator.forDemo(app.db()).generateDemo(Progress.NONE);
        // The CCAS's head, who follows every domain, extracts the register for the prefecture.
        app.actAsFounder(new StaffRepository(app.db().dsl(), app.db().writer(), app.context().viewer()).all().stream()
                .filter(s -> s.domains().containsAll(Set.of(Domain.values()))).findFirst().orElseThrow());
        HeatwaveViewModel model = opened();
        List<Entry> register = model.entries();
        assertThat(register).as("the demo has people in the register").hasSizeGreaterThan(10);
        Path pdf = out.resolve(model.exportName("pdf"));
        assertThat(pdf.getFileName().toString()).isEqualTo("registre-canicule-2026-11-25.pdf");

        model.exportPdf(pdf);

        assertThat(model.exportNoticeProperty().get())
                .isEqualTo("Registre exporté : " + register.size() + " personnes dans registre-canicule-2026-11-25.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            String by = app.context().currentStaffProperty().get().fullName();
            assertThat(text).contains("Registre nominatif des personnes vulnérables — canicule",
                    DemoDataGenerator.STRUCTURE.name(), "le 25/11/2026 11:00 par " + by,
                    register.size() + " personnes", "L121-6-1", "R121-2",
                    "uniquement lors du déclenchement du plan d’alerte et d’urgence",
                    "Page 1 sur " + document.getNumberOfPages(),
                    "Date de naissance", "Adresse", "Téléphone", "Qualité", "Situation de handicap", "Inscrite le",
                    "Inscription demandée par", "Personne à prévenir", "Services intervenant à domicile");
            for (Entry e : register) {
                assertThat(text).contains(e.person().lastName().toUpperCase(Locale.FRENCH) + " " + e.person().firstName());
                if (e.person().contact().phone() != null) {
                    assertThat(text).contains(e.person().contact().phone());
                }
                if (e.profile().emergency().name() != null) {
                    assertThat(text).contains(e.profile().emergency().name());
                }
            }
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
                    Snapshots.dir().resolve("heatwave-register-pdf-fr.png").toFile());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 80), "png",
                    Snapshots.dir().resolve("heatwave-register-pdf-last-fr.png").toFile());
        }
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as("no partial file left")
                    .containsExactly("registre-canicule-2026-11-25.pdf");
        }
        List<AuditEntry> trail = new AuditTrail(app.db().dsl(), app.db().writer(), app.db().clock(), app.context().viewer())
                .search(AuditQuery.everything(), ZoneId.of("Europe/Paris"));
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.EXPORT).extracting(AuditEntry::record)
                .containsExactlyInAnyOrderElementsOf(register.stream().map(e -> e.person().id().value()).toList());
    }

    @Test
    void theCsvExportIsTracedToo() throws Exception {
        app = TestApp.installed(dir, TaskRunner.direct(), Language.FRENCH);
        register(app.context().author());
        HeatwaveViewModel model = opened();
        Path csv = out.resolve("registre.csv");

        model.exportCsv(csv);

        assertThat(model.exportNoticeProperty().get()).isEqualTo("2 lignes exportées dans registre.csv");
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(3);
        assertThat(new AuditTrail(app.db().dsl(), app.db().writer(), app.db().clock(), app.context().viewer())
                .search(AuditQuery.everything(), ZoneId.of("Europe/Paris")))
                .filteredOn(e -> e.action() == AuditAction.EXPORT).hasSize(2);
    }

    @Test
    void aLongRegisterRunsOverSeveralNumberedPagesAndLongTextsWrap() throws Exception {
        List<Entry> entries = new ArrayList<>();
        String longServices = "Aide à domicile chaque matin (ADMR de La Souterraine, 05 55 00 00 00), infirmière le soir "
                + "pour les soins et le pilulier, portage des repas du lundi au vendredi, téléassistance Présence Verte "
                + "reliée à sa fille, kinésithérapeute deux fois par semaine.";
        for (int i = 0; i < 60; i++) {
            Beneficiary person = TestData.beneficiary(StaffId.newId()).firstName("Personne" + i).lastName("Nom" + i)
                    .address(new Address("12 rue du Puy", "23300", TestData.LA_SOUTERRAINE))
                    .contact(new Contact("05 55 63 " + String.format("%02d", i) + " 00", null))
                    .domains(Set.of(Domain.ELDERLY)).build();
            entries.add(new Entry(person, new ElderlyProfile(person.id(), null, null, null, true, null,
                    new ContactPerson("Proche " + i, "06 00 00 00 " + String.format("%02d", i), "voisin"),
                    new HeatwaveRegistration(LocalDate.of(2026, 6, 1), HeatwaveRequester.SELF, null,
                            HeatwaveCapacity.AGED_65, longServices))));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new HeatwaveRegisterPdf(new I18n(Language.ENGLISH), p -> "La Souterraine")
                .write(entries, "Mairie de La Souterraine", "Claire Moreau", LocalDateTime.of(2026, 7, 20, 9, 30),
                        ZoneId.of("Europe/Paris"), bytes);

        try (PDDocument document = Loader.loadPDF(bytes.toByteArray())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(6);
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Register of vulnerable people — heatwave", "on 20/07/2026 09:30 by Claire Moreau",
                    "60 people", "Page " + pages + " of " + pages, "NOM59 Personne59", "12 rue du Puy, 23300 La Souterraine");
            assertThat(text.split("Confidential — heatwave register", -1)).as("the notice on every page").hasSize(pages + 1);
            assertThat(text).as("the long text wrapped, not cut").contains("kinésithérapeute deux fois par semaine.");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(document)).contains("Page 2 of " + pages);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(1, 80), "png",
                    Snapshots.dir().resolve("heatwave-register-pdf-page2-en.png").toFile());
        }
    }
}
