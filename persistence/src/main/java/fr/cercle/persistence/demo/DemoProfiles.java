package fr.cercle.persistence.demo;

import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.autonomy.AggirScore;
import fr.cercle.model.autonomy.AggirVariable;
import fr.cercle.model.autonomy.Gir;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.ChronicCondition;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.DropoutOutcome;
import fr.cercle.model.profile.DropoutPath;
import fr.cercle.model.profile.DropoutStep;
import fr.cercle.model.profile.EducationStage;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HealthProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import fr.cercle.model.profile.ParentalConsent;
import fr.cercle.model.profile.SchoolProfile;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain profiles of the demo's people, as caseworkers would fill them in: for most elderly people
 * an AGGIR grid drawn around a level of dependency, so that every GIR shows up, the APA that goes with
 * it, and about three in ten in the heatwave register; for people with a chronic disease, one or two
 * conditions, their GP and often a nurse coordinator and a person of trust; for pupils, their school
 * and absences, and for most a dropout path stopped at every step, some with an outcome.
 */
final class DemoProfiles {

    private static final List<String> RELATIONS = List.of("fille", "fils", "voisine", "neveu", "belle-fille", "ami");
    private static final List<String> FIRST_NAMES = List.of("Sophie", "Nathalie", "Pascal", "Sylvie", "Thierry", "Isabelle",
            "Laurent", "Valérie", "Didier", "Christine");
    private static final List<String> LAST_NAMES = List.of("Aubert", "Chabrol", "Delage", "Fougère", "Lavaud", "Mazeau",
            "Peyrot", "Roudier", "Tixier", "Vergnaud");
    private static final List<String> SERVICES = List.of("SSIAD du Pays Sostranien", "ADMR de La Souterraine",
            "Portage de repas du CCAS", "Cabinet infirmier des Lilas");
    private static final List<String> SCHOOLS = List.of("Collège Raymond Loewy", "Lycée Raymond Loewy",
            "Lycée professionnel Jean Favard", "Collège Jules Marouzeau", "MFR de Saint-Agnant-de-Versillat");
    private static final List<ChronicCondition> CONDITIONS = List.of(ChronicCondition.DIABETES, ChronicCondition.DIABETES,
            ChronicCondition.HEART_FAILURE, ChronicCondition.HYPERTENSION, ChronicCondition.RESPIRATORY_DISEASE,
            ChronicCondition.ASTHMA, ChronicCondition.CANCER, ChronicCondition.KIDNEY_DISEASE, ChronicCondition.STROKE,
            ChronicCondition.PARKINSON, ChronicCondition.MENTAL_ILLNESS, ChronicCondition.OBESITY);
    /** For each level of dependency (0 autonomous … 4 bedridden), the chances of a C and of a B on a variable. */
    private static final double[][] LEVELS = {{0.0, 0.10}, {0.05, 0.45}, {0.20, 0.55}, {0.55, 0.35}, {0.90, 0.10}};

    private final DemoRandom random;
    private final DemoTexts texts;
    private final LocalDate today;

    DemoProfiles(DemoRandom random, DemoTexts texts, LocalDate today) {
        this.random = random;
        this.texts = texts;
        this.today = today;
    }

    /** An elderly profile for about eight people in ten, else none. */
    ElderlyProfile elderly(Beneficiary person) {
        if (!random.chance(0.8)) {
            return null;
        }
        AggirGrid grid = grid(random.pick(List.of(0, 1, 1, 2, 2, 3, 4)));
        LocalDate assessedOn = random.daysBefore(today, 5, 700);
        Gir gir = grid.gir();
        ApaStatus apa = gir.opensApa()
                ? random.pick(List.of(ApaStatus.GRANTED, ApaStatus.GRANTED, ApaStatus.GRANTED, ApaStatus.REQUESTED))
                : random.pick(List.of(ApaStatus.NOT_REQUESTED, ApaStatus.NOT_REQUESTED, ApaStatus.REFUSED));
        boolean alone = random.chance(0.45);
        String disability = gir.number() <= 3 && random.chance(0.5) ? "Carte mobilité inclusion, fauteuil roulant" : null;
        ContactPerson emergency = random.chance(0.85)
                ? new ContactPerson(random.pick(FIRST_NAMES) + " " + random.pick(LAST_NAMES), texts.mobile(random),
                random.pick(RELATIONS))
                : ContactPerson.NONE;
        return new ElderlyProfile(person.id(), grid, assessedOn, apa, alone, disability, emergency,
                random.chance(alone ? 0.3 : 0.15) ? registration(person, emergency) : HeatwaveRegistration.NONE);
    }

    private HeatwaveRegistration registration(Beneficiary person, ContactPerson emergency) {
        LocalDate on = random.daysBefore(today, 10, 1500);
        int age = Period.between(person.birthDate(), on).getYears();
        HeatwaveCapacity capacity = age >= 65 ? HeatwaveCapacity.AGED_65
                : age >= 60 ? HeatwaveCapacity.AGED_60_UNFIT_FOR_WORK : HeatwaveCapacity.DISABLED_ADULT;
        HeatwaveRequester by = random.pick(List.of(HeatwaveRequester.SELF, HeatwaveRequester.SELF, HeatwaveRequester.THIRD_PARTY,
                HeatwaveRequester.THIRD_PARTY, HeatwaveRequester.TOWN_HALL, HeatwaveRequester.LEGAL_REPRESENTATIVE));
        String requester = !by.namesSomeoneElse() ? null
                : emergency.name() != null ? emergency.name() + ", " + emergency.relation()
                : random.pick(FIRST_NAMES) + " " + random.pick(LAST_NAMES);
        return new HeatwaveRegistration(on, by, requester, capacity, random.chance(0.5) ? random.pick(SERVICES) : null);
    }

    private AggirGrid grid(int level) {
        Map<AggirVariable, AggirScore> scores = new EnumMap<>(AggirVariable.class);
        for (AggirVariable variable : AggirVariable.values()) {
            double draw = random.unit();
            scores.put(variable, draw < LEVELS[level][0] ? AggirScore.C
                    : draw < LEVELS[level][0] + LEVELS[level][1] ? AggirScore.B : AggirScore.A);
        }
        return new AggirGrid(scores);
    }

    /** A health profile for about nine people in ten followed for a chronic disease. */
    HealthProfile health(Beneficiary person) {
        if (!random.chance(0.9)) {
            return null;
        }
        Set<ChronicCondition> conditions = EnumSet.of(random.pick(CONDITIONS));
        if (random.chance(0.3)) {
            conditions.add(random.pick(CONDITIONS));
        }
        ContactPerson gp = new ContactPerson("Dr " + random.pick(LAST_NAMES), texts.landline(random));
        ContactPerson nurse = random.chance(0.6)
                ? new ContactPerson(random.pick(FIRST_NAMES) + " " + random.pick(LAST_NAMES) + " (IDE)", texts.mobile(random))
                : ContactPerson.NONE;
        ContactPerson trust = random.chance(0.5)
                ? new ContactPerson(random.pick(FIRST_NAMES) + " " + person.lastName(), texts.mobile(random))
                : ContactPerson.NONE;
        return new HealthProfile(person.id(), conditions, random.chance(0.15) ? "Arthrose" : null, nurse, gp, trust,
                random.pick(List.of(EducationStage.values())));
    }

    /** A school profile for about nine pupils in ten, most with a dropout path at some step. */
    SchoolProfile school(Beneficiary person) {
        if (!random.chance(0.9)) {
            return null;
        }
        int age = Period.between(person.birthDate(), today).getYears();
        String schoolClass = age <= 14 ? random.pick(List.of("4e", "3e")) : age <= 16 ? random.pick(List.of("3e", "2nde", "CAP 1"))
                : random.pick(List.of("1re", "Terminale", "CAP 2"));
        Integer absent = random.chance(0.8) ? random.between(0, 24) : null;
        Integer unjustified = absent == null ? null : random.between(0, absent);
        DropoutPath path = random.chance(0.7) ? path() : DropoutPath.NONE;
        ParentalConsent consent = ParentalConsent.NONE;
        if (BeneficiaryRules.minorOn(person.birthDate(), today)) {
            String by = person.consent().guardian() != null ? person.consent().guardian()
                    : "Mme " + person.lastName() + ", sa mère";
            consent = new ParentalConsent(person.consent().date() != null ? person.consent().date()
                    : random.daysBefore(today, 30, 300), by);
        }
        return new SchoolProfile(person.id(), random.pick(SCHOOLS), schoolClass,
                random.pick(List.of("M. ", "Mme ")) + random.pick(LAST_NAMES) + " (CPE)", absent, unjustified,
                absent == null ? null : random.daysBefore(today, 0, 20), path, consent);
    }

    /** A path stopped at some step (each reached a few weeks after the one before), a third with an outcome. */
    private DropoutPath path() {
        int steps = 1 + random.below(DropoutStep.values().length);
        LocalDate day = random.daysBefore(today, 60, 300);
        DropoutPath path = DropoutPath.NONE;
        for (int i = 0; i < steps; i++) {
            path = path.with(DropoutStep.values()[i], day);
            day = day.plusDays(random.between(5, 25));
            if (day.isAfter(today)) {
                day = today;
            }
        }
        if (random.chance(0.35)) {
            DropoutOutcome outcome = steps == 1 ? DropoutOutcome.UNREACHABLE
                    : random.pick(List.of(DropoutOutcome.BACK_TO_SCHOOL, DropoutOutcome.APPRENTICESHIP,
                    DropoutOutcome.VOCATIONAL_TRAINING, DropoutOutcome.JOB, DropoutOutcome.REFUSED));
            path = path.withOutcome(outcome, day);
        }
        return path;
    }
}
