package fr.cercle.sync.format;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.HandClock;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.persistence.write.Entities;
import fr.cercle.sync.client.BundleExport;
import fr.cercle.sync.client.BundleImport;
import fr.cercle.sync.server.ServerDatabase;
import fr.cercle.sync.server.ServerStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the example bundles of docs/examples with the real code, on real databases: a town hall and
 * a CCAS edit the same beneficiary's status concurrently and sync through a server. Run once after a
 * change of the format (ExchangeFormatSpecTest then checks them):
 * {@code java -cp <sync test classpath> fr.cercle.sync.format.ExampleBundles docs/examples}.
 * Device, record and staff ids and the clocks are fixed; bundle ids and the server's epoch are not.
 */
public final class ExampleBundles {

    static final String TOWN_HALL_DEVICE = "3f6c2a9e-1b47-4d85-9e20-7a5b8c1d4e6f";
    static final String CCAS_DEVICE = "8b1d4e7a-2c3f-4a96-b5e8-0f1a2b3c4d5e";
    static final StaffId CLAIRE = new StaffId(UUID.fromString("6b2e9d14-3c7a-4f85-b0e1-9a5d2c8f4e67"));
    static final StaffId SOPHIE = new StaffId(UUID.fromString("d72f4b19-8e5a-4c36-a1b0-5f9e3d2c7a84"));
    static final BeneficiaryId JEANNE = new BeneficiaryId(UUID.fromString("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"));
    static final HelperId KARIM = new HelperId(UUID.fromString("2e7b9c41-6d3a-4f58-9b1e-8c4a7d2f6e03"));
    static final InseeCode VAREILLES = new InseeCode("23258");
    static final InseeCode LA_SOUTERRAINE = new InseeCode("23176");

    private ExampleBundles() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/examples");
        Files.createDirectories(target);
        Path work = Files.createTempDirectory("cercle-examples");
        HandClock townHallWall = new HandClock(Instant.parse("2026-11-25T09:14:03.512Z"));
        HandClock ccasWall = new HandClock(Instant.parse("2026-11-25T14:02:47.090Z"));
        HandClock serverWall = new HandClock(Instant.parse("2026-11-25T16:00:00.000Z"));

        try (CercleDatabase townHall = installation(work.resolve("town-hall"), townHallWall, TOWN_HALL_DEVICE);
             CercleDatabase ccas = installation(work.resolve("ccas"), ccasWall, CCAS_DEVICE);
             ServerDatabase serverDb = ServerDatabase.h2(work.resolve("server"))) {
            ServerStore server = new ServerStore(serverDb, BundleLimits.DEFAULT, serverWall, "Serveur départemental de la Creuse");

            // The town hall records Claire and Jeanne, and sends them.
            new StaffRepository(townHall.dsl(), townHall.writer(), TestData.ALL_ACCESS).save(new StaffMember(CLAIRE, "Claire", "Moreau",
                    "Mairie de Vareilles", Set.of(Domain.ELDERLY), true), CLAIRE);
            beneficiaries(townHall).save(jeanne(), CLAIRE);
            Path first = target.resolve("push-new-beneficiary.cercle");
            export(townHall, "Mairie de Vareilles", 0, first);
            server.push(first);

            // The CCAS receives them; Sophie pauses Jeanne's file.
            importPull(server, ccas, 0);
            new StaffRepository(ccas.dsl(), ccas.writer(), TestData.ALL_ACCESS).save(new StaffMember(SOPHIE, "Sophie", "Lambert",
                    "CCAS de La Souterraine", Set.of(Domain.ELDERLY, Domain.HEALTH), true), SOPHIE);
            beneficiaries(ccas).save(beneficiaries(ccas).find(JEANNE).orElseThrow().withStatus(BeneficiaryStatus.PAUSED),
                    SOPHIE);
            Path edit = target.resolve("push-concurrent-edit.cercle");
            export(ccas, "CCAS de La Souterraine", 1, edit);

            // Meanwhile, without having seen it, the town hall closes the same file.
            townHallWall.set(Instant.parse("2026-11-25T15:30:00.250Z"));
            beneficiaries(townHall).close(JEANNE, CLAIRE);

            // The CCAS records a helper by mistake, deletes it, and sends everything.
            ccasWall.set(Instant.parse("2026-11-25T14:05:12.004Z"));
            HelperRepository helpers = new HelperRepository(ccas.dsl(), ccas.writer(), ccasWall, TestData.ALL_ACCESS);
            helpers.save(karim(), SOPHIE);
            ccas.writer().run(SOPHIE, tx -> tx.delete(Entities.HELPER_TABLE, KARIM.value()));
            Path ccasAll = work.resolve("ccas-all.cercle");
            export(ccas, "CCAS de La Souterraine", 0, ccasAll);
            server.push(ccasAll);

            // The town hall sends its edit and asks for what it lacks after its cursor (2).
            Path townHallEdit = work.resolve("town-hall-edit.cercle");
            export(townHall, "Mairie de Vareilles", 2, townHallEdit);
            server.push(townHallEdit);
            Path pull = target.resolve("pull-from-server.cercle");
            try (OutputStream out = Files.newOutputStream(pull)) {
                server.pull(townHall.deviceId(), 2, 1_000, out, false);
            }
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target.resolve("pull-from-server.cercle.gz")))) {
                Files.copy(pull, out);
            }
        }
    }

    static CercleDatabase installation(Path dir, Clock clock, String device) {
        try (CercleDatabase fresh = CercleDatabase.open(dir, clock)) {
            fresh.localSettings().put(LocalSettings.DEVICE_ID, device);
        }
        return CercleDatabase.open(dir, clock);
    }

    static BeneficiaryRepository beneficiaries(CercleDatabase db) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
    }

    static Beneficiary jeanne() {
        return new Beneficiary(JEANNE, "Jeanne", "Martin", LocalDate.of(1938, 3, 2),
                new Address("3 rue des Lilas", "23300", VAREILLES), new Contact("05 55 63 00 00", null),
                Set.of(Domain.ELDERLY, Domain.HEALTH), BeneficiaryStatus.ACTIVE, CLAIRE,
                new Consent(LocalDate.of(2026, 1, 5), ConsentScope.FOLLOW_UP_AND_HELPERS, ConsentMethod.SIGNED_FORM),
                "Vit seule depuis le décès de son mari.");
    }

    static Helper karim() {
        return new Helper(KARIM, "Karim", "Benali", new Contact("06 12 34 56 78", "karim@example.fr"), LA_SOUTERRAINE,
                Set.of(Skill.VISITS, Skill.SHOPPING), new java.util.TreeSet<>(List.of("cuisine")),
                new java.util.TreeSet<>(List.of("ar", "fr")),
                new java.util.TreeSet<>(List.of(new WeeklySlot(DayOfWeek.TUESDAY, DayPart.AFTERNOON))),
                2, LocalDate.of(2026, 2, 1), new BackgroundCheck(BackgroundCheckStatus.VALID, LocalDate.of(2026, 2, 10)),
                HelperStatus.ACTIVE);
    }

    static void export(CercleDatabase db, String organisation, long after, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new BundleExport(db, organisation).ownChanges(after, out, false);
        }
    }

    static void importPull(ServerStore server, CercleDatabase db, long after) throws Exception {
        Path file = Files.createTempFile("cercle-pull-", ".cercle");
        try (OutputStream out = Files.newOutputStream(file)) {
            server.pull(db.deviceId(), after, 1_000, out, false);
        }
        new BundleImport(db, BundleLimits.DEFAULT).importFile(file);
        Files.delete(file);
    }
}
