package fr.cercle.model.circle;

import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Need;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A helper in a person's circle: the needs they meet for the person (their roles), since when, the
 * last time they reached the person, a later attempt that did not reach them, and the next contact
 * their needs' rhythm expects.
 *
 * @param name         the helper's name, or null when this installation does not hold the helper
 * @param since        the earliest day one of their needs was matched with them
 * @param lastContact  the latest contribution that reached the person, or null
 * @param lastAttempt  a contribution later than {@code lastContact} that did not reach the person, or null
 * @param nextContact  the first planned contact after the last one (it may be past: then it is late), or null
 */
public record CircleMember(HelperId helper, String name, List<Need> needs, LocalDate since,
                           Contribution lastContact, Contribution lastAttempt, LocalDate nextContact) {

    public CircleMember {
        Objects.requireNonNull(helper, "helper");
        needs = List.copyOf(needs);
    }

    /** The expected contact did not happen: it was planned before today. */
    public boolean late(LocalDate today) {
        return nextContact != null && nextContact.isBefore(today);
    }

    public Optional<Contribution> last() {
        return Optional.ofNullable(lastContact);
    }
}
