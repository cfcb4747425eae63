package fr.cercle.app.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Writes lines of text down A4 pages with Apache PDFBox and its standard Helvetica (decision 0010):
 * titles, headings, paragraphs, "label : value" fields and rows with a column of labels, wrapped to
 * the page's width, a new page when one is full. When closed, it writes on every page the footer
 * given (a line such as "confidential") and the page's number out of all. A character Helvetica cannot
 * draw (outside Western European scripts) is written "?". The documents that use it (the right of
 * access, the heatwave register) only say what goes where.
 */
public final class PdfPages implements AutoCloseable {

    /** The page's margins, left, right and top, in points (2 cm). */
    public static final float MARGIN = 56;
    /** The width text may take. */
    public static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float FOOTER_SIZE = 8;
    private static final float FOOTER_LEADING = 10;
    private static final float GREY = 0.35f;

    private final PDDocument doc;
    private final String footer;
    private final BiFunction<Integer, Integer, String> pageLabel;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final float bottom;
    private PDPageContentStream stream;
    private float y;

    /** Pages with nothing at their foot. */
    public PdfPages(PDDocument doc) throws IOException {
        this(doc, null, null);
    }

    /**
     * @param footer    a text written small at the foot of every page, or null
     * @param pageLabel the words of a page's number from its number and the number of pages
     *                  ("Page 2 sur 5"), or null for none
     */
    public PdfPages(PDDocument doc, String footer, BiFunction<Integer, Integer, String> pageLabel) throws IOException {
        this.doc = doc;
        this.footer = footer;
        this.pageLabel = pageLabel;
        int footerLines = footer == null ? 0 : wrap(showable(regular, footer), regular, FOOTER_SIZE, WIDTH).size();
        this.bottom = MARGIN + (footerLines + (pageLabel == null ? 0 : 1)) * FOOTER_LEADING;
        newPage();
    }

    public void title(String text) throws IOException {
        write(text, bold, 16, 22, 0);
        y -= 6;
    }

    public void heading(String text) throws IOException {
        y -= 10;
        write(text, bold, 12, 16, 0);
    }

    public void bold(String text) throws IOException {
        write(text, bold, 10, 14, 0);
    }

    /** The name of a record in a list of records: bold, a little larger than the text. */
    public void strong(String text) throws IOException {
        write(text, bold, 11, 16, 0);
    }

    public void paragraph(String text) throws IOException {
        write(text, regular, 10, 14, 0);
    }

    /** A paragraph in small grey letters, such as a legal notice. */
    public void note(String text) throws IOException {
        stream.setNonStrokingColor(GREY);
        write(text, regular, 8.5f, 11, 0);
        stream.setNonStrokingColor(0f);
    }

    public void field(String label, String value) throws IOException {
        write(label + " : " + orDash(value), regular, 10, 14, 0);
    }

    /** A field under a history line, indented. */
    public void detail(String label, String value) throws IOException {
        write(label + " : " + orDash(value), regular, 9, 12, 16);
    }

    /**
     * A row of a record: its label in grey in a column of {@code labelWidth} points, its value beside
     * it, wrapped within the rest of the width.
     */
    public void row(String label, String value, float labelWidth) throws IOException {
        float size = 9.5f;
        float leading = 12.5f;
        List<String> labels = wrap(showable(regular, label), regular, size, labelWidth - 8);
        List<String> values = new ArrayList<>();
        for (String paragraph : orDash(value).split("\\R", -1)) {
            values.addAll(wrap(showable(regular, paragraph), regular, size, WIDTH - labelWidth));
        }
        int lines = Math.max(labels.size(), values.size());
        if (lines <= 6) {
            keep(lines * leading); // a short row is not cut between two pages
        }
        for (int i = 0; i < lines; i++) {
            if (y - leading < bottom) {
                newPage();
            }
            y -= leading;
            if (i < labels.size()) {
                stream.setNonStrokingColor(GREY);
                show(labels.get(i), regular, size, MARGIN);
                stream.setNonStrokingColor(0f);
            }
            if (i < values.size()) {
                show(values.get(i), regular, size, MARGIN + labelWidth);
            }
        }
    }

    /** Starts a new page unless {@code height} points are left on this one: what follows stays together. */
    public void keep(float height) throws IOException {
        if (y - height < bottom) {
            newPage();
        }
    }

    /** A thin grey line across the page, with some space around it; none at the top of a page. */
    public void rule() throws IOException {
        if (y >= top()) {
            return;
        }
        y -= 6;
        if (y < bottom) {
            newPage();
            return;
        }
        stream.setStrokingColor(0.8f);
        stream.setLineWidth(0.5f);
        stream.moveTo(MARGIN, y);
        stream.lineTo(MARGIN + WIDTH, y);
        stream.stroke();
        stream.setStrokingColor(0f);
        y -= 4;
    }

    /** Some empty space. */
    public void space(float points) {
        y -= points;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private void write(String text, PDType1Font font, float size, float leading, float indent) throws IOException {
        for (String paragraph : text.split("\\R", -1)) {
            for (String line : wrap(showable(font, paragraph), font, size, WIDTH - indent)) {
                if (y - leading < bottom) {
                    newPage();
                }
                y -= leading;
                show(line, font, size, MARGIN + indent);
            }
        }
    }

    private void show(String line, PDType1Font font, float size, float x) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(line);
        stream.endText();
    }

    /** The text cut into lines no wider than {@code width}, at spaces (a word longer than a line stands alone). */
    static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
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
    static String showable(PDType1Font font, String text) {
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
        y = top();
    }

    private static float top() {
        return PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Ends the last page, then writes the footer and the page numbers on every page. */
    @Override
    public void close() throws IOException {
        stream.close();
        if (footer == null && pageLabel == null) {
            return;
        }
        int count = doc.getNumberOfPages();
        List<String> footerLines = footer == null ? List.of() : wrap(showable(regular, footer), regular, FOOTER_SIZE, WIDTH);
        for (int i = 0; i < count; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                foot.setNonStrokingColor(GREY);
                float at = bottom - FOOTER_LEADING + 2;
                for (String line : footerLines) {
                    at -= FOOTER_LEADING;
                    text(foot, line, MARGIN, at);
                }
                if (pageLabel != null) {
                    String label = showable(regular, pageLabel.apply(i + 1, count));
                    at -= FOOTER_LEADING;
                    text(foot, label, MARGIN + WIDTH - regular.getStringWidth(label) / 1000 * FOOTER_SIZE, at);
                }
            }
        }
    }

    private void text(PDPageContentStream foot, String line, float x, float at) throws IOException {
        foot.beginText();
        foot.setFont(regular, FOOTER_SIZE);
        foot.newLineAtOffset(x, at);
        foot.showText(line);
        foot.endText();
    }
}
