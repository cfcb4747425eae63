package fr.cercle.persistence.spreadsheet;

import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.persistence.spreadsheet.UnreadableSheetException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV files as French spreadsheets write them, read from real files; and the export read back. */
class SheetReaderTest {

    @TempDir
    Path dir;

    Sheet read(byte[] content) throws Exception {
        Path file = dir.resolve("sheet.csv");
        Files.write(file, content);
        return SheetReader.read(file);
    }

    @Test
    void readsExcelsSemicolonFileInWindows1252() throws Exception {
        Sheet sheet = read("Nom;Prénom;Commune\r\nLefèvre;Hélène;Guéret\r\n".getBytes(SheetReader.WINDOWS_1252));

        assertThat(sheet.charset()).isEqualTo("windows-1252");
        assertThat(sheet.separator()).isEqualTo(';');
        assertThat(sheet.headers()).containsExactly("Nom", "Prénom", "Commune");
        assertThat(sheet.rows().get(0).cells()).containsExactly("Lefèvre", "Hélène", "Guéret");
        assertThat(sheet.rows().get(0).line()).isEqualTo(2);
    }

    @Test
    void readsUtf8WithItsMarkAndCommasAndQuotedCells() throws Exception {
        byte[] text = ("\uFEFFNom,Prénom,Situation\n\"Martin, dite \"\"Jeannette\"\"\",Jeanne,\"Vit seule;\nsans famille\"\n"
                + "Durand,Paul,\n").getBytes(StandardCharsets.UTF_8);

        Sheet sheet = read(text);

        assertThat(sheet.charset()).isEqualTo("UTF-8");
        assertThat(sheet.separator()).isEqualTo(',');
        assertThat(sheet.headers()).containsExactly("Nom", "Prénom", "Situation");
        assertThat(sheet.rows().get(0).cells()).containsExactly("Martin, dite \"Jeannette\"", "Jeanne", "Vit seule;\nsans famille");
        assertThat(sheet.rows().get(1).line()).as("a line of the spreadsheet, whatever breaks its cells hold").isEqualTo(3);
    }

    @Test
    void readsUtf8WithoutMarkAndUtf16WithTabs() throws Exception {
        assertThat(read("Nom;Prénom\nÉlise;Zoé\n".getBytes(StandardCharsets.UTF_8)).rows().get(0).cells())
                .containsExactly("Élise", "Zoé");
        byte[] utf16 = "\uFEFFNom\tPrénom\r\nÉlise\tZoé\r\n".getBytes(StandardCharsets.UTF_16LE);

        Sheet sheet = read(utf16);

        assertThat(sheet.separator()).isEqualTo('\t');
        assertThat(sheet.rows().get(0).cells()).containsExactly("Élise", "Zoé");
    }

    @Test
    void namesBlankHeadersByTheirLetterAndDropsTrailingOnes() throws Exception {
        Sheet sheet = read("Nom;;Commune;;\nA;x;B;;\n".getBytes(StandardCharsets.UTF_8));

        assertThat(sheet.headers()).containsExactly("Nom", "B", "Commune");
        assertThat(SheetReader.letter(27)).isEqualTo("AB");
    }

    @Test
    void refusesEmptyFilesHeadersAloneWorkbooksAndOpenQuotes() {
        assertThatThrownBy(() -> read(new byte[0])).extracting(e -> ((UnreadableSheetException) e).reason())
                .isEqualTo(Reason.EMPTY);
        assertThatThrownBy(() -> read("\n ; \n".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((UnreadableSheetException) e).reason()).isEqualTo(Reason.EMPTY);
        assertThatThrownBy(() -> read("Nom;Prénom\n;\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((UnreadableSheetException) e).reason()).isEqualTo(Reason.NO_ROWS);
        assertThatThrownBy(() -> read(new byte[]{'P', 'K', 3, 4, 20, 0}))
                .extracting(e -> ((UnreadableSheetException) e).reason()).isEqualTo(Reason.WORKBOOK);
        assertThatThrownBy(() -> read("Nom;Prénom\nMartin;\"Jeanne\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((UnreadableSheetException) e).reason()).isEqualTo(Reason.MALFORMED);
        assertThatThrownBy(() -> read(new byte[]{'N', 'o', 'm', 0, 1, 2, '\n', 'x', 0}))
                .as("binary content, not text in any encoding")
                .extracting(e -> ((UnreadableSheetException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void anExportReadsBackAsItWasWrittenAndExcelSeesNoFormula() throws Exception {
        Path file = dir.resolve("export.csv");
        List<List<String>> rows = List.of(List.of("Martin", "Jeanne", "14/06/1941"),
                java.util.Arrays.asList("Lefèvre; dite \"Lulu\"", null, "ligne\nsuivante"),
                List.of("=1+1", "+33 6 12 34 56 78", "-"));

        int written = SheetWriter.write(file, List.of("Nom", "Prénom", "Né(e) le"), rows, () -> false);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(written).isEqualTo(3);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        Sheet back = SheetReader.read(file);
        assertThat(back.separator()).isEqualTo(';');
        assertThat(back.charset()).isEqualTo("UTF-8");
        assertThat(back.headers()).containsExactly("Nom", "Prénom", "Né(e) le");
        assertThat(back.rows()).extracting(Sheet.Row::cells).containsExactly(
                List.of("Martin", "Jeanne", "14/06/1941"),
                List.of("Lefèvre; dite \"Lulu\"", "", "ligne\nsuivante"),
                List.of("'=1+1", "+33 6 12 34 56 78", "'-"));
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aCancelledExportLeavesNoFile() {
        Path file = dir.resolve("export.csv");

        assertThatThrownBy(() -> SheetWriter.write(file, List.of("Nom"), List.of(List.of("Martin")), () -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }
}
