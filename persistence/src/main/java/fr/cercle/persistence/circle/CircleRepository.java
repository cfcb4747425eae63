package fr.cercle.persistence.circle;

import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.circle.Circle;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Need;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.need.NeedRepository;
import fr.cercle.persistence.write.ChangeWriter;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's circle read in one go for their page: their needs, the part of their history that says
 * when each helper last reached them, the latest contributions, the open follow-ups, and the names of
 * their helpers. Read under the file's need-to-know rule: nothing for a file the viewer may not read.
 */
public final class CircleRepository {

    private final BeneficiaryRepository files;
    private final NeedRepository needs;
    private final ContributionRepository contributions;
    private final HelperRepository helpers;

    public CircleRepository(DSLContext dsl, ChangeWriter writer, Clock clock, Viewer viewer) {
        this.files = new BeneficiaryRepository(dsl, writer, clock, viewer);
        this.needs = new NeedRepository(dsl, writer, clock, viewer);
        this.contributions = new ContributionRepository(dsl, writer, clock, viewer);
        this.helpers = new HelperRepository(dsl, writer, clock, viewer);
    }

    /** The circle around a person, if the viewer may read their file. */
    public Optional<Circle> of(BeneficiaryId file) {
        if (files.find(file).isEmpty()) {
            return Optional.empty();
        }
        List<Need> theirNeeds = needs.ofFile(file);
        // Each helper of the circle from their last contact on (from their first match, if none): their
        // last contact and the attempts after it. The rest of the history is not read.
        Map<HelperId, LocalDate> lastContacts = contributions.lastContacts(file);
        Map<HelperId, LocalDate> from = new HashMap<>();
        theirNeeds.stream().filter(n -> n.status() == NeedStatus.MATCHED && n.helper() != null && n.matchedOn() != null)
                .forEach(n -> from.merge(n.helper(), lastContacts.getOrDefault(n.helper(), n.matchedOn()),
                        (a, b) -> a.isBefore(b) ? a : b));
        LocalDate since = from.values().stream().min(Comparator.naturalOrder()).orElse(null);
        List<Contribution> history = contributions.since(file, since, Circle.RECENT);
        Map<HelperId, String> names = new HashMap<>();
        return Optional.of(Circle.of(file, theirNeeds, history, contributions.followUps(file),
                helper -> names.computeIfAbsent(helper, id -> helpers.find(id).map(Helper::fullName).orElse(null))));
    }
}
