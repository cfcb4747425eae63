package fr.cercle.app.rights;

import fr.cercle.app.i18n.I18n;
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
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The right of access as a readable PDF (A4, in the interface's language): the person's file by
 * section, then every change with its date and author, then who opened, changed or exported it.
 * Drawn with Apache PDFBox and its standard Helvetica; a character that font cannot show (outside
 * Western European scripts) is written as "?", and the JSON export holds it exactly.
 */
public final class AccessReportPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
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
            try (Pages pages = new Pages(doc)) {
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
    private void help(Pages pages, AccessReport report, Map<HelperId, String> helperNames) throws IOException {
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

    /** Writes lines down A4 pages, wrapping them and starting a new page when one is full. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument doc;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        void title(String text) throws IOException {
            write(text, bold, 16, 22);
            y -= 6;
        }

        void heading(String text) throws IOException {
            y -= 10;
            write(text, bold, 12, 16);
        }

        void bold(String text) throws IOException {
            write(text, bold, 10, 14);
        }

        void paragraph(String text) throws IOException {
            write(text, regular, 10, 14);
        }

        void field(String label, String value) throws IOException {
            write(label + " : " + (value == null || value.isBlank() ? "—" : value), regular, 10, 14);
        }

        /** A field under a history line, indented. */
        void detail(String label, String value) throws IOException {
            write(label + " : " + (value == null || value.isBlank() ? "—" : value), regular, 9, 12, 16);
        }

        private void write(String text, PDType1Font font, float size, float leading) throws IOException {
            write(text, font, size, leading, 0);
        }

        private void write(String text, PDType1Font font, float size, float leading, float indent) throws IOException {
            for (String paragraph : text.split("\\R", -1)) {
                for (String line : wrap(showable(font, paragraph), font, size, WIDTH - indent)) {
                    if (y - leading < MARGIN) {
                        newPage();
                    }
                    y -= leading;
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(MARGIN + indent, y);
                    stream.showText(line);
                    stream.endText();
                }
            }
        }

        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** The text with every character the font cannot encode replaced by "?". */
        private static String showable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    out.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
