package fr.cercle.app.rights;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.pdf.PdfPages;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.common.Domain;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.FollowUp;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Need;
import fr.cercle.persistence.rights.AccessReport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The right of access as a readable PDF (A4, in the interface's language): the person's file by
 * section, then every change with its date and author, then who opened, changed or exported it.
 * Drawn with Apache PDFBox and its standard Helvetica ({@link PdfPages}); a character that font cannot
 * show (outside Western European scripts) is written as "?", and the JSON export holds it exactly.
 */
public final class AccessReportPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final I18n i18n;
    private final ZoneId zone;

    public AccessReportPdf(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
    }

    /**
     * @param communeName the name of the person's commune, if known
     * @param helperNames the names of the helpers who met a need of the person or helped them, as known here
     */
    public void write(AccessReport report, String communeName, Map<HelperId, String> helperNames, OutputStream out)
            throws IOException {
        Beneficiary p = report.person();
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(i18n.format("access.pdf.title", p.fullName().strip()));
            info.setAuthor(report.structure());
            info.setCreator("Cercle");
            Calendar created = GregorianCalendar.from(report.exportedAt().atZone(zone));
            info.setCreationDate(created);
            try (PdfPages pages = new PdfPages(doc, null, (page, of) -> i18n.format("pdf.page", page, of))) {
                pages.title(i18n.format("access.pdf.title", p.fullName().strip()));
                pages.paragraph(i18n.format("access.pdf.intro", when(report.exportedAt()), report.exportedBy(),
                        report.structure() == null ? "" : report.structure()));

                pages.heading(i18n.get("beneficiary.section.identity"));
                pages.field(i18n.get("field.lastName"), p.lastName());
                pages.field(i18n.get("field.firstName"), p.firstName());
                pages.field(i18n.get("field.birthDate"), i18n.date(p.birthDate()));

                pages.heading(i18n.get("beneficiary.section.contact"));
                pages.field(i18n.get("field.addressLine"), p.address().line());
                pages.field(i18n.get("field.commune"), join(p.address().postalCode(), communeName));
                pages.field(i18n.get("field.phone"), p.contact().phone());
                pages.field(i18n.get("field.email"), p.contact().email());

                pages.heading(i18n.get("beneficiary.section.followUp"));
                pages.field(i18n.get("field.domains"), p.domains().stream().map(i18n::label).collect(Collectors.joining(", ")));
                pages.field(i18n.get("field.status"), i18n.label(p.status()));
                pages.field(i18n.get("field.referent"), report.referent());

                pages.heading(i18n.get("beneficiary.section.consent"));
                pages.field(i18n.get("field.consentDate"), i18n.date(p.consent().date()));
                pages.field(i18n.get("field.consentScope"), i18n.label(p.consent().scope()));
                pages.field(i18n.get("field.consentMethod"), i18n.label(p.consent().method()));
                if (p.consent().guardian() != null) {
                    pages.field(i18n.get("field.consentGuardian"), p.consent().guardian());
                }
                if (p.consent().withdrawn()) {
                    pages.field(i18n.get("field.consentWithdrawnOn"), i18n.date(p.consent().withdrawnOn()));
                }

                pages.heading(i18n.get("beneficiary.section.situation"));
                pages.paragraph(p.situation() == null ? "—" : p.situation());

                help(pages, report, helperNames);

                pages.heading(i18n.get("access.pdf.history"));
                for (AccessReport.Change change : report.history()) {
                    pages.bold(i18n.format("access.pdf.change", when(change.at()), operation(change.operation()),
                            change.author()));
                    for (Map.Entry<String, Object> field : change.fields().entrySet()) {
                        pages.detail(fieldLabel(field.getKey()), value(report, field.getKey(), field.getValue()));
                    }
                }

                pages.heading(i18n.get("access.pdf.accesses"));
                for (AccessReport.Access access : report.accesses()) {
                    pages.paragraph(i18n.format("access.pdf.access", when(access.at()), i18n.label(access.action()),
                            access.who()));
                }
                pages.paragraph("");
                pages.paragraph(i18n.get("access.pdf.footer"));
            }
            doc.save(out);
        }
    }

    /** The help the person received: their needs, what helpers did, the follow-ups about them. */
    private void help(PdfPages pages, AccessReport report, Map<HelperId, String> helperNames) throws IOException {
        pages.heading(i18n.get("access.pdf.help"));
        if (report.needs().isEmpty() && report.contributions().isEmpty()) {
            pages.paragraph(i18n.get("access.pdf.help.none"));
        }
        for (Need need : report.needs()) {
            String helper = need.helper() == null ? null : helperNames.getOrDefault(need.helper(), i18n.get("needs.helperUnknown"));
            pages.paragraph(i18n.format("access.pdf.need", i18n.label(need.kind()),
                    i18n.label(need.frequency()).toLowerCase(i18n.locale()), i18n.label(need.status()),
                    i18n.date(need.openedOn()), helper == null ? "" : " — " + helper));
        }
        for (Contribution c : report.contributions()) {
            String helper = helperNames.getOrDefault(c.helper(), i18n.get("needs.helperUnknown"));
            pages.bold(i18n.format("access.pdf.contribution", i18n.date(c.date()), helper, i18n.label(c.kind()),
                    i18n.label(c.medium()).toLowerCase(i18n.locale()),
                    c.contactMade() ? i18n.duration(c.minutes()) : i18n.get("access.pdf.notReached")));
            if (c.note() != null) {
                pages.detail(i18n.get("circle.entry.note"), c.note());
            }
            if (c.concern() != null) {
                pages.detail(i18n.get("circle.entry.concern"), c.concern());
            }
        }
        for (FollowUp f : report.followUps()) {
            pages.paragraph(f.doneOn() == null
                    ? i18n.format("access.pdf.followUp.open", f.subject(), i18n.date(f.due()))
                    : i18n.format("access.pdf.followUp.done", f.subject(), i18n.date(f.doneOn())));
        }
    }

    private String when(java.time.Instant at) {
        return WHEN.format(LocalDateTime.ofInstant(at, zone));
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    private String operation(String operation) {
        return switch (operation) {
            case "CREATE" -> i18n.get("access.pdf.created");
            case "DELETE" -> i18n.get("access.pdf.deleted");
            default -> i18n.get("access.pdf.changed");
        };
    }

    /** The form's label of a field of the exchange format, or its name if the form has none. */
    private String fieldLabel(String name) {
        return switch (name) {
            case "first_name" -> i18n.get("field.firstName");
            case "last_name" -> i18n.get("field.lastName");
            case "birth_date" -> i18n.get("field.birthDate");
            case "address_line" -> i18n.get("field.addressLine");
            case "postal_code" -> i18n.get("access.pdf.postalCode");
            case "commune_insee" -> i18n.get("access.pdf.communeCode");
            case "phone" -> i18n.get("field.phone");
            case "email" -> i18n.get("field.email");
            case "domains" -> i18n.get("field.domains");
            case "status" -> i18n.get("field.status");
            case "referent_id" -> i18n.get("field.referent");
            case "consent_date" -> i18n.get("field.consentDate");
            case "consent_scope" -> i18n.get("field.consentScope");
            case "consent_method" -> i18n.get("field.consentMethod");
            case "consent_guardian" -> i18n.get("field.consentGuardian");
            case "consent_withdrawn_on" -> i18n.get("field.consentWithdrawnOn");
            case "situation" -> i18n.get("field.situation");
            default -> name;
        };
    }

    private String value(AccessReport report, String name, Object value) {
        if (value == null) {
            return "—";
        }
        try {
            return switch (name) {
                case "referent_id" -> report.staffNames().getOrDefault(java.util.UUID.fromString(value.toString()),
                        value.toString());
                case "status" -> i18n.label(BeneficiaryStatus.valueOf(value.toString()));
                case "consent_scope" -> i18n.label(ConsentScope.valueOf(value.toString()));
                case "consent_method" -> i18n.label(ConsentMethod.valueOf(value.toString()));
                case "birth_date", "consent_date", "consent_withdrawn_on" -> i18n.date(java.time.LocalDate.parse(value.toString()));
                case "domains" -> value instanceof List<?> list
                        ? list.stream().map(d -> i18n.label(Domain.valueOf(d.toString()))).collect(Collectors.joining(", "))
                        : value.toString();
                default -> value.toString();
            };
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return value.toString(); // a value from a newer Cercle: shown as it is
        }
    }
}
