package fr.cercle.app.heatwave;

import fr.cercle.app.i18n.I18n;
import fr.cercle.app.pdf.PdfPages;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.persistence.heatwave.HeatwaveRepository.Entry;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The town hall's register of vulnerable people (registre canicule) as a readable A4 PDF for the
 * prefecture: who holds it, when and by whom it was extracted, then one block per registered person
 * with every field of the register's CSV export (identity, address, phone, capacity, disability,
 * registration and who asked for it, the person to warn, the services at home), and on every page
 * the reminder that the data are confidential, with the page's number. Drawn by {@link PdfPages}
 * (decision 0010), in the interface's language.
 */
public final class HeatwaveRegisterPdf {

    /** The width of the column of labels, in points: "Services intervenant à domicile" fits. */
    private static final float LABELS = 150;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final I18n i18n;
    private final Function<Beneficiary, String> communeName;

    /** @param communeName the name of a person's commune, or "" when unknown */
    public HeatwaveRegisterPdf(I18n i18n, Function<Beneficiary, String> communeName) {
        this.i18n = i18n;
        this.communeName = communeName;
    }

    /**
     * @param structure   the town hall or organisation that keeps the register
     * @param extractedBy the name of the person who extracts it
     * @param at          when, in the installation's time zone
     */
    public void write(List<Entry> entries, String structure, String extractedBy, LocalDateTime at, ZoneId zone,
                      OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(i18n.get("heatwave.pdf.title"));
            info.setAuthor(structure);
            info.setCreator("Cercle");
            info.setCreationDate(GregorianCalendar.from(at.atZone(zone)));
            try (PdfPages pages = new PdfPages(doc, i18n.get("heatwave.pdf.confidential"),
                    (page, of) -> i18n.format("pdf.page", page, of))) {
                pages.title(i18n.get("heatwave.pdf.title"));
                pages.row(i18n.get("heatwave.pdf.structure"), structure, LABELS);
                pages.row(i18n.get("heatwave.pdf.extracted"), i18n.format("heatwave.pdf.extractedWhen",
                        WHEN.format(at), extractedBy), LABELS);
                pages.row(i18n.get("heatwave.pdf.count"), i18n.format("heatwave.pdf.people", entries.size()), LABELS);
                pages.space(6);
                pages.note(i18n.get("heatwave.pdf.legal"));
                pages.space(4);
                int number = 0;
                for (Entry entry : entries) {
                    person(pages, ++number, entry, at);
                }
                if (entries.isEmpty()) {
                    pages.rule();
                    pages.paragraph(i18n.get("heatwave.pdf.empty"));
                }
            }
            doc.save(out);
        }
    }

    private void person(PdfPages pages, int number, Entry entry, LocalDateTime at) throws IOException {
        Beneficiary p = entry.person();
        HeatwaveRegistration registration = entry.profile().heatwave();
        ContactPerson emergency = entry.profile().emergency();
        pages.keep(5 * 14); // a person's name is never alone at the foot of a page
        pages.rule();
        pages.strong(number + ". " + (p.lastName() == null ? "" : p.lastName().toUpperCase(Locale.FRENCH)) + " "
                + (p.firstName() == null ? "" : p.firstName()));
        String birth = p.birthDate() == null ? null : i18n.format("heatwave.pdf.birth", i18n.date(p.birthDate()),
                Period.between(p.birthDate(), at.toLocalDate()).getYears());
        pages.row(i18n.get("field.birthDate"), birth, LABELS);
        pages.row(i18n.get("field.addressLine"), join(", ", p.address().line(),
                join(" ", p.address().postalCode(), communeName.apply(p))), LABELS);
        pages.row(i18n.get("field.phone"), p.contact().phone(), LABELS);
        pages.row(i18n.get("heatwave.export.capacity"), label(registration.capacity()), LABELS);
        pages.row(i18n.get("heatwave.export.disability"), entry.profile().disability(), LABELS);
        pages.row(i18n.get("heatwave.export.registeredOn"),
                registration.registeredOn() == null ? null : i18n.date(registration.registeredOn()), LABELS);
        pages.row(i18n.get("heatwave.export.requestedBy"), join(" — ", label(registration.requestedBy()),
                registration.requesterName()), LABELS);
        pages.row(i18n.get("heatwave.export.emergency"), emergency.isEmpty() ? null
                : join(" — ", join(" ", emergency.name(), emergency.relation() == null ? null : "(" + emergency.relation() + ")"),
                emergency.phone()), LABELS);
        pages.row(i18n.get("heatwave.export.services"), registration.services(), LABELS);
    }

    private String label(Enum<?> value) {
        return value == null ? null : i18n.label(value);
    }

    /** The parts that are there, joined. */
    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(separator));
    }
}
