package fr.cercle.model.need;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Text;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;
import fr.cercle.model.validation.Rule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A need of a person that a citizen can help with: its kind, how often, when (preferred time slots),
 * the skills it asks beyond its kind's, whether the helper must have a valid background check (always
 * for a minor), in which languages the person speaks, and where it stands: open since a day, matched
 * with a helper on a day, or closed.
 */
public record Need(
        NeedId id,
        BeneficiaryId beneficiary,
        NeedKind kind,
        Frequency frequency,
        SortedSet<WeeklySlot> slots,
        Set<Skill> extraSkills,
        boolean backgroundCheckRequired,
        SortedSet<String> languages,
        NeedStatus status,
        LocalDate openedOn,
        HelperId helper,
        LocalDate matchedOn,
        String note) {

    public static final String KIND = "kind";
    public static final String FREQUENCY = "frequency";
    public static final String BACKGROUND_CHECK = "backgroundCheckRequired";
    public static final String OPENED_ON = "openedOn";
    public static final String HELPER = "helper";
    public static final String MATCHED_ON = "matchedOn";
    public static final String NOTE = "note";
    public static final int NOTE_MAX = 1000;

    public Need {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(beneficiary, "beneficiary");
        slots = Collections.unmodifiableSortedSet(new TreeSet<>(slots == null ? Set.of() : slots));
        extraSkills = extraSkills == null || extraSkills.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(extraSkills));
        languages = Collections.unmodifiableSortedSet(new TreeSet<>(languages == null ? Set.of() : languages));
        status = status == null ? NeedStatus.OPEN : status;
        note = Text.blankToNull(note);
    }

    /** A new open need. */
    public static Need open(BeneficiaryId beneficiary, NeedKind kind, Frequency frequency, Set<WeeklySlot> slots,
                            boolean backgroundCheckRequired, LocalDate openedOn) {
        return new Need(NeedId.newId(), beneficiary, kind, frequency, new TreeSet<>(slots), Set.of(),
                backgroundCheckRequired, new TreeSet<>(), NeedStatus.OPEN, openedOn, null, null, null);
    }

    /** Every skill a helper needs for it: its kind's and the extra ones. */
    public Set<Skill> requiredSkills() {
        EnumSet<Skill> skills = EnumSet.noneOf(Skill.class);
        if (kind != null) {
            skills.add(kind.skill());
        }
        skills.addAll(extraSkills);
        return Collections.unmodifiableSet(skills);
    }

    /** Matched with {@code helper} on {@code day}. */
    public Need assign(HelperId helper, LocalDate day) {
        return new Need(id, beneficiary, kind, frequency, slots, extraSkills, backgroundCheckRequired, languages,
                NeedStatus.MATCHED, openedOn, Objects.requireNonNull(helper, "helper"), Objects.requireNonNull(day, "day"), note);
    }

    /** Closed: met for good, or no longer needed. The helper who met it stays recorded. */
    public Need close() {
        return new Need(id, beneficiary, kind, frequency, slots, extraSkills, backgroundCheckRequired, languages,
                NeedStatus.CLOSED, openedOn, helper, matchedOn, note);
    }

    /** Days from opening to matching, once matched. */
    public Optional<Long> daysToMatch() {
        return matchedOn == null || openedOn == null ? Optional.empty()
                : Optional.of(ChronoUnit.DAYS.between(openedOn, matchedOn));
    }

    /**
     * What must be fixed before the need is saved, each problem with its field: a kind, a frequency,
     * an opening day not in the future; for a person who is a minor, a background check required;
     * a matched need names its helper and a day not before the opening.
     */
    public List<Problem> validate(LocalDate today, boolean forMinor) {
        Problems problems = new Problems()
                .required(KIND, kind)
                .required(FREQUENCY, frequency)
                .required(OPENED_ON, openedOn)
                .notInFuture(OPENED_ON, openedOn, today)
                .maxLength(NOTE, note, NOTE_MAX);
        if (forMinor && !backgroundCheckRequired) {
            problems.add(BACKGROUND_CHECK, Rule.BACKGROUND_CHECK_FOR_MINOR);
        }
        if (status == NeedStatus.MATCHED) {
            problems.required(HELPER, helper).required(MATCHED_ON, matchedOn).notInFuture(MATCHED_ON, matchedOn, today);
        }
        if (matchedOn != null && openedOn != null) {
            problems.notBefore(MATCHED_ON, matchedOn, openedOn);
        }
        return problems.list();
    }
}
