package fr.cercle.persistence.spreadsheet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes a list as a CSV file that Excel in French opens as it is: UTF-8 with its byte-order mark,
 * {@code ;} between cells, quotes where a cell needs them, Windows line ends. The file is written
 * beside the target then moved over it, so a failed or cancelled export leaves no half file.
 */
public final class SheetWriter {

    public static final char SEPARATOR = ';';

    private SheetWriter() {
    }

    /**
     * @param rows      each row's cells, in the order of the headers ({@code null} for an empty cell)
     * @param cancelled asked every 1,000 rows; true stops the export and leaves nothing behind
     * @return how many rows were written
     */
    public static int write(Path file, List<String> headers, Iterable<? extends List<String>> rows,
                            BooleanSupplier cancelled) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(SEPARATOR).withLineSeparator("\r\n")
                .withoutEscapeChar().withNullValue("");
        int written = 0;
        try (OutputStream out = Files.newOutputStream(partial);
             Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            writer.write('\uFEFF');
            try (SequenceWriter sequence = mapper.writerFor(String[].class).with(schema)
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValues(writer)) {
                sequence.write(headers.stream().map(SheetWriter::inert).toArray(String[]::new));
                for (List<String> row : rows) {
                    if (written % 1_000 == 0 && cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("Export cancelled");
                    }
                    sequence.write(row.stream().map(SheetWriter::inert).toArray(String[]::new));
                    written++;
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return written;
    }

    /**
     * The cell as text a spreadsheet will not run: a cell starting with {@code = @} (or {@code + -}
     * followed by something else than a digit) would be taken for a formula, so it starts with an
     * apostrophe, as one types it in Excel to keep text.
     */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '@'
                || ((first == '+' || first == '-') && (cell.length() == 1 || !Character.isDigit(cell.charAt(1))));
        return formula ? "'" + cell : cell;
    }
}
