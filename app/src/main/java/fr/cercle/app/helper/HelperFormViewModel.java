package fr.cercle.app.helper;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.common.Contact;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperRules;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The form of one helper: contact, commune, skills and free tags, languages, the weekly availability
 * grid, how many commitments they can take, the charter and the background check.
 */
public final class HelperFormViewModel {

    /** The languages offered, as ISO 639-1 codes; French first, then the most spoken in France. */
    public static final List<String> LANGUAGES = List.of("fr", "en", "ar", "es", "pt", "it", "de", "tr", "ro", "pl",
            "ru", "uk", "zh", "vi", "wo", "bm", "ln", "ht", "fa", "ps", "ta", "sq", "so");

    private final AppContext context;
    private final I18n i18n;

    private final StringProperty firstName = new SimpleStringProperty(this, "firstName");
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName");
    private final StringProperty phone = new SimpleStringProperty(this, "phone");
    private final StringProperty email = new SimpleStringProperty(this, "email");
    private final ObjectProperty<Commune> commune = new SimpleObjectProperty<>(this, "commune");
    private final Map<Skill, BooleanProperty> skills = new EnumMap<>(Skill.class);
    private final StringProperty tags = new SimpleStringProperty(this, "tags");
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final Map<WeeklySlot, BooleanProperty> availability = new LinkedHashMap<>();
    private final IntegerProperty maxCommitments = new SimpleIntegerProperty(this, "maxCommitments", 1);
    private final ObjectProperty<LocalDate> charterSignedOn = new SimpleObjectProperty<>(this, "charterSignedOn");
    private final BooleanProperty charterUnreadable = new SimpleBooleanProperty(this, "charterUnreadable");
    private final ObjectProperty<BackgroundCheckStatus> checkStatus =
            new SimpleObjectProperty<>(this, "checkStatus", BackgroundCheckStatus.NOT_REQUESTED);
    private final ObjectProperty<LocalDate> checkDate = new SimpleObjectProperty<>(this, "checkDate");
    private final BooleanProperty checkDateUnreadable = new SimpleBooleanProperty(this, "checkDateUnreadable");
    private final ObjectProperty<HelperStatus> status = new SimpleObjectProperty<>(this, "status", HelperStatus.ACTIVE);

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private HelperId id = HelperId.newId();
    private Helper baseline;
    private Consumer<HelperSummary> onSaved = saved -> { };

    public HelperFormViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        for (Skill s : Skill.values()) {
            skills.put(s, new SimpleBooleanProperty(this, "skill" + s));
        }
        for (DayPart part : DayPart.values()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                WeeklySlot slot = new WeeklySlot(day, part);
                availability.put(slot, new SimpleBooleanProperty(this, slot.code()));
            }
        }
        title.set(i18n.get("helper.form.new"));
    }

    // Properties

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public ObjectProperty<Commune> communeProperty() {
        return commune;
    }

    public BooleanProperty skillProperty(Skill skill) {
        return skills.get(skill);
    }

    /** Free tags, separated by commas. */
    public StringProperty tagsProperty() {
        return tags;
    }

    /** The chosen languages, as ISO codes. */
    public ObservableList<String> languages() {
        return languages;
    }

    public BooleanProperty availableProperty(WeeklySlot slot) {
        return availability.get(slot);
    }

    public IntegerProperty maxCommitmentsProperty() {
        return maxCommitments;
    }

    public ObjectProperty<LocalDate> charterSignedOnProperty() {
        return charterSignedOn;
    }

    public BooleanProperty charterUnreadableProperty() {
        return charterUnreadable;
    }

    public ObjectProperty<BackgroundCheckStatus> checkStatusProperty() {
        return checkStatus;
    }

    public ObjectProperty<LocalDate> checkDateProperty() {
        return checkDate;
    }

    public BooleanProperty checkDateUnreadableProperty() {
        return checkDateUnreadable;
    }

    public ObjectProperty<HelperStatus> statusProperty() {
        return status;
    }

    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public HelperId id() {
        return id;
    }

    public void setOnSaved(Consumer<HelperSummary> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** The language's name in the interface's language, such as "arabe" or "Arabic". */
    public String languageName(String code) {
        String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(i18n.locale());
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(i18n.locale()) + name.substring(1);
    }

    // Commands

    public void startNew() {
        languages.setAll("fr");
        baseline = toHelper();
    }

    public void load(HelperId helperId) {
        busy.set(true);
        context.tasks().run(() -> read(context.helpers().open(helperId)
                        .orElseThrow(() -> new IllegalArgumentException("No helper " + helperId))),
                loaded -> fill(loaded.getKey(), loaded.getValue().orElse(null)), e -> {
            busy.set(false);
            failure.set(i18n.get("error.load"));
        });
    }

    /**
     * The helper's record changed elsewhere (a sync, an imported file, a conflict settled): the form
     * shows it as it is now. What the person changed here and has not saved yet stays over it, so
     * that saving writes their changes only, never the older values of the fields they did not touch.
     */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        HelperId shown = id;
        context.tasks().run(() -> context.helpers().open(shown).map(this::read), fresh -> fresh.ifPresent(data -> {
            if (shown.equals(id) && !busy.get()) {
                rebase(data.getKey(), data.getValue().orElse(null));
            }
        }), e -> failure.set(i18n.get("error.load")));
    }

    private Map.Entry<Helper, java.util.Optional<Commune>> read(Helper found) {
        Commune place = found.commune() == null ? null : context.communes().find(found.commune()).orElse(null);
        return Map.entry(found, java.util.Optional.ofNullable(place));
    }

    private void rebase(Helper fresh, Commune freshPlace) {
        if (!hasChanges()) {
            fill(fresh, freshPlace);
            return;
        }
        Helper base = baseline;
        Helper mine = toHelper();
        Commune myPlace = commune.get();
        fill(fresh, freshPlace);
        Helper theirs = baseline;
        Helper merged = rebase(base, mine, theirs);
        fill(merged, Objects.equals(merged.commune(), mine.commune()) ? myPlace : freshPlace);
        baseline = theirs;
    }

    /** The newer record ({@code theirs}) with, over it, what the person changed in the form since {@code base}. */
    static Helper rebase(Helper base, Helper mine, Helper theirs) {
        return Helper.builder(mine.id())
                .firstName(pick(base.firstName(), mine.firstName(), theirs.firstName()))
                .lastName(pick(base.lastName(), mine.lastName(), theirs.lastName()))
                .contact(new Contact(pick(base.contact().phone(), mine.contact().phone(), theirs.contact().phone()),
                        pick(base.contact().email(), mine.contact().email(), theirs.contact().email())))
                .commune(pick(base.commune(), mine.commune(), theirs.commune()))
                .skills(pick(base.skills(), mine.skills(), theirs.skills()))
                .tags(pick(base.tags(), mine.tags(), theirs.tags()))
                .languages(pick(base.languages(), mine.languages(), theirs.languages()))
                .availability(pick(base.availability(), mine.availability(), theirs.availability()))
                .maxCommitments(pick(base.maxCommitments(), mine.maxCommitments(), theirs.maxCommitments()))
                .charterSignedOn(pick(base.charterSignedOn(), mine.charterSignedOn(), theirs.charterSignedOn()))
                .backgroundCheck(pick(base.backgroundCheck(), mine.backgroundCheck(), theirs.backgroundCheck()))
                .status(pick(base.status(), mine.status(), theirs.status()))
                .build();
    }

    /** The person's value if they changed it in the form, else the newer one. */
    private static <T> T pick(T base, T mine, T theirs) {
        return Objects.equals(base, mine) ? theirs : mine;
    }

    private void fill(Helper h, Commune place) {
        id = h.id();
        firstName.set(h.firstName());
        lastName.set(h.lastName());
        phone.set(h.contact().phone());
        email.set(h.contact().email());
        commune.set(place);
        skills.forEach((s, p) -> p.set(h.skills().contains(s)));
        tags.set(String.join(", ", h.tags()));
        languages.setAll(h.languages());
        availability.forEach((slot, p) -> p.set(h.availability().contains(slot)));
        maxCommitments.set(h.maxCommitments());
        charterSignedOn.set(h.charterSignedOn());
        checkStatus.set(h.backgroundCheck().status());
        checkDate.set(h.backgroundCheck().date());
        status.set(h.status());
        title.set(h.fullName());
        busy.set(false);
        baseline = toHelper();
    }

    public boolean hasChanges() {
        return baseline != null && !baseline.equals(toHelper());
    }

    public Helper toHelper() {
        List<String> tagList = tags.get() == null ? List.of()
                : Arrays.stream(tags.get().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return Helper.builder(id)
                .firstName(firstName.get()).lastName(lastName.get())
                .contact(new Contact(phone.get(), email.get()))
                .commune(commune.get() == null ? null : commune.get().code())
                .skills(skills.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList())
                .tags(tagList)
                .languages(languages)
                .availability(availability.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList())
                .maxCommitments(maxCommitments.get())
                .charterSignedOn(charterSignedOn.get())
                .backgroundCheck(new BackgroundCheck(checkStatus.get(), checkDate.get()))
                .status(status.get())
                .build();
    }

    /** Checks the form and saves it in the background; returns false when something must be fixed first. */
    public boolean save() {
        failure.set(null);
        Helper h = toHelper();
        List<Problem> problems = HelperRules.validate(h, LocalDate.now(context.clock()));
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (charterUnreadable.get()) {
            errors.put(Helper.CHARTER_SIGNED_ON, i18n.get("validation.UNREADABLE_DATE"));
        }
        if (checkDateUnreadable.get()) {
            errors.put(Helper.BACKGROUND_CHECK_DATE, i18n.get("validation.UNREADABLE_DATE"));
        }
        if (!errors.isEmpty()) {
            return false;
        }
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.helpers().save(h, author);
            return context.helpers().summary(h.id()).orElseThrow();
        }, summary -> {
            busy.set(false);
            baseline = h;
            title.set(h.fullName());
            onSaved.accept(summary);
        }, e -> {
            busy.set(false);
            if (e instanceof InvalidRecordException invalid) {
                errors.putAll(ProblemMessages.byField(i18n, invalid.problems()));
            } else {
                failure.set(ProblemMessages.saveFailure(i18n, e));
            }
        });
        return true;
    }
}
