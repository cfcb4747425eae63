package fr.cercle.app.beneficiary.profile;

import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Part;
import fr.cercle.model.autonomy.AggirVariable;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.common.Domain;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HealthProfile;
import fr.cercle.model.profile.SchoolProfile;
import fr.cercle.model.staff.StaffId;
import fr.cercle.persistence.profile.ProfileRepository;
import fr.cercle.persistence.write.Change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The domain profiles of the file the form shows (decision 0012): one part per domain the file is
 * followed in and the viewer sees (need-to-know: the health part only for the health domain…). Loads
 * them with the file, checks them with it, and hands the form what to save with it, in one
 * transaction. A domain unticked leaves its profile as it was.
 */
public final class ProfilesViewModel {

    private final AppContext context;
    private final I18n i18n;
    private final ElderlyProfileViewModel elderly;
    private final HealthProfileViewModel health = new HealthProfileViewModel();
    private final SchoolProfileViewModel school;
    private List<Object> baseline = List.of();
    private BeneficiaryId shown;

    public ProfilesViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        this.elderly = new ElderlyProfileViewModel(i18n);
        this.school = new SchoolProfileViewModel(i18n);
    }

    // Properties

    public ElderlyProfileViewModel elderly() {
        return elderly;
    }

    public HealthProfileViewModel health() {
        return health;
    }

    public SchoolProfileViewModel school() {
        return school;
    }

    /** Whether the signed-in person sees this domain's part of a file (its section is left out otherwise). */
    public boolean sees(Domain domain) {
        return NeedToKnow.visibleParts(context.viewer()).contains(part(domain));
    }

    // Commands

    /** A new file: empty parts. */
    public void startNew(BeneficiaryId file) {
        shown = file;
        elderly.fill(ElderlyProfile.empty(file));
        health.fill(HealthProfile.empty(file));
        school.fill(SchoolProfile.empty(file));
        baseline = all(file);
    }

    /** Loads the profiles of an existing file in the background. */
    public void load(BeneficiaryId file, Runnable onFailure) {
        shown = file;
        ProfileRepository repository = repository();
        context.tasks().run(() -> List.<Object>of(
                repository.elderly(file).orElse(ElderlyProfile.empty(file)),
                repository.health(file).orElse(HealthProfile.empty(file)),
                repository.school(file).orElse(SchoolProfile.empty(file))), found -> {
            if (!file.equals(shown)) {
                return;
            }
            elderly.fill((ElderlyProfile) found.get(0));
            health.fill((HealthProfile) found.get(1));
            school.fill((SchoolProfile) found.get(2));
            baseline = all(file);
        }, e -> onFailure.run());
    }

    /** Whether a part of a domain the file is followed in holds something not saved yet. */
    public boolean hasChanges(BeneficiaryId file, Set<Domain> domains) {
        List<Object> now = all(file);
        for (Domain domain : domains) {
            int i = domain.ordinal();
            if (sees(domain) && i < baseline.size() && !Objects.equals(baseline.get(i), now.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** What to fix in the parts of the file's domains, field by field, as the form shows it. */
    public Map<String, String> check(Beneficiary file) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(context.clock());
        if (shows(file, Domain.ELDERLY)) {
            errors.putAll(ProblemMessages.byField(i18n, elderly.toProfile(file.id()).validate(today, file)));
            int scored = elderly.scored();
            if (scored > 0 && scored < AggirVariable.values().length) {
                errors.put(ElderlyProfile.AGGIR, i18n.format("profile.elderly.gir.incomplete.error",
                        AggirVariable.values().length - scored));
            }
        }
        if (shows(file, Domain.HEALTH)) {
            errors.putAll(ProblemMessages.byField(i18n, health.toProfile(file.id()).validate(today, file)));
        }
        if (shows(file, Domain.SCHOOL)) {
            errors.putAll(ProblemMessages.byField(i18n, school.toProfile(file.id()).validate(today, file)));
            errors.putAll(school.unreadable());
        }
        return errors;
    }

    /** The profiles to save with the file: those of its domains the viewer sees. */
    public List<Object> toSave(Beneficiary file) {
        List<Object> profiles = new ArrayList<>();
        if (shows(file, Domain.ELDERLY)) {
            profiles.add(elderly.toProfile(file.id()));
        }
        if (shows(file, Domain.HEALTH)) {
            profiles.add(health.toProfile(file.id()));
        }
        if (shows(file, Domain.SCHOOL)) {
            profiles.add(school.toProfile(file.id()));
        }
        return profiles;
    }

    /** Saves the file and its profiles in one transaction (off the screen's thread). */
    public Change save(Beneficiary file, List<Object> profiles, StaffId author) {
        return repository().saveWithFile(file, profiles, author);
    }

    /** What the form shows is now what is saved. */
    public void saved(BeneficiaryId file) {
        shown = file;
        baseline = all(file);
    }

    private boolean shows(Beneficiary file, Domain domain) {
        return file.domains().contains(domain) && sees(domain);
    }

    private List<Object> all(BeneficiaryId file) {
        return List.of(elderly.toProfile(file), health.toProfile(file), school.toProfile(file));
    }

    private ProfileRepository repository() {
        return new ProfileRepository(context.database().dsl(), context.database().writer(), context.clock(), context.viewer());
    }

    private static Part part(Domain domain) {
        return switch (domain) {
            case ELDERLY -> ElderlyProfile.PART;
            case HEALTH -> HealthProfile.PART;
            case SCHOOL -> SchoolProfile.PART;
        };
    }
}
