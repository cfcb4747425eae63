package fr.cercle.app.heatwave;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.app.spreadsheet.ListExport;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.heatwave.AlertLevel;
import fr.cercle.model.heatwave.CallOutcome;
import fr.cercle.model.heatwave.CallStep;
import fr.cercle.model.heatwave.CallerKind;
import fr.cercle.model.heatwave.Campaign;
import fr.cercle.model.heatwave.CampaignCall;
import fr.cercle.model.heatwave.CampaignProgress;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.heatwave.HeatwaveRepository;
import fr.cercle.persistence.heatwave.HeatwaveRepository.Entry;
import fr.cercle.persistence.spreadsheet.SheetWriter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The heatwave area: the town hall's register and its export for the prefecture (CSV and PDF, traced
 * in the audit trail), the alert declared, today's round of calls spread over helpers and staff with
 * the progress made (started by itself when the alert level's rhythm makes one due), each outcome in
 * one click, and the escalation of those not reached (second call, visit, emergency contact). Work
 * runs on the task runner; the texts shown are made here.
 */
public final class HeatwaveViewModel {

    private final AppContext context;
    private final I18n i18n;

    private final ObservableList<RegisterRow> register = FXCollections.observableArrayList();
    private List<Entry> entries = List.of();
    private final ObservableList<CallRow> calls = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Campaign> campaign = new ReadOnlyObjectWrapper<>(this, "campaign");
    private final ReadOnlyStringWrapper campaignText = new ReadOnlyStringWrapper(this, "campaignText");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper roundStarted = new ReadOnlyBooleanWrapper(this, "roundStarted");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyStringWrapper rhythmText = new ReadOnlyStringWrapper(this, "rhythmText");
    private final ReadOnlyStringWrapper exportNotice = new ReadOnlyStringWrapper(this, "exportNotice");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");

    private final ObjectProperty<AlertLevel> level = new SimpleObjectProperty<>(this, "level", AlertLevel.ORANGE);
    private final ObjectProperty<LocalDate> startsOn = new SimpleObjectProperty<>(this, "startsOn");
    private final ObjectProperty<LocalDate> endsOn = new SimpleObjectProperty<>(this, "endsOn");
    private final StringProperty note = new SimpleStringProperty(this, "note");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    public HeatwaveViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        level.addListener((obs, old, now) -> errors.remove(Campaign.LEVEL));
        startsOn.addListener((obs, old, now) -> errors.remove(Campaign.STARTS_ON));
        endsOn.addListener((obs, old, now) -> errors.remove(Campaign.ENDS_ON));
        note.addListener((obs, old, now) -> errors.remove(Campaign.NOTE));
    }

    /** A person of the register as its list shows them. */
    public record RegisterRow(BeneficiaryId id, String name, String address, String phone, String emergency,
                              String registered) {
    }

    /** One step of today's round: whom to reach, how, by whom, and what it found once done. */
    public record CallRow(CampaignCall call, String person, String phone, String step, String caller, String outcome,
                          boolean done) {
    }

    // Properties

    public ObservableList<RegisterRow> register() {
        return register;
    }

    public ObservableList<CallRow> calls() {
        return calls;
    }

    /** The campaign open now, null when no alert is declared. */
    public ReadOnlyObjectProperty<Campaign> campaignProperty() {
        return campaign.getReadOnlyProperty();
    }

    /** The alert in words: level, since when, until when. */
    public ReadOnlyStringProperty campaignTextProperty() {
        return campaignText.getReadOnlyProperty();
    }

    /** Today's round in words: how many reached, needing help, being escalated, still to call. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The share of people of today's round whose call is settled, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty roundStartedProperty() {
        return roundStarted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * The rhythm of the calls during the alert, and when the next round is due when none is today:
     * "Niveau orange : chaque personne est appelée tous les 2 jours. Pas de tournée aujourd’hui : la
     * prochaine est le 27/11/2026."
     */
    public ReadOnlyStringProperty rhythmTextProperty() {
        return rhythmText.getReadOnlyProperty();
    }

    /** What the last export of the register did: the file written, or that it failed. */
    public ReadOnlyStringProperty exportNoticeProperty() {
        return exportNotice.getReadOnlyProperty();
    }

    /** True while the register is being written to a file. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ObjectProperty<AlertLevel> levelProperty() {
        return level;
    }

    public ObjectProperty<LocalDate> startsOnProperty() {
        return startsOn;
    }

    public ObjectProperty<LocalDate> endsOnProperty() {
        return endsOn;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    // Commands

    /** Reads the register, the open campaign and today's round, starting it first if the alert's rhythm makes it due. */
    public void load() {
        busy.set(true);
        context.tasks().run(this::readStartingDueRound, this::show, e -> {
            busy.set(false);
            failure.set(i18n.get("error.load"));
        });
    }

    /**
     * @param autoStarted the round started by itself on this reading because the alert's rhythm made it due, or null
     * @param nextRound   the next day a round is due when none was started today, or null
     */
    private record Loaded(List<Entry> entries, List<RegisterRow> register, Campaign campaign,
                          List<CallRow> calls, CampaignProgress progress, HeatwaveRepository.DueRound autoStarted,
                          LocalDate nextRound) {
    }

    /**
     * The register as the prefect asks for it when the heatwave plan is triggered (CASF R121-8): one
     * line a person with every field the register holds, in the columns of a CSV file.
     */
    public List<ListExport.Column<Entry>> registerColumns() {
        return List.of(
                column("field.lastName", e -> e.person().lastName()),
                column("field.firstName", e -> e.person().firstName()),
                column("field.birthDate", e -> e.person().birthDate()),
                column("field.addressLine", e -> e.person().address().line()),
                column("heatwave.export.postalCode", e -> e.person().address().postalCode()),
                column("field.commune", e -> communeName(e.person())),
                column("field.phone", e -> e.person().contact().phone()),
                column("heatwave.export.capacity", e -> e.profile().heatwave().capacity()),
                column("heatwave.export.disability", e -> e.profile().disability()),
                column("heatwave.export.registeredOn", e -> e.profile().heatwave().registeredOn()),
                column("heatwave.export.requestedBy", e -> e.profile().heatwave().requestedBy()),
                column("heatwave.export.requesterName", e -> e.profile().heatwave().requesterName()),
                column("heatwave.export.emergency", e -> emergency(e).name()),
                column("heatwave.export.emergencyRelation", e -> emergency(e).relation()),
                column("heatwave.export.emergencyPhone", e -> emergency(e).phone()),
                column("heatwave.export.services", e -> e.profile().heatwave().services()));
    }

    /** A column of the register's export: its header's key, and its value in words (a date, a label). */
    private ListExport.Column<Entry> column(String header, Function<Entry, Object> value) {
        return new ListExport.Column<>(i18n.get(header), e -> {
            Object v = value.apply(e);
            return v == null ? "" : v instanceof LocalDate d ? i18n.date(d) : v instanceof Enum<?> en ? i18n.label(en)
                    : v.toString();
        });
    }

    private static ContactPerson emergency(Entry e) {
        return e.profile().emergency() == null ? ContactPerson.NONE : e.profile().emergency();
    }

    /** The register's people with everything it holds, as last read. */
    public List<Entry> entries() {
        return entries;
    }

    /** The name proposed for the register's export today: {@code registre-canicule-2026-11-27.pdf}. */
    public String exportName(String extension) {
        return i18n.get("heatwave.export.name") + "-" + LocalDate.now(context.clock()) + "." + extension;
    }

    /**
     * Writes the register as a CSV file for the prefecture, in the background: read again, every
     * person's export recorded in the audit trail, then one line a person with every field it holds.
     */
    public void exportCsv(Path file) {
        List<ListExport.Column<Entry>> columns = registerColumns();
        export(file, exported -> SheetWriter.write(file, columns.stream().map(ListExport.Column::title).toList(),
                () -> exported.stream().map(e -> columns.stream().map(c -> c.value().apply(e)).toList()).iterator(),
                () -> false), written -> i18n.format("spreadsheet.export.done", written, file.getFileName().toString()));
    }

    /**
     * Writes the register as a readable PDF for the prefecture, in the background: read again, every
     * person's export recorded in the audit trail, then the document ({@link HeatwaveRegisterPdf}),
     * written whole or not at all.
     */
    public void exportPdf(Path file) {
        StaffMember member = context.currentStaffProperty().get();
        String by = member == null ? context.viewer().login() : member.fullName();
        HeatwaveRegisterPdf pdf = new HeatwaveRegisterPdf(i18n, this::communeName);
        ZoneId zone = context.clock().getZone();
        export(file, exported -> {
            String structure = context.installation().find().map(i -> i.structure().name()).orElse("");
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                pdf.write(exported, structure, by, LocalDateTime.now(context.clock()), zone, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return exported.size();
        }, people -> i18n.format("heatwave.pdf.done", people, file.getFileName().toString()));
    }

    /** What writes the register to a file; returns how many people it holds. */
    @FunctionalInterface
    private interface RegisterFile {
        int write(List<Entry> exported) throws IOException;
    }

    private void export(Path file, RegisterFile writing, Function<Integer, String> done) {
        exportNotice.set(null);
        exporting.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> writing.write(context.heatwave().exportRegister(author)), written -> {
            exporting.set(false);
            exportNotice.set(done.apply(written));
        }, e -> {
            exporting.set(false);
            exportNotice.set(i18n.get("spreadsheet.export.failed"));
        });
    }

    private String communeName(fr.cercle.model.beneficiary.Beneficiary person) {
        return person.address().commune() == null ? ""
                : context.communes().find(person.address().commune()).map(c -> c.name()).orElse("");
    }

    /**
     * Starts the round of the day if the alert's rhythm makes one due (once a day whoever opens the
     * page, see {@link HeatwaveRepository#startDueRound}), then reads everything.
     */
    private Loaded readStartingDueRound() {
        HeatwaveRepository heatwave = context.heatwave();
        HeatwaveRepository.DueRound started = context.currentStaffProperty().get() == null ? null
                : heatwave.startDueRound(context.author()).orElse(null);
        return read(heatwave, started);
    }

    private Loaded read() {
        return read(context.heatwave(), null);
    }

    private Loaded read(HeatwaveRepository heatwave, HeatwaveRepository.DueRound autoStarted) {
        LocalDate today = LocalDate.now(context.clock());
        List<Entry> entries = heatwave.register();
        Map<BeneficiaryId, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.person().id(), e));
        List<RegisterRow> rows = entries.stream().map(this::registerRow).toList();
        Optional<Campaign> open = heatwave.current();
        if (open.isEmpty()) {
            return new Loaded(entries, rows, null, List.of(), null, null, null);
        }
        List<CampaignCall> round = heatwave.round(open.get().id(), today);
        Map<UUID, String> callers = new HashMap<>();
        List<CallRow> callRows = round.stream()
                .sorted(Comparator.comparing((CampaignCall c) -> c.done()).thenComparing(c -> name(byId, c.person()))
                        .thenComparing(CampaignCall::step))
                .map(c -> callRow(c, byId, callers)).toList();
        LocalDate next = round.isEmpty() ? open.get().nextRound(today, heatwave.lastRound(open.get().id())).orElse(null)
                : null;
        return new Loaded(entries, rows, open.get(), callRows, round.isEmpty() ? null : CampaignProgress.of(round),
                autoStarted, next);
    }

    private String name(Map<BeneficiaryId, Entry> byId, BeneficiaryId id) {
        Entry entry = byId.get(id);
        return entry == null ? "" : entry.person().lastName() + " " + entry.person().firstName();
    }

    private RegisterRow registerRow(Entry e) {
        var person = e.person();
        String commune = communeName(person);
        String address = String.join(", ", java.util.stream.Stream.of(person.address().line(), commune)
                .filter(s -> s != null && !s.isBlank()).toList());
        ContactPerson emergency = e.profile().emergency();
        String emergencyText = emergency == null || emergency.name() == null ? i18n.get("heatwave.noEmergency")
                : String.join(" — ", java.util.stream.Stream.of(emergency.name(), emergency.relation(), emergency.phone())
                .filter(s -> s != null && !s.isBlank()).toList());
        return new RegisterRow(person.id(), person.fullName().strip(), address,
                person.contact().phone() == null ? "" : person.contact().phone(), emergencyText,
                i18n.date(e.profile().heatwave().registeredOn()));
    }

    private CallRow callRow(CampaignCall c, Map<BeneficiaryId, Entry> byId, Map<UUID, String> callers) {
        Entry entry = byId.get(c.person());
        String person = entry == null ? i18n.get("heatwave.unknownPerson") : entry.person().fullName().strip();
        String phone = entry == null || entry.person().contact().phone() == null ? "" : entry.person().contact().phone();
        String step = i18n.label(c.step());
        if (c.step() == CallStep.EMERGENCY_CONTACT && entry != null && entry.profile().emergency() != null
                && entry.profile().emergency().name() != null) {
            ContactPerson emergency = entry.profile().emergency();
            step = i18n.format("heatwave.step.emergencyWho", emergency.name(),
                    emergency.phone() == null ? "" : emergency.phone());
        }
        String caller = callers.computeIfAbsent(c.callerId(), id -> c.callerKind() == CallerKind.HELPER
                ? context.helpers().find(new HelperId(id)).map(Helper::fullName).orElse(i18n.get("needs.helperUnknown"))
                : context.staff().find(new StaffId(id)).map(StaffMember::fullName).orElse(""));
        String outcome = c.done() ? i18n.label(c.outcome()) + (c.note() == null ? "" : " — " + c.note()) : "";
        return new CallRow(c, person, phone, step, i18n.format("heatwave.caller", caller), outcome, c.done());
    }

    private void show(Loaded data) {
        entries = data.entries();
        register.setAll(data.register());
        campaign.set(data.campaign());
        calls.setAll(data.calls());
        LocalDate today = LocalDate.now(context.clock());
        if (data.campaign() != null) {
            Campaign c = data.campaign();
            long day = ChronoUnit.DAYS.between(c.startsOn(), today) + 1;
            campaignText.set(c.endsOn() == null
                    ? i18n.format("heatwave.campaign.open", i18n.label(c.level()), i18n.date(c.startsOn()), day)
                    : i18n.format("heatwave.campaign.until", i18n.label(c.level()), i18n.date(c.startsOn()),
                    i18n.date(c.endsOn()), day));
            String rhythm = i18n.format("heatwave.rhythm", i18n.label(c.level()), c.level().daysBetweenCalls());
            rhythmText.set(data.progress() != null ? rhythm
                    : data.nextRound() == null ? i18n.format("heatwave.rhythm.none", rhythm)
                    : data.nextRound().equals(today) ? i18n.format("heatwave.rhythm.today", rhythm)
                    : i18n.format("heatwave.rhythm.next", rhythm, i18n.date(data.nextRound())));
        } else {
            campaignText.set(null);
            rhythmText.set(null);
        }
        if (data.autoStarted() != null) {
            AlertLevel l = data.autoStarted().campaign().level();
            notice.set(i18n.format("heatwave.round.auto", i18n.label(l), l.daysBetweenCalls(),
                    data.autoStarted().calls().size()));
        }
        CampaignProgress p = data.progress();
        roundStarted.set(p != null);
        progress.set(p == null || p.people() == 0 ? 0 : (double) p.settled() / p.people());
        progressText.set(p == null ? null : i18n.format("heatwave.progress", p.people(), p.fine(), p.needHelp(),
                p.escalating(), p.toCall(), p.unreachable()));
        loaded.set(true);
        busy.set(false);
    }

    /** Prepares the declaration of an alert: orange, from today. */
    public void startDeclaration() {
        level.set(AlertLevel.ORANGE);
        startsOn.set(LocalDate.now(context.clock()));
        endsOn.set(null);
        note.set(null);
        errors.clear();
    }

    /** Declares the alert period; false when something must be fixed first. */
    public boolean declare() {
        failure.set(null);
        notice.set(null);
        Campaign declared = Campaign.declare(level.get(), startsOn.get(), endsOn.get(), note.get());
        List<Problem> problems = declared.validate(LocalDate.now(context.clock()));
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (!errors.isEmpty()) {
            return false;
        }
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.heatwave().declare(declared, author);
            return readStartingDueRound();
        }, data -> {
            show(data);
            if (data.autoStarted() == null) {
                notice.set(i18n.get("heatwave.declared"));
            }
        }, this::failed);
        return true;
    }

    /** Starts today's round of calls: the register spread over the helpers who call and the staff member. */
    public void startRound() {
        Campaign open = campaign.get();
        if (open == null) {
            return;
        }
        failure.set(null);
        notice.set(null);
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            List<CampaignCall> round = context.heatwave().startRound(open, author);
            return new Started(read(), round.size());
        }, started -> {
            show(started.data());
            notice.set(started.calls() == 0 ? i18n.get("heatwave.round.empty")
                    : i18n.format("heatwave.round.started", started.calls()));
        }, this::failed);
    }

    private record Started(Loaded data, int calls) {
    }

    /** Records what a call found; an unreachable person gets the next step at once. */
    public void record(CallRow row, CallOutcome outcome, String remark) {
        failure.set(null);
        notice.set(null);
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            Optional<CampaignCall> next = context.heatwave().record(row.call(), outcome, remark, author);
            return new Recorded(read(), next.map(CampaignCall::step).orElse(null));
        }, recorded -> {
            show(recorded.data());
            notice.set(recorded.next() == null ? i18n.format("heatwave.recorded", row.person())
                    : i18n.format("heatwave.escalated", row.person(), i18n.label(recorded.next()).toLowerCase(i18n.locale())));
        }, this::failed);
    }

    private record Recorded(Loaded data, CallStep next) {
    }

    /** Closes the campaign: the alert is over. */
    public void closeCampaign() {
        Campaign open = campaign.get();
        if (open == null) {
            return;
        }
        failure.set(null);
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.heatwave().close(open, author);
            return read();
        }, data -> {
            show(data);
            startDeclaration();
            notice.set(i18n.get("heatwave.closed"));
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
