package fr.cercle.model.circle;

import fr.cercle.model.agenda.ContactPlan;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.contribution.FollowUp;
import fr.cercle.model.contribution.FollowUpStatus;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The circle around one person, as their page shows it at a glance: who helps and in which role,
 * since when, the last and next contact with each; the needs nobody meets yet; the follow-ups still
 * open; the latest contributions.
 *
 * @param members  the helpers meeting a need of the person now, the longest-standing first
 * @param unmet    the open needs, the oldest first
 * @param open     the follow-ups not done, the earliest due first
 * @param recent   the latest contributions, the latest first
 */
public record Circle(BeneficiaryId beneficiary, List<CircleMember> members, List<Need> unmet, List<FollowUp> open,
                     List<Contribution> recent) {

    /** How many of the latest contributions a circle lists. */
    public static final int RECENT = 5;

    public Circle {
        Objects.requireNonNull(beneficiary, "beneficiary");
        members = List.copyOf(members);
        unmet = List.copyOf(unmet);
        open = List.copyOf(open);
        recent = List.copyOf(recent);
    }

    /**
     * Builds a person's circle from their needs, the contributions recorded for them and their
     * follow-ups.
     *
     * @param latest the latest contributions for the person, at least each helper's latest contact and
     *               anything after it, the latest first (the whole history will do)
     * @param names  a helper's name, or null when unknown here
     */
    public static Circle of(BeneficiaryId beneficiary, List<Need> needs, List<Contribution> latest,
                            List<FollowUp> followUps, Function<HelperId, String> names) {
        Map<HelperId, List<Need>> roles = new LinkedHashMap<>();
        needs.stream().filter(n -> n.status() == NeedStatus.MATCHED && n.helper() != null)
                .sorted(Comparator.comparing(Need::matchedOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(n -> roles.computeIfAbsent(n.helper(), h -> new ArrayList<>()).add(n));
        List<CircleMember> members = new ArrayList<>();
        roles.forEach((helper, theirs) -> {
            List<Contribution> byThem = latest.stream().filter(c -> helper.equals(c.helper()))
                    .sorted(Comparator.comparing(Contribution::date).reversed()).toList();
            Contribution lastContact = byThem.stream().filter(Contribution::contactMade).findFirst().orElse(null);
            Contribution lastAttempt = byThem.stream().filter(c -> !c.contactMade())
                    .filter(c -> lastContact == null || c.date().isAfter(lastContact.date())).findFirst().orElse(null);
            LocalDate since = theirs.get(0).matchedOn();
            members.add(new CircleMember(helper, names.apply(helper), theirs, since, lastContact, lastAttempt,
                    nextContact(theirs, lastContact)));
        });
        List<Need> unmet = needs.stream().filter(n -> n.status() == NeedStatus.OPEN)
                .sorted(Comparator.comparing(Need::openedOn, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<FollowUp> open = followUps.stream().filter(f -> f.status() == FollowUpStatus.OPEN)
                .sorted(Comparator.comparing(FollowUp::due)).toList();
        List<Contribution> recent = latest.stream()
                .sorted(Comparator.comparing(Contribution::date).reversed()).limit(RECENT).toList();
        return new Circle(beneficiary, members, unmet, open, recent);
    }

    /**
     * The first contact any of these needs plans after the last one made (from the day each was
     * matched when none was made): the day a contact is next expected, past if it is late.
     */
    static LocalDate nextContact(List<Need> needs, Contribution lastContact) {
        return needs.stream().map(need -> {
            LocalDate after = lastContact == null || lastContact.date().isBefore(need.matchedOn())
                    ? need.matchedOn() : lastContact.date().plusDays(1);
            return ContactPlan.next(need, after);
        }).flatMap(Optional::stream).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The member who meets this need, if any. */
    public Optional<CircleMember> member(HelperId helper) {
        return members.stream().filter(m -> m.helper().equals(helper)).findFirst();
    }
}
