package fr.cercle.app.need;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.matching.Candidate;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The circle of one person: the needs of their file, a new need, the helpers who could meet an open
 * one (ranked, each with its reasons in plain words), and the caseworker's choice. Every read and
 * write runs on the task runner; the texts shown are made here, so the view only lays them out.
 */
public final class NeedsViewModel {

    /** At most this many candidates are shown for a need. */
    public static final int CANDIDATES = 10;

    private final AppContext context;
    private final I18n i18n;
    private final BeneficiaryId file;

    private final ObservableList<NeedRow> needs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");

    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    /** The need being changed, or null for a new one. */
    private final ReadOnlyObjectWrapper<Need> changing = new ReadOnlyObjectWrapper<>(this, "changing");
    private final ObjectProperty<NeedKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<Frequency> frequency = new SimpleObjectProperty<>(this, "frequency");
    private final Map<WeeklySlot, BooleanProperty> slots = new LinkedHashMap<>();
    private final BooleanProperty backgroundCheck = new SimpleBooleanProperty(this, "backgroundCheck");
    private final ReadOnlyBooleanWrapper minor = new ReadOnlyBooleanWrapper(this, "minor");
    private final StringProperty note = new SimpleStringProperty(this, "note");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    private final ReadOnlyObjectWrapper<NeedId> searchedFor = new ReadOnlyObjectWrapper<>(this, "searchedFor");
    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper noCandidate = new ReadOnlyStringWrapper(this, "noCandidate");
    private Runnable onChanged = () -> { };

    public NeedsViewModel(AppContext context, BeneficiaryId file) {
        this.context = context;
        this.i18n = context.i18n();
        this.file = file;
        for (DayPart part : DayPart.values()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                WeeklySlot slot = new WeeklySlot(day, part);
                slots.put(slot, new SimpleBooleanProperty(this, "slot" + slot.code()));
            }
        }
        // A field's message goes as soon as the person changes the field.
        kind.addListener((obs, old, now) -> errors.remove(Need.KIND));
        frequency.addListener((obs, old, now) -> errors.remove(Need.FREQUENCY));
        note.addListener((obs, old, now) -> errors.remove(Need.NOTE));
        // For a minor the check is always required: ticked, and it stays so.
        minor.addListener((obs, was, isMinor) -> {
            if (isMinor) {
                backgroundCheck.set(true);
            }
        });
        backgroundCheck.addListener((obs, was, now) -> {
            if (!now && minor.get()) {
                backgroundCheck.set(true);
            }
        });
    }

    /** One need as the list shows it, its texts made in the interface's language. */
    public record NeedRow(Need need, String title, String statusText, String since, String details, boolean open) {
    }

    /** A helper proposed for a need, with each reason as one line of plain words. */
    public record CandidateRow(Candidate candidate, String name, String skills, String proximity, String slots,
                               String load, String languages) {
        public HelperId helperId() {
            return candidate.helper().id();
        }
    }

    // Properties

    public ObservableList<NeedRow> needs() {
        return needs;
    }

    /** True once the needs have been read (the empty state is shown only then). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong that is not about a field, in plain words; null when nothing. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What just happened, such as the helper chosen; null when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True while the new-need form is shown. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** The need the form changes, null when it records a new one. */
    public ReadOnlyObjectProperty<Need> changingProperty() {
        return changing.getReadOnlyProperty();
    }

    public ObjectProperty<NeedKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Frequency> frequencyProperty() {
        return frequency;
    }

    public BooleanProperty slotProperty(WeeklySlot slot) {
        return slots.get(slot);
    }

    public BooleanProperty backgroundCheckProperty() {
        return backgroundCheck;
    }

    /** True when the person is a minor today: the background check is then required and stays so. */
    public ReadOnlyBooleanProperty minorProperty() {
        return minor.getReadOnlyProperty();
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** What to fix in a field of the new need, empty when nothing. */
    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    /** The need whose candidates are shown, null when none. */
    public ReadOnlyObjectProperty<NeedId> searchedForProperty() {
        return searchedFor.getReadOnlyProperty();
    }

    public ObservableList<CandidateRow> candidates() {
        return candidates;
    }

    /** Why no helper is proposed, in plain words; null when some are, or before a search. */
    public ReadOnlyStringProperty noCandidateProperty() {
        return noCandidate.getReadOnlyProperty();
    }

    /** Called after this section changed the needs, for what shows beside it (the circle). */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    // Commands

    /** Reads the file's needs, the names of their helpers, and whether the person is a minor. */
    public void load() {
        busy.set(true);
        context.tasks().run(this::read, this::show, e -> {
            busy.set(false);
            failure.set(i18n.get("error.load"));
        });
    }

    private record Loaded(List<NeedRow> rows, boolean minor) {
    }

    private Loaded read() {
        LocalDate today = LocalDate.now(context.clock());
        boolean isMinor = context.beneficiaries().find(file).map(Beneficiary::birthDate)
                .map(birth -> BeneficiaryRules.minorOn(birth, today)).orElse(false);
        Map<HelperId, String> names = new HashMap<>();
        List<NeedRow> rows = context.needs().ofFile(file).stream().map(need -> {
            String name = need.helper() == null ? null : names.computeIfAbsent(need.helper(),
                    id -> context.helpers().find(id).map(Helper::fullName).orElse(i18n.get("needs.helperUnknown")));
            return row(need, name, today);
        }).toList();
        return new Loaded(rows, isMinor);
    }

    private void show(Loaded data) {
        needs.setAll(data.rows());
        minor.set(data.minor());
        loaded.set(true);
        busy.set(false);
    }

    NeedRow row(Need need, String helperName, LocalDate today) {
        String title = i18n.label(need.kind()) + " — " + i18n.label(need.frequency()).toLowerCase(i18n.locale());
        String since = switch (need.status()) {
            case OPEN -> i18n.format("needs.waiting", i18n.date(need.openedOn()),
                    need.openedOn() == null ? 0 : ChronoUnit.DAYS.between(need.openedOn(), today));
            case MATCHED -> i18n.format("needs.matched", helperName, i18n.date(need.matchedOn()),
                    need.daysToMatch().orElse(0L));
            case CLOSED -> helperName == null ? i18n.format("needs.closed", i18n.date(need.openedOn()))
                    : i18n.format("needs.closedWith", i18n.date(need.openedOn()), helperName);
        };
        List<String> details = new java.util.ArrayList<>();
        if (!need.slots().isEmpty()) {
            details.add(i18n.format("needs.details.slots", slotsText(need.slots())));
        }
        if (need.backgroundCheckRequired()) {
            details.add(i18n.get("needs.backgroundCheck"));
        }
        return new NeedRow(need, title, i18n.label(need.status()), since, String.join(" · ", details),
                need.status() == NeedStatus.OPEN);
    }

    /** Shows a blank new need: kind and frequency to choose, the check ticked for a minor. */
    public void startNewNeed() {
        changing.set(null);
        kind.set(null);
        frequency.set(null);
        slots.values().forEach(p -> p.set(false));
        backgroundCheck.set(minor.get());
        note.set(null);
        errors.clear();
        failure.set(null);
        editing.set(true);
    }

    /** Shows a need in the form to change its kind, rhythm, times, check or note; where it stands stays. */
    public void startChange(Need need) {
        changing.set(need);
        kind.set(need.kind());
        frequency.set(need.frequency());
        slots.forEach((slot, on) -> on.set(need.slots().contains(slot)));
        backgroundCheck.set(need.backgroundCheckRequired() || minor.get());
        note.set(need.note());
        errors.clear();
        failure.set(null);
        notice.set(null);
        editing.set(true);
    }

    public void cancelNewNeed() {
        errors.clear();
        changing.set(null);
        editing.set(false);
    }

    /** The need as the form holds it now: a new one opened today, or the one changed. */
    Need toNeed() {
        Set<WeeklySlot> chosen = new TreeSet<>();
        slots.forEach((slot, on) -> {
            if (on.get()) {
                chosen.add(slot);
            }
        });
        Need before = changing.get();
        if (before != null) {
            return new Need(before.id(), file, kind.get(), frequency.get(), new TreeSet<>(chosen), before.extraSkills(),
                    backgroundCheck.get(), before.languages(), before.status(), before.openedOn(), before.helper(),
                    before.matchedOn(), note.get());
        }
        Need opened = Need.open(file, kind.get(), frequency.get(), chosen, backgroundCheck.get(),
                LocalDate.now(context.clock()));
        return new Need(opened.id(), file, opened.kind(), opened.frequency(), opened.slots(), opened.extraSkills(),
                opened.backgroundCheckRequired(), opened.languages(), opened.status(), opened.openedOn(), null, null,
                note.get());
    }

    /**
     * Checks the new need, then saves it in the background. Returns false when something must be
     * fixed first (each problem shown beside its field).
     */
    public boolean saveNeed() {
        failure.set(null);
        Need need = toNeed();
        List<Problem> problems = need.validate(LocalDate.now(context.clock()), minor.get());
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (!errors.isEmpty()) {
            return false;
        }
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.needs().save(need, author);
            return read();
        }, data -> {
            editing.set(false);
            changing.set(null);
            show(data);
            onChanged.run();
        }, this::failed);
        return true;
    }

    /** Looks for the helpers who could meet this open need, best first, and why none if none. */
    public void findHelpers(Need need) {
        failure.set(null);
        notice.set(null);
        busy.set(true);
        context.tasks().run(() -> {
            List<Candidate> found = context.needs().candidates(need, CANDIDATES);
            String why = found.isEmpty() ? whyNone(need) : null;
            return new Search(found.stream().map(this::candidateRow).toList(), why);
        }, search -> {
            searchedFor.set(need.id());
            candidates.setAll(search.rows());
            noCandidate.set(search.why());
            busy.set(false);
        }, this::failed);
    }

    private record Search(List<CandidateRow> rows, String why) {
    }

    /** Hides the candidates. */
    public void closeSearch() {
        searchedFor.set(null);
        candidates.clear();
        noCandidate.set(null);
    }

    /** The caseworker's choice: the need is matched with this helper today, and the list shows it. */
    public void assign(CandidateRow chosen) {
        NeedId id = searchedFor.get();
        if (id == null) {
            return;
        }
        failure.set(null);
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            Need need = context.needs().find(id).orElseThrow();
            context.needs().assign(need, chosen.helperId(), author);
            return read();
        }, data -> {
            closeSearch();
            show(data);
            notice.set(i18n.format("needs.assigned", chosen.name()));
            onChanged.run();
        }, this::failed);
    }

    /** Closes a need: met for good, or no longer needed. Its helper, if any, leaves the circle. */
    public void close(Need need) {
        failure.set(null);
        notice.set(null);
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.needs().close(need, author);
            return read();
        }, data -> {
            if (need.id().equals(searchedFor.get())) {
                closeSearch();
            }
            show(data);
            notice.set(i18n.get("needs.closedNotice"));
            onChanged.run();
        }, this::failed);
    }

    /**
     * Why the matcher proposed no one, in the order it rules helpers out: nobody active who knows how,
     * nobody among them with a valid check when one is required, or all of those at their maximum.
     */
    private String whyNone(Need need) {
        return switch (context.needs().whyNone(need)) {
            case NO_SKILL -> i18n.format("needs.none.skill", labels(need.requiredSkills()));
            case NO_VALID_CHECK -> i18n.get("needs.none.check");
            case ALL_FULL -> i18n.get("needs.none.full");
        };
    }

    CandidateRow candidateRow(Candidate c) {
        Locale locale = i18n.locale();
        String dash = "—";
        String skills = i18n.format("needs.candidate.skills",
                c.covered().isEmpty() ? dash : labels(c.covered()),
                c.missing().isEmpty() ? dash : labels(c.missing()));
        String slotsText = c.commonSlots().isEmpty() ? i18n.get("needs.candidate.noSlot")
                : i18n.format("needs.candidate.slots", slotsText(c.commonSlots()));
        String load = i18n.format("needs.candidate.load", c.commitments(), c.maxCommitments());
        Collection<String> spoken = c.commonLanguages().isEmpty() ? c.helper().languages() : c.commonLanguages();
        String languages = spoken.isEmpty() ? "" : i18n.format("needs.candidate.languages", spoken.stream()
                .map(code -> Locale.forLanguageTag(code).getDisplayLanguage(locale))
                .sorted(java.text.Collator.getInstance(locale))
                .collect(Collectors.joining(", ")));
        return new CandidateRow(c, c.helper().fullName(), skills, i18n.label(c.proximity()), slotsText, load, languages);
    }

    /** Slots in plain words: "mardi après-midi, samedi matin". */
    private String slotsText(Collection<WeeklySlot> chosen) {
        Locale locale = i18n.locale();
        return chosen.stream()
                .map(s -> s.day().getDisplayName(TextStyle.FULL, locale) + " " + i18n.label(s.part()).toLowerCase(locale))
                .collect(Collectors.joining(", "));
    }

    private String labels(Collection<Skill> skills) {
        return skills.stream().map(i18n::label).collect(Collectors.joining(", "));
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof InvalidRecordException invalid) {
            Map<String, String> byField = ProblemMessages.byField(i18n, invalid.problems());
            if (byField.containsKey(Need.HELPER)) {
                failure.set(byField.get(Need.HELPER));
            } else {
                errors.putAll(byField);
            }
        } else {
            failure.set(ProblemMessages.saveFailure(i18n, e));
        }
    }
}
