package fr.cercle.persistence.rights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.audit.AuditAction;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.write.ChangeJournal;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.Entities;
import org.jooq.DSLContext;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.INSTALLATION;
import static fr.cercle.persistence.jooq.Tables.STAFF_MEMBER;

/**
 * The right of access: gathers everything held about one person for a viewer who may read their
 * file, records the export in the audit trail, and writes it as JSON (the PDF is the client's).
 */
public final class AccessReports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DSLContext dsl;
    private final ChangeWriter writer;
    private final Clock clock;
    private final Viewer viewer;

    public AccessReports(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.dsl = dsl;
        this.writer = writer;
        this.clock = clock;
        this.viewer = viewer;
    }

    /**
     * Everything held about this person, and an EXPORT line in the audit trail (recorded before the
     * report is returned: an export that is not traced does not happen).
     *
     * @throws AccessDeniedException if the viewer may not read this file (or it is not here)
     */
    public AccessReport gather(BeneficiaryId id) {
        BeneficiaryRepository files = new BeneficiaryRepository(dsl, writer, clock, viewer);
        Beneficiary person = files.find(id).orElseThrow(() -> new AccessDeniedException(viewer, Subject.BENEFICIARY,
                "export beneficiary " + id + " (not in their files)"));
        AuditTrail trail = new AuditTrail(dsl, writer, clock, viewer);
        trail.record(AuditAction.EXPORT, Entities.BENEFICIARY_TABLE, id.value());

        Map<UUID, String> staff = new HashMap<>();
        dsl.select(STAFF_MEMBER.ID, STAFF_MEMBER.FIRST_NAME, STAFF_MEMBER.LAST_NAME).from(STAFF_MEMBER)
                .forEach(r -> staff.put(r.value1(), r.value2() + " " + r.value3()));
        List<AccessReport.Change> history = new ChangeJournal(dsl).entriesFor(Entities.BENEFICIARY_TABLE.entity(), id.value())
                .stream()
                .map(e -> new AccessReport.Change(e.hlc().instant(), name(staff, e.author()),
                        e.operation().name(), e.fields()))
                .toList();
        List<AccessReport.Access> accesses = trail.aboutFile(person).stream()
                .map(e -> new AccessReport.Access(e.at(), name(staff, e.who()), e.action()))
                .toList();
        String structure = dsl.select(INSTALLATION.STRUCTURE_NAME).from(INSTALLATION).limit(1)
                .fetchOptional(INSTALLATION.STRUCTURE_NAME).orElse(null);
        return new AccessReport(person, structure,
                person.referent() == null ? null : staff.get(person.referent().value()),
                clock.instant(), viewer.staff().map(s -> name(staff, s)).orElse(viewer.login()), history, accesses, staff,
                new fr.cercle.persistence.need.NeedRepository(dsl, writer, clock, viewer).ofFile(id),
                new fr.cercle.persistence.contribution.ContributionRepository(dsl, writer, clock, viewer).ofFile(id),
                new fr.cercle.persistence.contribution.ContributionRepository(dsl, writer, clock, viewer).followUps(id),
                profiles(id));
    }

    private AccessReport.Profiles profiles(BeneficiaryId id) {
        var profiles = new fr.cercle.persistence.profile.ProfileRepository(dsl, writer, clock, viewer);
        return new AccessReport.Profiles(profiles.elderly(id).orElse(null), profiles.health(id).orElse(null),
                profiles.school(id).orElse(null));
    }

    private static String name(Map<UUID, String> staff, StaffId id) {
        return staff.getOrDefault(id.value(), id.toString());
    }

    /** The report as JSON, for the person or another service: field names as in the exchange format. */
    public static void writeJson(AccessReport report, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "cercle-access-report");
        root.put("version", 1);
        root.put("exportedAt", report.exportedAt().toString());
        root.put("exportedBy", report.exportedBy());
        root.put("structure", report.structure());
        Beneficiary p = report.person();
        ObjectNode person = root.putObject("person");
        person.put("id", p.id().value().toString());
        person.put("first_name", p.firstName());
        person.put("last_name", p.lastName());
        person.put("birth_date", p.birthDate() == null ? null : p.birthDate().toString());
        person.put("address_line", p.address().line());
        person.put("postal_code", p.address().postalCode());
        person.put("commune_insee", p.address().commune() == null ? null : p.address().commune().value());
        person.put("phone", p.contact().phone());
        person.put("email", p.contact().email());
        ArrayNode domains = person.putArray("domains");
        p.domains().forEach(d -> domains.add(d.name()));
        person.put("status", p.status() == null ? null : p.status().name());
        person.put("referent", report.referent());
        ObjectNode consent = person.putObject("consent");
        consent.put("date", p.consent().date() == null ? null : p.consent().date().toString());
        consent.put("scope", p.consent().scope() == null ? null : p.consent().scope().name());
        consent.put("method", p.consent().method() == null ? null : p.consent().method().name());
        consent.put("guardian", p.consent().guardian());
        consent.put("withdrawn_on", p.consent().withdrawnOn() == null ? null : p.consent().withdrawnOn().toString());
        person.put("situation", p.situation());
        ArrayNode history = root.putArray("history");
        for (AccessReport.Change c : report.history()) {
            ObjectNode line = history.addObject();
            line.put("at", c.at().toString());
            line.put("by", c.author());
            line.put("operation", c.operation());
            line.set("fields", JSON.valueToTree(c.fields()));
        }
        ArrayNode needs = root.putArray("needs");
        for (fr.cercle.model.need.Need n : report.needs()) {
            ObjectNode line = needs.addObject();
            line.put("id", n.id().toString());
            line.put("kind", n.kind().name());
            line.put("frequency", n.frequency().name());
            ArrayNode slots = line.putArray("slots");
            n.slots().forEach(slot -> slots.add(slot.code()));
            line.put("background_check_required", n.backgroundCheckRequired());
            ArrayNode languages = line.putArray("languages");
            n.languages().forEach(languages::add);
            line.put("status", n.status().name());
            line.put("opened_on", n.openedOn().toString());
            line.put("helper_id", n.helper() == null ? null : n.helper().toString());
            line.put("matched_on", n.matchedOn() == null ? null : n.matchedOn().toString());
            line.put("note", n.note());
        }
        ArrayNode contributions = root.putArray("contributions");
        for (fr.cercle.model.contribution.Contribution c : report.contributions()) {
            ObjectNode line = contributions.addObject();
            line.put("id", c.id().toString());
            line.put("helper_id", c.helper().value().toString());
            line.put("contributed_on", c.date().toString());
            line.put("minutes", c.minutes());
            line.put("kind", c.kind().name());
            line.put("medium", c.medium().name());
            line.put("contact_made", c.contactMade());
            line.put("note", c.note());
            line.put("concern", c.concern());
        }
        ArrayNode followUps = root.putArray("follow_ups");
        for (fr.cercle.model.contribution.FollowUp f : report.followUps()) {
            ObjectNode line = followUps.addObject();
            line.put("subject", f.subject());
            line.put("due_on", f.due().toString());
            line.put("status", f.status().name());
            line.put("done_on", f.doneOn() == null ? null : f.doneOn().toString());
        }
        ProfilesJson.write(root.putObject("profiles"), report.profiles());
        ArrayNode accesses = root.putArray("accesses");
        for (AccessReport.Access a : report.accesses()) {
            ObjectNode line = accesses.addObject();
            line.put("at", a.at().toString());
            line.put("by", a.who());
            line.put("action", a.action().name());
        }
        JSON.writeValue(out, root);
    }
}
