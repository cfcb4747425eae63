package fr.cercle.app.circle;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.circle.Circle;
import fr.cercle.model.circle.CircleMember;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.ContributionId;
import fr.cercle.model.contribution.ContributionKind;
import fr.cercle.model.contribution.FollowUp;
import fr.cercle.model.contribution.Medium;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
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

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The circle at the top of a person's file, at a glance: each helper with their roles, since when,
 * the last contact and the next one expected (late ones stand out); the follow-ups to do; the latest
 * contributions. A contact is noted in a few seconds from a helper's line: the usual kind, medium
 * and duration of their role come filled in, and a concern opens a follow-up for the referent.
 * Reads and writes run on the task runner; the texts shown are made here.
 */
public final class CircleViewModel {

    /** The durations a quick entry offers, in minutes. */
    public static final List<Integer> DURATIONS = List.of(0, 15, 30, 45, 60, 90, 120, 180, 240);

    private final AppContext context;
    private final I18n i18n;
    private final BeneficiaryId file;
    private Runnable onChanged = () -> { };

    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ObservableList<FollowUpRow> followUps = FXCollections.observableArrayList();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<UnmetRow> unmet = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper person = new ReadOnlyStringWrapper(this, "person");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");

    private final ReadOnlyObjectWrapper<MemberRow> entryFor = new ReadOnlyObjectWrapper<>(this, "entryFor");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final ObjectProperty<Integer> minutes = new SimpleObjectProperty<>(this, "minutes");
    private final ObjectProperty<ContributionKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<Medium> medium = new SimpleObjectProperty<>(this, "medium");
    private final BooleanProperty contactMade = new SimpleBooleanProperty(this, "contactMade", true);
    private final StringProperty note = new SimpleStringProperty(this, "note");
    private final StringProperty concern = new SimpleStringProperty(this, "concern");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    public CircleViewModel(AppContext context, BeneficiaryId file) {
        this.context = context;
        this.i18n = context.i18n();
        this.file = file;
        date.addListener((obs, old, now) -> errors.remove(Contribution.DATE));
        minutes.addListener((obs, old, now) -> errors.remove(Contribution.MINUTES));
        kind.addListener((obs, old, now) -> {
            errors.remove(Contribution.KIND);
            if (now != null && old != null && entryFor.get() != null) {
                // The usual way of a new kind, unless the person already chose otherwise.
                if (medium.get() == old.usualMedium()) {
                    medium.set(now.usualMedium());
                }
                if (minutes.get() != null && minutes.get() == old.usualMinutes()) {
                    minutes.set(now.usualMinutes());
                }
            }
        });
        medium.addListener((obs, old, now) -> errors.remove(Contribution.MEDIUM));
        note.addListener((obs, old, now) -> errors.remove(Contribution.NOTE));
        concern.addListener((obs, old, now) -> errors.remove(Contribution.CONCERN));
        // Not reached: no time spent with the person.
        contactMade.addListener((obs, was, reached) -> {
            if (!reached) {
                minutes.set(0);
            } else if (minutes.get() != null && minutes.get() == 0 && kind.get() != null) {
                minutes.set(kind.get().usualMinutes());
            }
        });
    }

    /** A helper of the circle as their line and the picture show them. */
    public record MemberRow(CircleMember member, String name, String roles, String since, String last,
                            String attempt, String next, boolean late, Recency recency, String lastShort) {
        public HelperId helperId() {
            return member.helper();
        }
    }

    /** How recent a helper's contact is, as the picture colours it (with words beside the colour). */
    public enum Recency {
        /** Reached within a week, and no contact is late. */
        RECENT,
        /** On time, but not reached for more than a week, or not yet. */
        FADING,
        /** A planned contact did not happen. */
        LATE
    }

    /** Days within which a contact counts as recent. */
    public static final int RECENT_DAYS = 7;

    /** An unmet need as the picture shows it: an empty place in the circle. */
    public record UnmetRow(Need need, String label) {
    }

    /** A follow-up to do, with its due day in words; overdue ones stand out. */
    public record FollowUpRow(FollowUp followUp, String subject, String due, boolean overdue) {
    }

    // Properties

    public ObservableList<MemberRow> members() {
        return members;
    }

    public ObservableList<FollowUpRow> followUps() {
        return followUps;
    }

    /** The needs nobody meets yet: empty places in the picture. */
    public ObservableList<UnmetRow> unmet() {
        return unmet;
    }

    /** The person's name, in the middle of the picture. */
    public ReadOnlyStringProperty personProperty() {
        return person.getReadOnlyProperty();
    }

    /** The latest contributions, one line each: day, helper, what, reached or not. */
    public ObservableList<String> recent() {
        return recent;
    }

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

    /** What just happened, such as a contact noted; null when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The helper whose contact is being noted, null when the entry is closed. */
    public ReadOnlyObjectProperty<MemberRow> entryForProperty() {
        return entryFor.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<Integer> minutesProperty() {
        return minutes;
    }

    public ObjectProperty<ContributionKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Medium> mediumProperty() {
        return medium;
    }

    public BooleanProperty contactMadeProperty() {
        return contactMade;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty concernProperty() {
        return concern;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** What to fix in a field of the entry, empty when nothing. */
    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    /** A duration in words, as the entry's choices show it; empty for none chosen. */
    public String duration(Integer value) {
        return value == null ? "" : i18n.duration(value);
    }

    /** Called after this section changed the file, for what shows beside it. */
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    // Commands

    /** Reads the circle: helpers with their contacts, follow-ups, latest contributions. */
    public void load() {
        busy.set(true);
        context.tasks().run(this::read, this::show, e -> {
            busy.set(false);
            failure.set(i18n.get("error.load"));
        });
    }

    private record Loaded(String person, List<MemberRow> members, List<UnmetRow> unmet, List<FollowUpRow> followUps,
                          List<String> recent) {
    }

    private Loaded read() {
        LocalDate today = LocalDate.now(context.clock());
        Optional<Circle> found = context.circles().of(file);
        if (found.isEmpty()) {
            return new Loaded("", List.of(), List.of(), List.of(), List.of());
        }
        String name = context.beneficiaries().find(file).map(b -> b.fullName().strip()).orElse("");
        Circle circle = found.get();
        Map<HelperId, String> names = circle.members().stream()
                .collect(Collectors.toMap(CircleMember::helper, this::nameOf));
        List<MemberRow> rows = circle.members().stream().map(m -> memberRow(m, today)).toList();
        List<FollowUpRow> openFollowUps = circle.open().stream().map(f -> followUpRow(f, today)).toList();
        List<String> latest = circle.recent().stream().map(c -> recentLine(c, names)).toList();
        List<UnmetRow> empty = circle.unmet().stream()
                .map(n -> new UnmetRow(n, i18n.format("circle.picture.unmet", i18n.label(n.kind())))).toList();
        return new Loaded(name, rows, empty, openFollowUps, latest);
    }

    private String nameOf(CircleMember member) {
        return member.name() == null ? i18n.get("needs.helperUnknown") : member.name();
    }

    MemberRow memberRow(CircleMember m, LocalDate today) {
        String roles = m.needs().stream()
                .map(n -> i18n.label(n.kind()) + " (" + i18n.label(n.frequency()).toLowerCase(i18n.locale()) + ")")
                .collect(Collectors.joining(", "));
        String since = i18n.format("circle.since", i18n.date(m.since()));
        String last = m.lastContact() == null ? i18n.get("circle.noContactYet")
                : i18n.format("circle.lastContact", i18n.date(m.lastContact().date()),
                ChronoUnit.DAYS.between(m.lastContact().date(), today),
                i18n.label(m.lastContact().kind()).toLowerCase(i18n.locale()), duration(m.lastContact().minutes()));
        String attempt = m.lastAttempt() == null ? null
                : i18n.format("circle.attempt", i18n.date(m.lastAttempt().date()));
        boolean late = m.late(today);
        String next = m.nextContact() == null ? i18n.get("circle.noNextContact")
                : late ? i18n.format("circle.nextLate", i18n.date(m.nextContact()),
                ChronoUnit.DAYS.between(m.nextContact(), today))
                : m.nextContact().equals(today) ? i18n.get("circle.nextToday")
                : i18n.format("circle.next", i18n.date(m.nextContact()));
        long days = m.lastContact() == null ? -1 : ChronoUnit.DAYS.between(m.lastContact().date(), today);
        Recency recency = late ? Recency.LATE : days >= 0 && days <= RECENT_DAYS ? Recency.RECENT : Recency.FADING;
        String lastShort = days < 0 ? i18n.get("circle.picture.never") : i18n.format("circle.picture.days", days);
        return new MemberRow(m, nameOf(m), roles, since, last, attempt, next, late, recency, lastShort);
    }

    FollowUpRow followUpRow(FollowUp f, LocalDate today) {
        boolean overdue = f.overdue(today);
        String due = overdue ? i18n.format("circle.followUp.overdue", i18n.date(f.due()))
                : i18n.format("circle.followUp.due", i18n.date(f.due()));
        return new FollowUpRow(f, f.subject(), due, overdue);
    }

    private String recentLine(Contribution c, Map<HelperId, String> names) {
        String who = names.get(c.helper());
        if (who == null) {
            who = context.helpers().find(c.helper()).map(h -> h.fullName()).orElse(i18n.get("needs.helperUnknown"));
            names.put(c.helper(), who);
        }
        String what = i18n.label(c.kind()) + ", " + i18n.label(c.medium()).toLowerCase(i18n.locale());
        return c.contactMade()
                ? i18n.format("circle.recent.reached", i18n.date(c.date()), who, what, duration(c.minutes()))
                : i18n.format("circle.recent.notReached", i18n.date(c.date()), who, what);
    }

    private void show(Loaded data) {
        person.set(data.person());
        unmet.setAll(data.unmet());
        members.setAll(data.members());
        followUps.setAll(data.followUps());
        recent.setAll(data.recent());
        loaded.set(true);
        busy.set(false);
    }

    /** Opens the quick entry for a helper: today, with the usual kind, medium and duration of their role. */
    public void startEntry(MemberRow row) {
        ContributionKind usual = row.member().needs().isEmpty() ? ContributionKind.VISIT
                : ContributionKind.of(row.member().needs().get(0).kind());
        entryFor.set(null);
        kind.set(usual);
        medium.set(usual.usualMedium());
        contactMade.set(true);
        minutes.set(usual.usualMinutes());
        date.set(LocalDate.now(context.clock()));
        note.set(null);
        concern.set(null);
        errors.clear();
        failure.set(null);
        notice.set(null);
        entryFor.set(row);
    }

    public void cancelEntry() {
        errors.clear();
        entryFor.set(null);
    }

    /** The contribution as the entry holds it, linked to the helper's need of that kind if there is one. */
    Contribution toContribution() {
        MemberRow row = entryFor.get();
        List<Need> theirs = row.member().needs();
        NeedId need = theirs.size() == 1 ? theirs.get(0).id() : theirs.stream()
                .filter(n -> ContributionKind.of(n.kind()) == kind.get()).map(Need::id).findFirst().orElse(null);
        return new Contribution(ContributionId.newId(), file, row.helperId(), need, date.get(),
                minutes.get() == null ? 0 : minutes.get(), kind.get(), medium.get(), contactMade.get(), note.get(),
                concern.get());
    }

    /**
     * Checks the entry, then records it in the background. Returns false when something must be fixed
     * first (each problem shown beside its field).
     */
    public boolean saveEntry() {
        if (entryFor.get() == null) {
            return false;
        }
        failure.set(null);
        Contribution contribution = toContribution();
        List<Problem> problems = contribution.validate(LocalDate.now(context.clock()));
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (!errors.isEmpty()) {
            return false;
        }
        busy.set(true);
        StaffId author = context.author();
        String helper = entryFor.get().name();
        context.tasks().run(() -> {
            Optional<FollowUp> opened = context.contributions().record(contribution, author);
            String done = opened.map(f -> i18n.format("circle.noted.followUp", helper,
                            f.referent() == null ? "" : context.staff().find(f.referent()).map(StaffMember::fullName).orElse(""),
                            i18n.date(f.due())))
                    .orElse(i18n.format("circle.noted", helper));
            return new Saved(read(), done);
        }, saved -> {
            entryFor.set(null);
            show(saved.data());
            notice.set(saved.notice());
            onChanged.run();
        }, this::failed);
        return true;
    }

    private record Saved(Loaded data, String notice) {
    }

    /** Marks a follow-up done today. */
    public void done(FollowUpRow row) {
        failure.set(null);
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.contributions().done(row.followUp(), author);
            return read();
        }, data -> {
            show(data);
            notice.set(i18n.get("circle.followUp.doneNotice"));
            onChanged.run();
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof InvalidRecordException invalid) {
            errors.putAll(ProblemMessages.byField(i18n, invalid.problems()));
        } else {
            failure.set(ProblemMessages.saveFailure(i18n, e));
        }
    }
}
