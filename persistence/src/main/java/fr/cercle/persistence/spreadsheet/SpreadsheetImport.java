package fr.cercle.persistence.spreadsheet;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.spreadsheet.BeneficiaryDefaults;
import fr.cercle.model.spreadsheet.ColumnMapping;
import fr.cercle.model.spreadsheet.CommuneIndex;
import fr.cercle.model.spreadsheet.Sheet;
import fr.cercle.model.spreadsheet.SheetCheck;
import fr.cercle.model.spreadsheet.Target;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.demo.Progress;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.write.ChangeWriter;
import fr.cercle.persistence.write.WriteTransaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;

/**
 * Imports the people's files or the helpers of a spreadsheet, all or nothing. {@link #checkBeneficiaries}
 * and {@link #checkHelpers} say what each line would become and every problem, writing nothing; the
 * imports check again against the database as it is then and, if no line has a blocking problem,
 * write every record in one transaction through the repositories' bulk creation ({@code createAll}:
 * each validated, its need-to-know checked and journaled exactly as a form's save would be, written in
 * JDBC batches). A problem, a refusal or a cancellation on the way rolls everything back.
 */
public final class SpreadsheetImport {

    /**
     * Records written per step of the one transaction (each step in JDBC batches, {@code createAll}):
     * the progress is told, and a cancellation seen, between two steps, as often as before the bulk path.
     */
    static final int CHUNK = 100;

    private final BeneficiaryRepository beneficiaries;
    private final HelperRepository helpers;
    private final CommuneRepository communes;
    private final ChangeWriter writer;
    private final Clock clock;

    public SpreadsheetImport(BeneficiaryRepository beneficiaries, HelperRepository helpers, CommuneRepository communes,
                             ChangeWriter writer, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.helpers = helpers;
        this.communes = communes;
        this.writer = writer;
        this.clock = clock;
    }

    /** What the sheet's lines would become as people's files, and every problem; writes nothing. */
    public SheetCheck.Result<Beneficiary> checkBeneficiaries(Sheet sheet, ColumnMapping mapping, BeneficiaryDefaults defaults) {
        return SheetCheck.beneficiaries(sheet, mapping, defaults, communesOf(sheet, mapping), beneficiaries.summaries(),
                LocalDate.now(clock));
    }

    /** What the sheet's lines would become as helpers, and every problem; writes nothing. */
    public SheetCheck.Result<Helper> checkHelpers(Sheet sheet, ColumnMapping mapping) {
        return SheetCheck.helpers(sheet, mapping, communesOf(sheet, mapping), helpers.all(), LocalDate.now(clock));
    }

    /**
     * Writes a file for every line, or nothing.
     *
     * @return how many files were written
     * @throws ImportRefusedException   when a line has a blocking problem (nothing written)
     * @throws CancellationException    when the progress says cancelled (nothing written)
     */
    public int importBeneficiaries(Sheet sheet, ColumnMapping mapping, BeneficiaryDefaults defaults, StaffId author,
                                   Progress progress) throws ImportRefusedException {
        SheetCheck.Result<Beneficiary> check = checkBeneficiaries(sheet, mapping, defaults);
        return write(check, author, progress, beneficiaries::createAll);
    }

    /** Writes a helper for every line, or nothing; as {@link #importBeneficiaries}. */
    public int importHelpers(Sheet sheet, ColumnMapping mapping, StaffId author, Progress progress)
            throws ImportRefusedException {
        SheetCheck.Result<Helper> check = checkHelpers(sheet, mapping);
        return write(check, author, progress, helpers::createAll);
    }

    private <T> int write(SheetCheck.Result<T> check, StaffId author, Progress progress,
                          BiConsumer<WriteTransaction, List<T>> createAll) throws ImportRefusedException {
        if (!check.importable()) {
            throw new ImportRefusedException(check);
        }
        List<SheetCheck.Line<T>> lines = check.records();
        if (progress.cancelled()) {
            throw new CancellationException("Import cancelled before it started");
        }
        return writer.write(author, tx -> {
            int done = 0;
            while (done < lines.size()) {
                List<SheetCheck.Line<T>> chunk = lines.subList(done, Math.min(lines.size(), done + CHUNK));
                createAll.accept(tx, chunk.stream().map(SheetCheck.Line::record).toList());
                done += chunk.size();
                if (progress.cancelled()) {
                    throw new CancellationException("Import cancelled at line " + chunk.get(chunk.size() - 1).line());
                }
                progress.update(done, lines.size());
            }
            return done;
        });
    }

    /** The communes the sheet's cells may name, looked up once for all its lines. */
    private CommuneIndex communesOf(Sheet sheet, ColumnMapping mapping) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> postalCodes = new HashSet<>();
        int insee = mapping.columnOf(Target.INSEE_CODE).orElse(-1);
        int name = mapping.columnOf(Target.COMMUNE).orElse(-1);
        int postal = mapping.columnOf(Target.POSTAL_CODE).orElse(-1);
        for (Sheet.Row row : sheet.rows()) {
            String code = CommuneIndex.code(row.cell(insee));
            if (code != null) {
                codes.add(code);
            }
            String commune = row.cell(name);
            if (commune != null) {
                names.add(CommuneIndex.nameKey(commune));
                String asCode = CommuneIndex.code(commune);
                if (InseeCode.isValid(asCode)) {
                    codes.add(asCode);
                }
            }
            String postalCode = CommuneIndex.code(row.cell(postal));
            if (postalCode != null && commune == null && code == null) {
                postalCodes.add(postalCode);
            }
        }
        return new CommuneIndex(communes.named(codes, names, postalCodes));
    }
}
