package fr.cercle.app.conflict;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.write.Conflict;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The conflicts waiting for a person: for each, the record and the field in the words of the forms,
 * and the values side by side, each with where, when and by whom it was made. The caseworker keeps
 * one of them, or writes another where the field allows it; the decision is an edit like any other,
 * which the sync takes to the other installations.
 */
public final class ConflictsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictsViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One of the values in conflict, in words. */
    public record Side(String heading, boolean here, boolean current, String value, String when, Object exchangeValue) {
    }

    /** An entry of the list from which another value is chosen. */
    public record Choice(String label, String value) {
    }

    /** A field in conflict, with its values. */
    public record Item(Conflict conflict, ConflictField field, String title, String recordKind, String fieldLabel,
                       List<Side> sides, List<Choice> choices) {

        /** Whether another value than those shown can be written. */
        public boolean writable() {
            return field != null && field.writable();
        }

        public ConflictField.Kind kind() {
            return field == null ? null : field.kind();
        }
    }

    private final AppContext context;
    private final I18n i18n;
    private final ZoneId zone;
    private final Runnable onDecided;
    private final Consumer<String> notify;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");

    /**
     * @param onDecided told after each decision (the lists and the sync's status follow)
     * @param notify    shows a short confirmation
     */
    public ConflictsViewModel(AppContext context, Runnable onDecided, Consumer<String> notify) {
        this.context = context;
        this.i18n = context.i18n();
        this.zone = context.clock().getZone();
        this.onDecided = onDecided;
        this.notify = notify;
    }

    // Properties

    public ObservableList<Item> items() {
        return items;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A decision is being saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    // Commands

    /** Loads the conflicts in the background, with the team's names. */
    public void load() {
        loading.set(true);
        DeviceId here = context.database().deviceId();
        context.tasks().run(() -> {
            List<Conflict> conflicts = context.conflicts().all();
            List<StaffMember> staff = context.staff().all();
            Map<UUID, String> names = new HashMap<>();
            if (conflicts.stream().anyMatch(c -> "need".equals(c.entity()))) {
                context.helpers().all().forEach(h -> names.put(h.id().value(), h.fullName()));
            }
            staff.forEach(s -> names.put(s.id().value(), s.fullName()));
            return conflicts.stream().map(c -> item(c, staff, names, here)).toList();
        }, loaded -> {
            items.setAll(loaded);
            loading.set(false);
        }, e -> {
            loading.set(false);
            failure.set(i18n.get("error.load"));
        });
    }

    /** Keeps one of the values shown. */
    public void keep(Item item, Side side) {
        decide(item, side.exchangeValue());
    }

    /** Writes another text; returns what to fix, or {@code null} when the decision is under way. */
    public String writeText(Item item, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() && item.field().required()) {
            return i18n.get("validation.REQUIRED");
        }
        if (item.field().maxLength() > 0 && text.length() > item.field().maxLength()) {
            return i18n.format("validation.TOO_LONG", item.field().maxLength());
        }
        decide(item, text.isEmpty() ? null : text);
        return null;
    }

    /** Writes another date; returns what to fix, or {@code null} when the decision is under way. */
    public String writeDate(Item item, LocalDate date, boolean unreadable) {
        if (unreadable) {
            return i18n.get("validation.UNREADABLE_DATE");
        }
        if (date == null && item.field().required()) {
            return i18n.get("validation.REQUIRED");
        }
        if (date != null && date.isAfter(LocalDate.now(context.clock()))) {
            return i18n.get("validation.IN_FUTURE");
        }
        decide(item, date == null ? null : date.toString());
        return null;
    }

    /** Keeps another value from the list; returns what to fix, or {@code null} when the decision is under way. */
    public String writeChoice(Item item, Choice choice) {
        if (choice == null) {
            return i18n.get("validation.REQUIRED");
        }
        decide(item, choice.value());
        return null;
    }

    private void decide(Item item, Object value) {
        StaffId author = context.author();
        busy.set(true);
        failure.set(null);
        context.tasks().run(() -> {
            context.conflicts().decide(author, item.conflict(), value);
            return item;
        }, decided -> {
            busy.set(false);
            LOG.info("Conflict on {}.{} of {} decided", item.conflict().entity(), item.conflict().field(),
                    item.conflict().entityId());
            notify.accept(i18n.format("conflicts.decided", item.fieldLabel(), item.title()));
            onDecided.run();
            load();
        }, e -> {
            busy.set(false);
            failure.set(ProblemMessages.saveFailure(i18n, e));
            load();
        });
    }

    // Words

    /** @param names the team's and, where needs are in conflict, the helpers' names by their ids */
    private Item item(Conflict conflict, List<StaffMember> staff, Map<UUID, String> names, DeviceId here) {
        ConflictField field = ConflictField.of(conflict.entity(), conflict.field()).orElse(null);
        List<Side> sides = new ArrayList<>();
        sides.add(side(field, conflict.current(), true, names, here));
        conflict.others().forEach(other -> sides.add(side(field, other, false, names, here)));
        String title = conflict.label() == null || conflict.label().isBlank() ? i18n.get("conflicts.record.unnamed")
                : conflict.label();
        String fieldLabel = field == null ? i18n.get("conflicts.field.unknown") : i18n.get(field.labelKey());
        return new Item(conflict, field, title, recordKind(conflict.entity()), fieldLabel, List.copyOf(sides),
                choices(field, staff));
    }

    private Side side(ConflictField field, Conflict.Value value, boolean current, Map<UUID, String> names, DeviceId here) {
        boolean madeHere = value.change() != null && value.change().device().equals(here);
        String heading = i18n.get(madeHere ? "conflicts.here" : "conflicts.elsewhere");
        String who = value.author() == null ? null : names.get(value.author().value());
        String when;
        if (value.when() == null) {
            when = "";
        } else {
            ZonedDateTime at = value.when().atZone(zone);
            String date = i18n.date(at.toLocalDate());
            String time = TIME.format(at);
            if (who != null) {
                when = i18n.format("conflicts.when.by", date, time, who);
            } else if (madeHere) {
                when = i18n.format("conflicts.when", date, time);
            } else {
                when = i18n.format("conflicts.when.elsewhere", date, time);
            }
        }
        return new Side(heading, madeHere, current, words(field, value.value(), names), when, value.value());
    }

    private String recordKind(String entity) {
        return switch (entity) {
            case "beneficiary" -> i18n.get("conflicts.entity.beneficiary");
            case "helper" -> i18n.get("conflicts.entity.helper");
            case "staff_member" -> i18n.get("conflicts.entity.staffMember");
            case "installation" -> i18n.get("conflicts.entity.installation");
            case "need" -> i18n.get("conflicts.entity.need");
            case "follow_up" -> i18n.get("conflicts.entity.followUp");
            case "elderly_profile" -> i18n.get("conflicts.entity.elderlyProfile");
            case "health_profile" -> i18n.get("conflicts.entity.healthProfile");
            case "school_profile" -> i18n.get("conflicts.entity.schoolProfile");
            case "heatwave_campaign" -> i18n.get("conflicts.entity.heatwaveCampaign");
            case "heatwave_call" -> i18n.get("conflicts.entity.heatwaveCall");
            default -> "";
        };
    }

    /** A value in its exchange form, as people read it. */
    String words(ConflictField field, Object value, Map<UUID, String> names) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return i18n.get("conflicts.value.empty");
        }
        if (field == null) {
            return value instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(value);
        }
        return switch (field.kind()) {
            case TEXT -> String.valueOf(value);
            case DATE -> date(String.valueOf(value));
            case CHOICE -> label(field.type(), String.valueOf(value));
            case CHOICES -> value instanceof Collection<?> list && !list.isEmpty()
                    ? list.stream().map(v -> label(field.type(), String.valueOf(v))).collect(Collectors.joining(", "))
                    : i18n.get("conflicts.value.none");
            case STAFF -> staffName(String.valueOf(value), names);
            case HELPER -> name(String.valueOf(value), names, "conflicts.value.unknownHelper");
            case YES_NO -> i18n.get(Boolean.TRUE.equals(value) ? "conflicts.value.yes" : "conflicts.value.no");
            case AGGIR -> aggir(String.valueOf(value));
        };
    }

    /** A grid as its GIR, then its ten scores: "GIR 2 (CCBBBBBBBB)". */
    private String aggir(String code) {
        try {
            return i18n.format("conflicts.value.aggir", fr.cercle.model.autonomy.AggirGrid.of(code).gir().number(), code);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private String date(String iso) {
        try {
            return i18n.date(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private String label(Class<? extends Enum<?>> type, String name) {
        boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(name));
        return known ? i18n.get("enum." + type.getSimpleName() + "." + name) : name;
    }

    private String staffName(String id, Map<UUID, String> names) {
        return name(id, names, "conflicts.value.unknownStaff");
    }

    private String name(String id, Map<UUID, String> names, String unknownKey) {
        try {
            String name = names.get(UUID.fromString(id));
            return name != null ? name : i18n.get(unknownKey);
        } catch (IllegalArgumentException e) {
            return i18n.get(unknownKey);
        }
    }

    private List<Choice> choices(ConflictField field, List<StaffMember> staff) {
        if (field == null) {
            return List.of();
        }
        if (field.kind() == ConflictField.Kind.CHOICE) {
            return Arrays.stream(field.type().getEnumConstants())
                    .map(c -> new Choice(i18n.label(c), c.name())).toList();
        }
        if (field.kind() == ConflictField.Kind.STAFF) {
            return staff.stream().filter(StaffMember::active)
                    .map(s -> new Choice(s.fullName(), s.id().toString())).toList();
        }
        return List.of();
    }
}
