package fr.cercle.persistence.spreadsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.persistence.spreadsheet.UnreadableSheetException.Reason;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file as spreadsheets write them in France (with Jackson's CSV parser, decision 0013):
 * UTF-8 with or without its byte-order mark, else Windows-1252 (Excel's "CSV (séparateur : point-virgule)"),
 * UTF-16 when it starts with its mark ("Texte Unicode"); the separator is the one of {@code ; , tab}
 * that the header line uses most; quoted cells may hold separators, quotes and line breaks. A
 * workbook saved as .xlsx or .ods is recognised and refused with its own reason.
 */
public final class SheetReader {

    /** 20 MB: about 100,000 lines of people; a larger file is not a spreadsheet of people. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SheetReader() {
    }

    public static Sheet read(Path file) throws IOException, UnreadableSheetException {
        if (Files.size(file) > MAX_BYTES) {
            throw new UnreadableSheetException(Reason.TOO_LARGE, 0, "File over " + MAX_BYTES + " bytes", null);
        }
        return read(Files.readAllBytes(file));
    }

    public static Sheet read(byte[] content) throws UnreadableSheetException {
        if (startsWith(content, 'P', 'K', 3, 4) || startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableSheetException(Reason.WORKBOOK, 0, "A workbook, not a CSV file", null);
        }
        Charset charset;
        String text;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            text = new String(content, 3, content.length - 3, charset);
        } else if (startsWith(content, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            text = new String(content, 2, content.length - 2, charset);
        } else if (startsWith(content, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            text = new String(content, 2, content.length - 2, charset);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                charset = StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                charset = WINDOWS_1252;
                text = new String(content, charset);
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableSheetException(Reason.MALFORMED, 0, "Not a text file", null);
        }
        if (text.isBlank()) {
            throw new UnreadableSheetException(Reason.EMPTY, 0, "Empty file", null);
        }
        char separator = separator(text);
        List<String[]> records = parse(text, separator);
        int first = 0;
        while (first < records.size() && blank(records.get(first))) {
            first++;
        }
        if (first == records.size()) {
            throw new UnreadableSheetException(Reason.EMPTY, 0, "Only blank lines", null);
        }
        List<String> headers = headers(records.get(first));
        List<Sheet.Row> rows = new ArrayList<>(records.size());
        for (int i = first + 1; i < records.size(); i++) {
            rows.add(new Sheet.Row(i + 1, Arrays.asList(records.get(i))));
        }
        if (rows.stream().allMatch(Sheet.Row::isBlank)) {
            throw new UnreadableSheetException(Reason.NO_ROWS, first + 1, "Headers and no line", null);
        }
        return new Sheet(headers, rows, charset.name(), separator);
    }

    /** The separator of {@code ; , tab} that the first line uses most outside quotes ({@code ;} if none). */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas + tabs > 0) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    private static List<String[]> parse(String text, char separator) throws UnreadableSheetException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"')
                .withoutEscapeChar();
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema)
                .readValues(new StringReader(text))) {
            while (it.hasNext()) {
                records.add(it.next());
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UnreadableSheetException(Reason.MALFORMED, line, "Not a readable CSV file", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSheetException(Reason.MALFORMED, records.size() + 1, "Not a readable CSV file", e);
        }
        return records;
    }

    /** The headers, stripped; a blank one named by its spreadsheet letter; blank ones at the end left out. */
    private static List<String> headers(String[] cells) {
        int last = cells.length;
        while (last > 0 && (cells[last - 1] == null || cells[last - 1].isBlank())) {
            last--;
        }
        List<String> headers = new ArrayList<>(last);
        for (int i = 0; i < last; i++) {
            String header = cells[i] == null ? "" : cells[i].strip();
            headers.add(header.isEmpty() ? letter(i) : header);
        }
        return headers;
    }

    /** A, B, … Z, AA, AB…: how spreadsheets name columns. */
    static String letter(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    private static boolean blank(String[] cells) {
        return Arrays.stream(cells).allMatch(c -> c == null || c.isBlank());
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
