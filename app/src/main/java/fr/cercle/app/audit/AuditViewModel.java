package fr.cercle.app.audit;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.model.audit.AuditEntry;
import fr.cercle.model.audit.ExportedList;
import fr.cercle.model.audit.AuditQuery;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.common.Text;
import fr.cercle.model.helper.HelperSummary;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.audit.AuditTrail;
import fr.cercle.persistence.write.Entities;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The coordinator's search of the audit trail: by person (a name, matched among the files and
 * helpers this account may see), by user, by period. The trail holds ids only; names are put back
 * here, for the records this account may read, and other records show as a short id.
 */
public final class AuditViewModel {

    /** One line of the table, in words. */
    public record Row(String when, String who, String action, String kind, String record) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final AppContext context;
    private final I18n i18n;
    private final ZoneId zone;
    private final StringProperty person = new SimpleStringProperty(this, "person");
    private final ObjectProperty<StaffMember> user = new SimpleObjectProperty<>(this, "user");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<StaffMember> users = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** The names of the records and staff, read once for the searches that follow (a list of every file). */
    private final AtomicReference<Names> knownNames = new AtomicReference<>();

    public AuditViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.zone = context.clock().getZone();
    }

    public StringProperty personProperty() {
        return person;
    }

    public ObjectProperty<StaffMember> userProperty() {
        return user;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<StaffMember> users() {
        return users;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private record Names(Map<UUID, String> records, Map<UUID, String> staff) {
    }

    private record Found(List<Row> rows, boolean noSuchPerson, int limit) {
    }

    /** Runs the search with the criteria as they are, in the background. */
    public void search() {
        failure.set(null);
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            failure.set(i18n.get("audit.period.invalid"));
            return;
        }
        String typed = person.get() == null ? "" : person.get().strip();
        AuditQuery query = AuditQuery.everything().by(user.get() == null ? null : user.get().id())
                .between(from.get(), to.get());
        busy.set(true);
        context.tasks().run(() -> {
            Names names = knownNames.updateAndGet(known -> known != null ? known : names());
            AuditQuery narrowed = query;
            if (!typed.isEmpty()) {
                Set<UUID> matching = matching(names.records(), typed);
                if (matching.isEmpty()) {
                    return new Found(List.of(), true, query.limit());
                }
                narrowed = query.about(matching);
            }
            List<AuditEntry> entries = new AuditTrail(context.database().dsl(), context.database().writer(),
                    context.clock(), context.viewer()).search(narrowed, zone);
            return new Found(entries.stream().map(e -> row(e, names)).toList(), false, narrowed.limit());
        }, found -> {
            busy.set(false);
            rows.setAll(found.rows());
            if (found.noSuchPerson()) {
                summary.set(i18n.format("audit.noSuchPerson", typed));
            } else if (found.rows().size() >= found.limit()) {
                summary.set(i18n.format("audit.count.limited", found.limit()));
            } else {
                summary.set(i18n.format("audit.count", found.rows().size()));
            }
        }, e -> {
            busy.set(false);
            failure.set(i18n.get("error.load"));
        });
    }

    /**
     * The data changed elsewhere (a sync, a save): the names put back on the lines are read again at
     * the next search, which runs now.
     */
    public void refresh() {
        knownNames.set(null);
        search();
    }

    /** Loads the team for the user filter, then searches everything (the newest lines). */
    public void load() {
        context.tasks().run(() -> context.staff().all(), users::setAll, e -> failure.set(i18n.get("error.load")));
        search();
    }

    private Names names() {
        Map<UUID, String> records = new HashMap<>();
        if (context.may(fr.cercle.model.access.Subject.BENEFICIARY)) {
            for (BeneficiarySummary b : context.beneficiaries().summaries()) {
                records.put(b.id().value(), b.fullName().strip());
            }
        }
        if (context.may(fr.cercle.model.access.Subject.HELPER)) {
            for (HelperSummary h : context.helpers().summaries()) {
                records.put(h.id().value(), h.fullName().strip());
            }
        }
        List<StaffMember> members = context.staff().all();
        Map<UUID, String> staff = new HashMap<>();
        members.forEach(m -> staff.put(m.id().value(), m.fullName().strip()));
        records.putAll(staff);
        return new Names(records, staff);
    }

    /** The records whose name holds every word typed, accents and case aside. */
    private static Set<UUID> matching(Map<UUID, String> records, String typed) {
        String[] words = Text.fold(typed).split("\\s+");
        Set<UUID> ids = new HashSet<>();
        records.forEach((id, name) -> {
            String folded = Text.fold(name);
            for (String word : words) {
                if (!folded.contains(word)) {
                    return;
                }
            }
            ids.add(id);
        });
        return ids;
    }

    private Row row(AuditEntry e, Names names) {
        String who = Optional.ofNullable(names.staff().get(e.who().value())).orElse(shortId(e.who().value()));
        if (e.list().isPresent()) {
            ExportedList list = e.list().get();
            String name = switch (list.list()) {
                case "beneficiaries" -> i18n.get("audit.list.beneficiaries");
                case "helpers" -> i18n.get("audit.list.helpers");
                case "heatwave_register" -> i18n.get("audit.list.heatwaveRegister");
                default -> list.list(); // a list of a later version
            };
            String filter = list.filter().isEmpty() ? i18n.get("audit.list.whole") : list.filter();
            return new Row(WHEN.format(LocalDateTime.ofInstant(e.at(), zone)), who, i18n.label(e.action()),
                    i18n.get("audit.kind.list"), i18n.format("audit.list.detail", name, list.lines(), filter, list.fileName()));
        }
        String record = Optional.ofNullable(names.records().get(e.record())).orElse(shortId(e.record()));
        return new Row(WHEN.format(LocalDateTime.ofInstant(e.at(), zone)), who, i18n.label(e.action()),
                kind(e.entity()), record);
    }

    private String kind(String entity) {
        if (entity.equals(Entities.BENEFICIARY_TABLE.entity())) {
            return i18n.get("audit.kind.beneficiary");
        }
        if (entity.equals(Entities.HELPER_TABLE.entity())) {
            return i18n.get("audit.kind.helper");
        }
        return i18n.get("audit.kind.staff_member");
    }

    /** A record this account may not read, or no longer here: its id's first characters, to quote. */
    private String shortId(UUID id) {
        return i18n.format("audit.unknownRecord", id.toString().substring(0, 8));
    }
}
