package fr.cercle.app.beneficiary.profile;

import fr.cercle.app.i18n.I18n;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutPath;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.model.profile.ParentalConsent;
import fr.cercle.model.profile.SchoolProfile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The school part of the form: school, class, counselor, absences over the last month, the dropout
 * path as a timeline of dated steps with a line saying where the young person stands, and a parent's
 * consent for a minor.
 */
public final class SchoolProfileViewModel {

    /** Problems of a count that is not a whole number, which the model never sees. */
    static final String NOT_A_NUMBER = "NOT_A_NUMBER";

    private final I18n i18n;
    private final StringProperty school = new SimpleStringProperty(this, "school");
    private final StringProperty schoolClass = new SimpleStringProperty(this, "schoolClass");
    private final StringProperty counselor = new SimpleStringProperty(this, "counselor");
    private final StringProperty absentHalfDays = new SimpleStringProperty(this, "absentHalfDays");
    private final StringProperty unjustifiedHalfDays = new SimpleStringProperty(this, "unjustifiedHalfDays");
    private final ObjectProperty<LocalDate> absencesCountedOn = new SimpleObjectProperty<>(this, "absencesCountedOn");
    private final Map<DropoutStep, ObjectProperty<LocalDate>> steps = new EnumMap<>(DropoutStep.class);
    private final ObjectProperty<DropoutOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<LocalDate> outcomeOn = new SimpleObjectProperty<>(this, "outcomeOn");
    private final ObjectProperty<LocalDate> parentalConsentDate = new SimpleObjectProperty<>(this, "parentalConsentDate");
    private final StringProperty parentalConsentBy = new SimpleStringProperty(this, "parentalConsentBy");
    private final ReadOnlyStringWrapper pathText = new ReadOnlyStringWrapper(this, "pathText");

    public SchoolProfileViewModel(I18n i18n) {
        this.i18n = i18n;
        for (DropoutStep step : DropoutStep.values()) {
            ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, step.name());
            day.addListener((obs, old, now) -> updatePath());
            steps.put(step, day);
        }
        outcome.addListener((obs, old, now) -> updatePath());
        outcomeOn.addListener((obs, old, now) -> updatePath());
        updatePath();
    }

    // Properties

    public StringProperty schoolProperty() {
        return school;
    }

    public StringProperty schoolClassProperty() {
        return schoolClass;
    }

    public StringProperty counselorProperty() {
        return counselor;
    }

    public StringProperty absentHalfDaysProperty() {
        return absentHalfDays;
    }

    public StringProperty unjustifiedHalfDaysProperty() {
        return unjustifiedHalfDays;
    }

    public ObjectProperty<LocalDate> absencesCountedOnProperty() {
        return absencesCountedOn;
    }

    /** The day a step of the dropout path was reached; empty while it is not. */
    public ObjectProperty<LocalDate> stepProperty(DropoutStep step) {
        return steps.get(step);
    }

    public ObjectProperty<DropoutOutcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<LocalDate> outcomeOnProperty() {
        return outcomeOn;
    }

    public ObjectProperty<LocalDate> parentalConsentDateProperty() {
        return parentalConsentDate;
    }

    public StringProperty parentalConsentByProperty() {
        return parentalConsentBy;
    }

    /** Where the young person stands on the path, in a sentence. */
    public ReadOnlyStringProperty pathTextProperty() {
        return pathText.getReadOnlyProperty();
    }

    // Commands

    void fill(SchoolProfile p) {
        school.set(p.school());
        schoolClass.set(p.schoolClass());
        counselor.set(p.counselor());
        absentHalfDays.set(p.absentHalfDays() == null ? null : p.absentHalfDays().toString());
        unjustifiedHalfDays.set(p.unjustifiedHalfDays() == null ? null : p.unjustifiedHalfDays().toString());
        absencesCountedOn.set(p.absencesCountedOn());
        for (DropoutStep step : DropoutStep.values()) {
            steps.get(step).set(p.path().dateOf(step));
        }
        outcome.set(p.path().outcome());
        outcomeOn.set(p.path().outcomeOn());
        parentalConsentDate.set(p.parentalConsent().date());
        parentalConsentBy.set(p.parentalConsent().givenBy());
    }

    SchoolProfile toProfile(BeneficiaryId file) {
        return new SchoolProfile(file, school.get(), schoolClass.get(), counselor.get(), count(absentHalfDays.get()),
                count(unjustifiedHalfDays.get()), absencesCountedOn.get(), path(),
                new ParentalConsent(parentalConsentDate.get(), parentalConsentBy.get()));
    }

    /** The fields whose text is not a whole number. */
    Map<String, String> unreadable() {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (!readable(absentHalfDays.get())) {
            problems.put(SchoolProfile.ABSENT_HALF_DAYS, i18n.get("profile.school.notANumber"));
        }
        if (!readable(unjustifiedHalfDays.get())) {
            problems.put(SchoolProfile.UNJUSTIFIED_HALF_DAYS, i18n.get("profile.school.notANumber"));
        }
        return problems;
    }

    private DropoutPath path() {
        return new DropoutPath(steps.get(DropoutStep.SPOTTED).get(), steps.get(DropoutStep.CONTACTED).get(),
                steps.get(DropoutStep.ASSESSED).get(), steps.get(DropoutStep.ACCOMPANIED).get(), outcome.get(),
                outcomeOn.get());
    }

    private void updatePath() {
        DropoutPath path = path();
        if (path.outcome() != null) {
            String what = i18n.label(path.outcome());
            pathText.set(path.outcomeOn() == null ? i18n.format("profile.school.path.outcome", what)
                    : i18n.format("profile.school.path.outcomeOn", what, i18n.date(path.outcomeOn())));
        } else if (path.lastStep().isPresent()) {
            DropoutStep last = path.lastStep().get();
            pathText.set(i18n.format("profile.school.path.step", i18n.label(last), i18n.date(path.dateOf(last))));
        } else {
            pathText.set(i18n.get("profile.school.path.none"));
        }
    }

    private static boolean readable(String text) {
        return text == null || text.isBlank() || count(text) != null;
    }

    private static Integer count(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
