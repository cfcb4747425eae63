package fr.cercle.app.today;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Subject;
import fr.cercle.model.agenda.PlannedContact;
import fr.cercle.model.agenda.WeekAgenda;
import fr.cercle.model.alert.Alert;
import fr.cercle.model.alert.AlertKind;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.agenda.AgendaRepository;
import fr.cercle.persistence.alert.AlertRepository;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The "Today" area: the day's alerts grouped by kind, each line in plain words and opening the file or
 * the helper it is about, and the week's agenda, planned contacts against those done, week by week.
 * Everything is read in the background; the lists change on the JavaFX thread in one step.
 */
public final class TodayViewModel {

    /** Lines shown per kind of alert; the others are counted ("and 120 more"). */
    public static final int LINES_PER_GROUP = 50;

    /** One line of an alert group: its words, and what it opens. */
    public record AlertLine(AlertKind kind, String text, BeneficiaryId file, HelperId helper) {
    }

    /** The alerts of one kind: a title with their number, the first lines, how many more. */
    public record AlertGroup(AlertKind kind, String title, List<AlertLine> lines, String more) {
    }

    /** One planned contact as the agenda shows it. */
    public record AgendaLine(PlannedContact contact, String day, String text, PlannedContact.Status status, String state) {
    }

    private final AppContext context;
    private final I18n i18n;
    private final ObservableList<AlertGroup> alerts = FXCollections.observableArrayList();
    private final ObservableList<AgendaLine> agenda = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper date = new ReadOnlyStringWrapper(this, "date", "");
    private final ReadOnlyStringWrapper alertsSummary = new ReadOnlyStringWrapper(this, "alertsSummary", "");
    private final ReadOnlyObjectWrapper<LocalDate> monday = new ReadOnlyObjectWrapper<>(this, "monday");
    private final ReadOnlyStringWrapper weekTitle = new ReadOnlyStringWrapper(this, "weekTitle", "");
    private final ReadOnlyStringWrapper weekSummary = new ReadOnlyStringWrapper(this, "weekSummary", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final BooleanProperty allFiles = new SimpleBooleanProperty(this, "allFiles");
    private final ReadOnlyStringWrapper heatwave = new ReadOnlyStringWrapper(this, "heatwave");
    private LocalDate heatwaveDay;

    public TodayViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        monday.set(WeekAgenda.monday(today()));
        allFiles.addListener((obs, was, all) -> loadAgenda());
    }

    /** The alerts, by kind, only the kinds that have some. */
    public ObservableList<AlertGroup> alerts() {
        return alerts;
    }

    /** The week's planned contacts in day order. */
    public ObservableList<AgendaLine> agenda() {
        return agenda;
    }

    /** Today's date in words: "mercredi 25 novembre 2026". */
    public ReadOnlyStringProperty dateProperty() {
        return date.getReadOnlyProperty();
    }

    /** How many things need attention, or that nothing does. */
    public ReadOnlyStringProperty alertsSummaryProperty() {
        return alertsSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDate> mondayProperty() {
        return monday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty weekTitleProperty() {
        return weekTitle.getReadOnlyProperty();
    }

    /** Planned, done and late contacts of the week shown. */
    public ReadOnlyStringProperty weekSummaryProperty() {
        return weekSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** True once the first reading came back (the empty states wait for it). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * The heatwave round that started by itself today when this page was read (the alert level's
     * rhythm made it due), in words; null on the other days.
     */
    public ReadOnlyStringProperty heatwaveProperty() {
        return heatwave.getReadOnlyProperty();
    }

    /** Whether the agenda shows every file the account may read rather than its own caseload. */
    public BooleanProperty allFilesProperty() {
        return allFiles;
    }

    /** Whether the choice "every file" means something: for a coordinator, who sees more than a caseload. */
    public boolean mayChooseAllFiles() {
        return context.viewer().has(Role.COORDINATOR);
    }

    /** Whether this account follows files or helpers at all (an administrator alone has nothing here). */
    public boolean hasWork() {
        return NeedToKnow.canRead(context.viewer(), Subject.BENEFICIARY) || NeedToKnow.canRead(context.viewer(), Subject.HELPER);
    }

    /** Reads the alerts and the week shown again. */
    public void load() {
        LocalDate today = today();
        date.set(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(i18n.locale()).format(today));
        AlertRepository repository = new AlertRepository(context.database().dsl(), context.clock(), context.viewer());
        context.tasks().run(() -> repository.current(AlertRepository.settings(context.localSettings()), today),
                found -> {
                    showAlerts(found, today);
                    loaded.set(true);
                }, e -> failure.set(i18n.get("error.load")));
        loadAgenda();
        startDueHeatwaveRound(today);
    }

    /** During a heatwave alert, starts the round the alert level's rhythm makes due today, once a day. */
    private void startDueHeatwaveRound(LocalDate today) {
        if (!today.equals(heatwaveDay)) {
            heatwave.set(null);
        }
        if (context.currentStaffProperty().get() == null) {
            return;
        }
        StaffId author = context.author();
        context.tasks().run(() -> context.heatwave().startDueRound(author), started -> started.ifPresent(round -> {
            AlertLevel level = round.campaign().level();
            heatwaveDay = today;
            heatwave.set(i18n.format("heatwave.round.auto", i18n.label(level), level.daysBetweenCalls(),
                    round.calls().size()) + " " + i18n.get("today.heatwave.where"));
        }), e -> failure.set(i18n.get("error.load")));
    }

    public void previousWeek() {
        monday.set(monday.get().minusWeeks(1));
        loadAgenda();
    }

    public void nextWeek() {
        monday.set(monday.get().plusWeeks(1));
        loadAgenda();
    }

    public void thisWeek() {
        monday.set(WeekAgenda.monday(today()));
        loadAgenda();
    }

    private void loadAgenda() {
        LocalDate shown = monday.get();
        LocalDate today = today();
        weekTitle.set(shown.equals(WeekAgenda.monday(today))
                ? i18n.format("today.week.this", i18n.date(shown), i18n.date(shown.plusDays(6)))
                : i18n.format("today.week.other", i18n.date(shown), i18n.date(shown.plusDays(6))));
        AgendaRepository.Scope scope = allFiles.get() ? AgendaRepository.Scope.ALL_FILES : AgendaRepository.Scope.MY_FILES;
        AgendaRepository repository = new AgendaRepository(context.database().dsl(), context.viewer());
        context.tasks().run(() -> repository.week(shown, scope), week -> {
            if (shown.equals(monday.get())) {
                showAgenda(week, today);
            }
        }, e -> failure.set(i18n.get("error.load")));
    }

    private void showAlerts(List<Alert> found, LocalDate today) {
        Map<AlertKind, List<Alert>> byKind = new EnumMap<>(AlertKind.class);
        for (Alert alert : found) {
            byKind.computeIfAbsent(alert.kind(), k -> new ArrayList<>()).add(alert);
        }
        List<AlertGroup> groups = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            List<AlertLine> lines = list.stream().limit(LINES_PER_GROUP).map(a -> line(a, today)).toList();
            int more = list.size() - lines.size();
            groups.add(new AlertGroup(kind, i18n.format(groupKey(kind), list.size()), lines,
                    more > 0 ? i18n.format("today.alerts.more", more) : null));
        });
        alerts.setAll(groups);
        alertsSummary.set(found.isEmpty() ? i18n.get("today.alerts.none") : i18n.format("today.alerts.count", found.size()));
    }

    /** An alert in plain words: "Jeanne Martin — aucun contact depuis 12 jours". */
    String text(Alert alert, LocalDate today) {
        long days = alert.days(today);
        String key = alert.neverReached() ? "today.line.noContactNever" : lineKey(alert.kind(), days > 0);
        return i18n.format(key, alert.name(), days, i18n.date(alert.since()), alert.need() == null ? "" : i18n.label(alert.need()));
    }

    private static String groupKey(AlertKind kind) {
        return switch (kind) {
            case NO_CONTACT -> "today.alerts.noContact";
            case FOLLOW_UP_OVERDUE -> "today.alerts.followUpOverdue";
            case NEED_UNMET -> "today.alerts.needUnmet";
            case HELPER_INACTIVE -> "today.alerts.helperInactive";
            case CONSENT_EXPIRING -> "today.alerts.consentExpiring";
            case BACKGROUND_CHECK_EXPIRING -> "today.alerts.checkExpiring";
        };
    }

    /** The words of a line: {0} the name, {1} the days, {2} the day, {3} the need's kind. */
    private static String lineKey(AlertKind kind, boolean past) {
        return switch (kind) {
            case NO_CONTACT -> "today.line.noContact";
            case FOLLOW_UP_OVERDUE -> "today.line.followUpOverdue";
            case NEED_UNMET -> "today.line.needUnmet";
            case HELPER_INACTIVE -> "today.line.helperInactive";
            case CONSENT_EXPIRING -> past ? "today.line.consentExpired" : "today.line.consentExpiring";
            case BACKGROUND_CHECK_EXPIRING -> past ? "today.line.checkExpired" : "today.line.checkExpiring";
        };
    }

    private AlertLine line(Alert alert, LocalDate today) {
        return new AlertLine(alert.kind(), text(alert, today), alert.file(), alert.helper());
    }

    private void showAgenda(List<PlannedContact> week, LocalDate today) {
        List<AgendaLine> lines = new ArrayList<>();
        int done = 0;
        int late = 0;
        for (PlannedContact contact : week) {
            PlannedContact.Status status = contact.status(today);
            done += status == PlannedContact.Status.DONE ? 1 : 0;
            late += status == PlannedContact.Status.LATE ? 1 : 0;
            String day = i18n.format("today.agenda.day",
                    contact.day().getDayOfWeek().getDisplayName(TextStyle.FULL, i18n.locale()), i18n.date(contact.day()));
            String text = i18n.format("today.agenda.line", contact.person(), i18n.label(contact.kind()),
                    contact.helperName() == null ? "" : contact.helperName());
            String state = switch (status) {
                case DONE -> i18n.format("today.agenda.done", i18n.date(contact.doneOn()));
                case LATE -> i18n.get("today.agenda.late");
                case PLANNED -> i18n.get("today.agenda.planned");
            };
            lines.add(new AgendaLine(contact, day, text, status, state));
        }
        agenda.setAll(lines);
        weekSummary.set(week.isEmpty() ? "" : i18n.format("today.agenda.summary", done, week.size(), late));
    }

    private LocalDate today() {
        return LocalDate.now(context.clock());
    }
}
