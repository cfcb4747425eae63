package fr.cercle.model.spreadsheet;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.DuplicateDetector;
import fr.cercle.model.beneficiary.PossibleDuplicate;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Text;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperRules;
import fr.cercle.model.spreadsheet.RowProblem.Issue;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of a spreadsheet into records, line by line, with every problem of every line:
 * cells that are not dates or numbers, communes not in the reference, the records' own rules
 * (as a form would check them), and people already known, in the file or among existing records.
 * Pure: the communes and the existing records are handed in.
 */
public final class SheetCheck {

    /** Longest e-mail address and phone number a record stores. */
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 30;

    private SheetCheck() {
    }

    /** A line turned into a record. */
    public record Line<T>(int line, T record) {
    }

    /**
     * What a check found: the records of the lines without blocking problems, every problem in line
     * order, and how many lines (blank ones aside) the sheet has.
     */
    public record Result<T>(List<Line<T>> records, List<RowProblem> problems, int rows) {

        public Result {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
        }

        /** The problems that stop the import (the others are warnings). */
        public List<RowProblem> blocking() {
            return problems.stream().filter(RowProblem::blocking).toList();
        }

        /** How many lines have at least one blocking problem. */
        public int linesInError() {
            return (int) blocking().stream().mapToInt(RowProblem::line).distinct().count();
        }

        /** Whether every line can be written: there is at least one, and none has a blocking problem. */
        public boolean importable() {
            return rows > 0 && records.size() == rows;
        }
    }

    /** The people's files a sheet describes, checked against the files already known. */
    public static Result<Beneficiary> beneficiaries(Sheet sheet, ColumnMapping mapping, BeneficiaryDefaults defaults,
                                                    CommuneIndex communes, Collection<BeneficiarySummary> existing,
                                                    LocalDate today) {
        requireKind(mapping, ImportKind.BENEFICIARIES);
        Nearby<BeneficiarySummary> known = new Nearby<>();
        existing.forEach(s -> known.add(s, s.birthDate(), s.commune()));
        Nearby<BeneficiarySummary> inFile = new Nearby<>();
        Map<BeneficiaryId, Integer> lineOf = new HashMap<>();
        List<Line<Beneficiary>> records = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int rows = 0;
        for (Sheet.Row row : sheet.rows()) {
            if (row.isBlank()) {
                continue;
            }
            rows++;
            Reading reading = new Reading(row, mapping);
            LocalDate birth = reading.date(Target.BIRTH_DATE);
            LocalDate consentDate = reading.has(Target.CONSENT_DATE) ? reading.date(Target.CONSENT_DATE)
                    : defaults.consentDate();
            Commune commune = reading.commune(communes);
            String postal = commune == null ? reading.text(Target.POSTAL_CODE) : postalCodeIn(commune, reading);
            Beneficiary beneficiary = Beneficiary.builder()
                    .lastName(reading.text(Target.LAST_NAME))
                    .firstName(reading.text(Target.FIRST_NAME))
                    .birthDate(birth)
                    .address(new Address(reading.text(Target.ADDRESS_LINE), postal, commune == null ? null : commune.code()))
                    .contact(new Contact(Cells.phone(reading.text(Target.PHONE)), reading.text(Target.EMAIL)))
                    .domains(defaults.domains())
                    .status(BeneficiaryStatus.ACTIVE)
                    .referent(defaults.referent())
                    .consent(new Consent(consentDate, defaults.consentScope(), defaults.consentMethod(),
                            reading.text(Target.CONSENT_GUARDIAN), null))
                    .situation(reading.text(Target.SITUATION))
                    .build();
            reading.lengths();
            List<Problem> invalid = BeneficiaryRules.validate(beneficiary, today);
            reading.invalid(invalid, reading.unreadable);
            if (!reading.hasBlocking()) {
                BeneficiarySummary summary = new BeneficiarySummary(beneficiary.id(), beneficiary.firstName(),
                        beneficiary.lastName(), beneficiary.birthDate(), beneficiary.address().commune(),
                        commune == null ? null : commune.name(), postal, beneficiary.domains(), beneficiary.status(),
                        null);
                // The strongest reason only, once per line: a common name would otherwise list every namesake.
                for (PossibleDuplicate d : DuplicateDetector.find(beneficiary, inFile.near(birth, summary.commune()))
                        .stream().limit(1).toList()) {
                    boolean strong = d.reason() == PossibleDuplicate.Reason.SAME_NAME_AND_BIRTH_DATE;
                    reading.problems.add(RowProblem.of(row.line(), null, strong ? Issue.DUPLICATE_IN_FILE : Issue.SIMILAR_IN_FILE,
                            lineOf.get(d.existing().id())));
                }
                for (PossibleDuplicate d : DuplicateDetector.find(beneficiary, known.near(birth, summary.commune()))
                        .stream().limit(1).toList()) {
                    boolean strong = d.reason() == PossibleDuplicate.Reason.SAME_NAME_AND_BIRTH_DATE;
                    reading.problems.add(RowProblem.of(row.line(), null,
                            strong ? Issue.DUPLICATE_IN_DATABASE : Issue.SIMILAR_IN_DATABASE, describe(d.existing())));
                }
                inFile.add(summary, birth, summary.commune());
                lineOf.put(beneficiary.id(), row.line());
            }
            problems.addAll(reading.problems);
            if (!reading.hasBlocking()) {
                records.add(new Line<>(row.line(), beneficiary));
            }
        }
        return new Result<>(records, problems, rows);
    }

    /** The helpers a sheet describes, checked against the helpers already known. */
    public static Result<Helper> helpers(Sheet sheet, ColumnMapping mapping, CommuneIndex communes,
                                         Collection<Helper> existing, LocalDate today) {
        requireKind(mapping, ImportKind.HELPERS);
        Map<String, String> known = new HashMap<>();
        for (Helper h : existing) {
            helperKeys(h).forEach(key -> known.putIfAbsent(key, h.fullName().strip()));
        }
        Map<String, Integer> inFile = new HashMap<>();
        List<Line<Helper>> records = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int rows = 0;
        for (Sheet.Row row : sheet.rows()) {
            if (row.isBlank()) {
                continue;
            }
            rows++;
            Reading reading = new Reading(row, mapping);
            Commune commune = reading.commune(communes);
            Helper.Builder builder = Helper.builder()
                    .lastName(reading.text(Target.LAST_NAME))
                    .firstName(reading.text(Target.FIRST_NAME))
                    .contact(new Contact(Cells.phone(reading.text(Target.PHONE)), reading.text(Target.EMAIL)))
                    .commune(commune == null ? null : commune.code())
                    .charterSignedOn(reading.date(Target.CHARTER_SIGNED_ON));
            Integer max = reading.number(Target.MAX_COMMITMENTS);
            if (max != null) {
                builder.maxCommitments(max);
            }
            Helper helper = builder.build();
            reading.lengths();
            reading.invalid(HelperRules.validate(helper, today), reading.unreadable);
            if (!reading.hasBlocking()) {
                Set<String> keys = helperKeys(helper);
                keys.stream().map(inFile::get).filter(java.util.Objects::nonNull).findFirst().ifPresent(line ->
                        reading.problems.add(RowProblem.of(row.line(), null, Issue.DUPLICATE_IN_FILE, line)));
                keys.stream().map(known::get).filter(java.util.Objects::nonNull).findFirst().ifPresent(name ->
                        reading.problems.add(RowProblem.of(row.line(), null, Issue.DUPLICATE_IN_DATABASE, name)));
                keys.forEach(key -> inFile.putIfAbsent(key, row.line()));
            }
            problems.addAll(reading.problems);
            if (!reading.hasBlocking()) {
                records.add(new Line<>(row.line(), helper));
            }
        }
        return new Result<>(records, problems, rows);
    }

    /**
     * What makes two helpers the same person: the same name in the same commune, or the same e-mail
     * address, or the same phone number.
     */
    static Set<String> helperKeys(Helper h) {
        Set<String> keys = new LinkedHashSet<>();
        if (h.commune() != null) {
            keys.add("name:" + Text.fold(h.firstName()) + "|" + Text.fold(h.lastName()) + "|" + h.commune().value());
        }
        if (h.contact().email() != null) {
            keys.add("email:" + h.contact().email().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (h.contact().phone() != null) {
            String digits = h.contact().phone().replaceAll("\\D", "");
            if (digits.length() >= 9) {
                keys.add("phone:" + digits.substring(digits.length() - 9));
            }
        }
        return keys;
    }

    private static String describe(BeneficiarySummary s) {
        return s.fullName().strip() + (s.communeName() == null ? "" : " (" + s.communeName() + ")");
    }

    private static String postalCodeIn(Commune commune, Reading reading) {
        String given = CommuneIndex.code(reading.text(Target.POSTAL_CODE));
        return given != null && commune.postalCodes().contains(given) ? given : Text.blankToNull(commune.mainPostalCode());
    }

    private static void requireKind(ColumnMapping mapping, ImportKind kind) {
        if (mapping.kind() != kind) {
            throw new IllegalArgumentException("A mapping for " + mapping.kind() + ", not " + kind);
        }
        if (!mapping.isComplete()) {
            throw new IllegalArgumentException("The mapping misses " + mapping.missing() + " or fills twice "
                    + mapping.twice());
        }
    }

    /** Records indexed by birth date and commune: duplicates are looked for among those only. */
    private static final class Nearby<T> {
        private final Map<LocalDate, List<T>> byBirth = new HashMap<>();
        private final Map<InseeCode, List<T>> byCommune = new HashMap<>();

        void add(T value, LocalDate birth, InseeCode commune) {
            if (birth != null) {
                byBirth.computeIfAbsent(birth, k -> new ArrayList<>()).add(value);
            }
            if (commune != null) {
                byCommune.computeIfAbsent(commune, k -> new ArrayList<>()).add(value);
            }
        }

        Collection<T> near(LocalDate birth, InseeCode commune) {
            Set<T> near = new LinkedHashSet<>(birth == null ? List.of() : byBirth.getOrDefault(birth, List.of()));
            if (commune != null) {
                near.addAll(byCommune.getOrDefault(commune, List.of()));
            }
            return near;
        }
    }

    /** One row being read: its cells by target, and the problems found so far. */
    private static final class Reading {
        private final Sheet.Row row;
        private final ColumnMapping mapping;
        private final List<RowProblem> problems = new ArrayList<>();
        /** Fields whose cell could not be read: their "required" problem would repeat it. */
        private final Set<String> unreadable = new java.util.HashSet<>();

        Reading(Sheet.Row row, ColumnMapping mapping) {
            this.row = row;
            this.mapping = mapping;
            int filled = 0;
            for (int i = 0; i < row.cells().size(); i++) {
                if (row.cell(i) != null) {
                    filled = i + 1;
                }
            }
            if (filled > mapping.headers().size()) {
                problems.add(RowProblem.of(row.line(), null, Issue.TOO_MANY_CELLS, mapping.headers().size()));
            }
        }

        boolean has(Target target) {
            return mapping.columnOf(target).isPresent();
        }

        String text(Target target) {
            return mapping.columnOf(target).map(row::cell).orElse(null);
        }

        String header(Target target) {
            return mapping.headerOf(target).orElse(null);
        }

        LocalDate date(Target target) {
            String cell = text(target);
            if (cell == null) {
                return null;
            }
            return Cells.date(cell).orElseGet(() -> {
                problems.add(RowProblem.of(row.line(), header(target), Issue.NOT_A_DATE, cell));
                unreadable.add(target.field());
                return null;
            });
        }

        Integer number(Target target) {
            String cell = text(target);
            if (cell == null) {
                return null;
            }
            return Cells.wholeNumber(cell).orElseGet(() -> {
                problems.add(RowProblem.of(row.line(), header(target), Issue.NOT_A_NUMBER, cell));
                unreadable.add(target.field());
                return null;
            });
        }

        Commune commune(CommuneIndex communes) {
            String name = text(Target.COMMUNE);
            String postal = text(Target.POSTAL_CODE);
            CommuneIndex.Resolution found = communes.resolve(text(Target.INSEE_CODE), name, postal);
            if (found instanceof CommuneIndex.Found f) {
                return f.commune();
            }
            if (found instanceof CommuneIndex.Unknown u) {
                String given = u.column() == Target.POSTAL_CODE && name != null ? name + " " + postal : text(u.column());
                problems.add(RowProblem.of(row.line(), header(u.column()), Issue.UNKNOWN_COMMUNE, given));
                unreadable.add(Target.COMMUNE.field());
            } else if (found instanceof CommuneIndex.Ambiguous a) {
                problems.add(RowProblem.of(row.line(), header(a.column()), Issue.AMBIGUOUS_COMMUNE, text(a.column()),
                        a.count()));
                unreadable.add(Target.COMMUNE.field());
            }
            return null;
        }

        /** Lengths the store keeps and the record's rules do not check. */
        void lengths() {
            String email = text(Target.EMAIL);
            if (email != null && email.length() > EMAIL_MAX) {
                problems.add(new RowProblem(row.line(), header(Target.EMAIL), Issue.INVALID, Rule.TOO_LONG,
                        List.of(EMAIL_MAX)));
                unreadable.add(Target.EMAIL.field());
            }
            String phone = text(Target.PHONE);
            if (phone != null && phone.length() > PHONE_MAX) {
                problems.add(new RowProblem(row.line(), header(Target.PHONE), Issue.INVALID, Rule.TOO_LONG,
                        List.of(PHONE_MAX)));
                unreadable.add(Target.PHONE.field());
            }
        }

        /** The record's own problems, each named by its column when a column fills its field. */
        void invalid(List<Problem> found, Set<String> alreadyReported) {
            for (Problem problem : found) {
                if (alreadyReported.contains(problem.field())) {
                    continue;
                }
                problems.add(new RowProblem(row.line(), columnOf(problem.field()), Issue.INVALID, problem.rule(),
                        problem.args()));
            }
        }

        private String columnOf(String field) {
            for (int i = 0; i < mapping.targets().size(); i++) {
                Target target = mapping.targets().get(i);
                if (target != null && target.field().equals(field)) {
                    return mapping.headers().get(i);
                }
            }
            return null;
        }

        boolean hasBlocking() {
            return problems.stream().anyMatch(RowProblem::blocking);
        }
    }
}
