package fr.cercle.model.matching;

import fr.cercle.model.common.InseeCode;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.model.need.Need;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Ranks the helpers who could meet a need. Never proposed: a helper who is not active, who has no
 * background check valid on the day when the need requires one (always for a minor; a check counts
 * {@code checkYears} years from its date, {@link BackgroundCheck#isValidOn}), who has reached their
 * maximum of commitments, or who covers none of the skills the need asks. The others come in this
 * order: more required skills covered, then closer (same commune, intercommunality, department,
 * further), then more time slots in common, then less loaded (commitments against their maximum),
 * then more languages shared with the person; each with these reasons shown.
 */
public final class Matcher {

    /** A helper and the commitments they hold now (the needs they meet). */
    public record Offer(Helper helper, int commitments) {
    }

    /** Why no helper was proposed, in the order helpers are ruled out. */
    public enum NoCandidate {
        /** No active helper has any of the skills the need asks. */
        NO_SKILL,
        /** Those who have one lack the valid background check the need requires. */
        NO_VALID_CHECK,
        /** Those who could are at their maximum of commitments. */
        ALL_FULL
    }

    /** Why {@code offers} give no candidate for {@code need} (meaningful when {@link #rank} found none). */
    public NoCandidate whyNone(Need need, Collection<Offer> offers) {
        List<Offer> able = offers.stream()
                .filter(o -> o.helper().status() == HelperStatus.ACTIVE)
                .filter(o -> o.helper().skills().stream().anyMatch(need.requiredSkills()::contains))
                .toList();
        return whyNone(able.size(), able.stream().filter(o -> checked(need, o.helper())).count());
    }

    /**
     * Why no candidate, from counts a database can make without reading every helper: {@code able},
     * the active helpers with one of the need's skills; {@code checked}, those of them who also have
     * the background check the need requires (all of them when it requires none).
     */
    public static NoCandidate whyNone(long able, long checked) {
        if (able == 0) {
            return NoCandidate.NO_SKILL;
        }
        if (checked == 0) {
            return NoCandidate.NO_VALID_CHECK;
        }
        return NoCandidate.ALL_FULL;
    }

    private boolean checked(Need need, Helper helper) {
        return !need.backgroundCheckRequired() || helper.backgroundCheck().isValidOn(today, checkYears);
    }

    private static final Comparator<Candidate> ORDER = Comparator
            .comparingInt((Candidate c) -> -c.covered().size())
            .thenComparing(Candidate::proximity)
            .thenComparingInt(c -> -c.commonSlots().size())
            .thenComparingDouble(c -> c.maxCommitments() == 0 ? 1 : (double) c.commitments() / c.maxCommitments())
            .thenComparingInt(c -> -c.commonLanguages().size())
            .thenComparing(c -> c.helper().lastName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(c -> c.helper().firstName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(c -> c.helper().id().value());

    private final Function<InseeCode, Optional<Commune>> communes;
    private final LocalDate today;
    private final int checkYears;

    /**
     * @param communes   the communes reference: a commune by its INSEE code
     * @param today      the day of the matching, on which a required background check must be valid
     * @param checkYears how many years a background check counts from its date
     */
    public Matcher(Function<InseeCode, Optional<Commune>> communes, LocalDate today, int checkYears) {
        this.communes = Objects.requireNonNull(communes, "communes");
        this.today = Objects.requireNonNull(today, "today");
        this.checkYears = checkYears;
    }

    /** The best {@code limit} candidates for {@code need}, the person living in {@code personCommune} (may be null). */
    public List<Candidate> rank(Need need, InseeCode personCommune, Collection<Offer> offers, int limit) {
        Optional<Commune> home = personCommune == null ? Optional.empty() : communes.apply(personCommune);
        List<Candidate> candidates = new ArrayList<>();
        for (Offer offer : offers) {
            candidate(need, home, offer).ifPresent(candidates::add);
        }
        candidates.sort(ORDER);
        return candidates.size() > limit ? List.copyOf(candidates.subList(0, limit)) : List.copyOf(candidates);
    }

    /** The candidate {@code offer} makes for {@code need}, or empty if it is never proposed. */
    public Optional<Candidate> candidate(Need need, InseeCode personCommune, Offer offer) {
        return candidate(need, personCommune == null ? Optional.empty() : communes.apply(personCommune), offer);
    }

    Optional<Candidate> candidate(Need need, Optional<Commune> home, Offer offer) {
        Helper helper = offer.helper();
        if (helper.status() != HelperStatus.ACTIVE || !checked(need, helper)
                || offer.commitments() >= helper.maxCommitments()) {
            return Optional.empty();
        }
        EnumSet<Skill> covered = EnumSet.noneOf(Skill.class);
        EnumSet<Skill> missing = EnumSet.noneOf(Skill.class);
        for (Skill skill : need.requiredSkills()) {
            (helper.skills().contains(skill) ? covered : missing).add(skill);
        }
        if (covered.isEmpty()) {
            return Optional.empty();
        }
        Commune.Proximity proximity = home.flatMap(h -> Optional.ofNullable(helper.commune()).flatMap(communes)
                .map(h::proximityTo)).orElse(Commune.Proximity.FURTHER);
        SortedSet<WeeklySlot> slots = new TreeSet<>(need.slots());
        slots.retainAll(helper.availability());
        SortedSet<String> languages = new TreeSet<>(need.languages());
        languages.retainAll(helper.languages());
        return Optional.of(new Candidate(helper, covered, missing, proximity, slots, offer.commitments(),
                helper.maxCommitments(), languages));
    }
}
