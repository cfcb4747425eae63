package fr.cercle.persistence.demo;

import fr.cercle.model.common.Contact;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.helper.BackgroundCheck;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.Helper;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.helper.WeeklySlot;
import fr.cercle.persistence.demo.PersonName.Gender;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes demo helpers one at a time. Each follows one of the profiles a CCAS actually recruits:
 * retired neighbours (visits, calls, shopping, transport, on weekday daytimes), students (homework
 * help and mentoring, after school, with a background check since they meet minors), expert
 * patients (peer support, accompaniment to appointments) and other working-age volunteers
 * (paperwork, digital help, small repairs, meals, translation, in the evening and at weekends).
 */
final class DemoHelpers {

    private enum Profile {
        RETIRED_NEIGHBOUR,
        STUDENT,
        EXPERT_PATIENT,
        OTHER
    }

    private static final List<Skill> NEIGHBOUR_SKILLS = List.of(Skill.VISITS, Skill.PHONE_CALLS, Skill.SHOPPING, Skill.TRANSPORT);
    private static final List<Skill> OTHER_SKILLS = List.of(Skill.PAPERWORK, Skill.DIGITAL_HELP,
            Skill.GARDENING_AND_SMALL_REPAIRS, Skill.MEALS);
    /** Skills that put a helper in contact with minors: they call for a background check. */
    private static final Set<Skill> WITH_MINORS = EnumSet.of(Skill.HOMEWORK_HELP, Skill.MENTORING,
            Skill.ORIENTATION_AND_JOB_SEARCH);

    private static final List<String> NEIGHBOUR_TAGS = List.of("jardinage", "tricot", "belote", "randonnée", "chorale",
            "cuisine", "bricolage", "lecture", "pétanque", "voiture", "photographie", "généalogie");
    private static final List<String> STUDENT_TAGS = List.of("maths", "anglais", "français", "football", "musique",
            "informatique", "bafa", "théâtre", "dessin", "physique");
    private static final List<String> PATIENT_TAGS = List.of("diabète", "dialyse", "cancer", "sclérose", "etp",
            "cardiologie", "asthme");
    private static final List<String> OTHER_TAGS = List.of("couture", "informatique", "comptabilité", "cuisine",
            "bricolage", "mécanique", "administratif", "permis");

    private static final List<WeeklySlot> DAYTIME = slots(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), DayPart.MORNING, DayPart.AFTERNOON);
    private static final List<WeeklySlot> WEEKDAY_DAYTIME = slots(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), DayPart.MORNING, DayPart.AFTERNOON);
    private static final List<WeeklySlot> AFTER_SCHOOL = List.of(
            new WeeklySlot(DayOfWeek.MONDAY, DayPart.EVENING), new WeeklySlot(DayOfWeek.TUESDAY, DayPart.EVENING),
            new WeeklySlot(DayOfWeek.WEDNESDAY, DayPart.AFTERNOON), new WeeklySlot(DayOfWeek.THURSDAY, DayPart.EVENING),
            new WeeklySlot(DayOfWeek.FRIDAY, DayPart.EVENING), new WeeklySlot(DayOfWeek.SATURDAY, DayPart.MORNING),
            new WeeklySlot(DayOfWeek.SATURDAY, DayPart.AFTERNOON));
    private static final List<WeeklySlot> OUTSIDE_WORK = List.of(
            new WeeklySlot(DayOfWeek.MONDAY, DayPart.EVENING), new WeeklySlot(DayOfWeek.TUESDAY, DayPart.EVENING),
            new WeeklySlot(DayOfWeek.WEDNESDAY, DayPart.EVENING), new WeeklySlot(DayOfWeek.THURSDAY, DayPart.EVENING),
            new WeeklySlot(DayOfWeek.SATURDAY, DayPart.MORNING), new WeeklySlot(DayOfWeek.SATURDAY, DayPart.AFTERNOON),
            new WeeklySlot(DayOfWeek.SUNDAY, DayPart.MORNING));

    private final DemoRandom random;
    private final DemoTerritory territory;
    private final DemoNames names;
    private final DemoTexts texts;
    private final LocalDate today;
    private final Quota<Profile> profiles = Quota.<Profile>builder()
            .add(Profile.RETIRED_NEIGHBOUR, 4).add(Profile.STUDENT, 2).add(Profile.EXPERT_PATIENT, 1).add(Profile.OTHER, 3)
            .build();
    private final Quota<HelperStatus> statuses = Quota.<HelperStatus>builder()
            .add(HelperStatus.ACTIVE, 16).add(HelperStatus.PAUSED, 3).add(HelperStatus.LEFT, 1)
            .build();

    DemoHelpers(DemoRandom random, DemoTerritory territory, DemoNames names, DemoTexts texts, LocalDate today) {
        this.random = random;
        this.territory = territory;
        this.names = names;
        this.texts = texts;
        this.today = today;
    }

    Helper next() {
        HelperId id = new HelperId(random.uuid());
        Profile profile = profiles.next(random);
        HelperStatus status = statuses.next(random);
        int age = switch (profile) {
            case RETIRED_NEIGHBOUR -> random.between(62, 82);
            case STUDENT -> random.between(17, 24);
            case EXPERT_PATIENT -> random.between(35, 70);
            case OTHER -> random.between(28, 66);
        };
        Gender gender = random.chance(profile == Profile.OTHER ? 0.55 : 0.6) ? Gender.FEMALE : Gender.MALE;
        PersonName name = names.draw(random, gender, age);
        Commune commune = territory.draw(random);
        Set<Skill> skills = skills(profile, name);
        return new Helper(id, name.firstName(), name.lastName(), contact(profile, name), commune.code(), skills,
                new TreeSet<>(tags(profile)), languages(profile, name), new TreeSet<>(availability(profile)),
                maxCommitments(profile),
                charter(), backgroundCheck(skills), status);
    }

    private Set<Skill> skills(Profile profile, PersonName name) {
        EnumSet<Skill> skills = EnumSet.noneOf(Skill.class);
        switch (profile) {
            case RETIRED_NEIGHBOUR -> {
                skills.addAll(some(NEIGHBOUR_SKILLS, 2, 4));
                addSometimes(skills, Skill.GARDENING_AND_SMALL_REPAIRS, 0.25);
                addSometimes(skills, Skill.MEALS, 0.15);
                addSometimes(skills, Skill.PAPERWORK, 0.10);
            }
            case STUDENT -> {
                skills.add(random.chance(0.6) ? Skill.HOMEWORK_HELP : Skill.MENTORING);
                addSometimes(skills, Skill.HOMEWORK_HELP, 0.6);
                addSometimes(skills, Skill.MENTORING, 0.5);
                addSometimes(skills, Skill.ORIENTATION_AND_JOB_SEARCH, 0.2);
                addSometimes(skills, Skill.DIGITAL_HELP, 0.25);
            }
            case EXPERT_PATIENT -> {
                skills.add(Skill.PEER_SUPPORT);
                addSometimes(skills, Skill.ACCOMPANIMENT_TO_APPOINTMENTS, 0.8);
                addSometimes(skills, Skill.PHONE_CALLS, 0.4);
                addSometimes(skills, Skill.TRANSPORT, 0.2);
            }
            case OTHER -> {
                skills.addAll(some(OTHER_SKILLS, 1, 3));
                addSometimes(skills, Skill.ORIENTATION_AND_JOB_SEARCH, 0.15);
                addSometimes(skills, Skill.MENTORING, 0.10);
            }
        }
        if (name.otherLanguage() != null && random.chance(profile == Profile.OTHER ? 0.7 : 0.4)) {
            skills.add(Skill.TRANSLATION);
        }
        return skills;
    }

    private void addSometimes(Set<Skill> skills, Skill skill, double probability) {
        if (random.chance(probability)) {
            skills.add(skill);
        }
    }

    private Contact contact(Profile profile, PersonName name) {
        String phone;
        double emailShare;
        switch (profile) {
            case RETIRED_NEIGHBOUR -> {
                double kind = random.unit();
                phone = kind < 0.5 ? texts.landline(random) : kind < 0.97 ? texts.mobile(random) : null;
                emailShare = 0.45;
            }
            case STUDENT -> {
                phone = random.chance(0.98) ? texts.mobile(random) : null;
                emailShare = 0.85;
            }
            default -> {
                phone = random.chance(0.95) ? texts.mobile(random) : null;
                emailShare = 0.65;
            }
        }
        String email = random.chance(emailShare) ? texts.email(random, name) : null;
        if (phone == null && email == null) {
            phone = texts.mobile(random);
        }
        return new Contact(phone, email);
    }

    private List<String> tags(Profile profile) {
        List<String> pool = switch (profile) {
            case RETIRED_NEIGHBOUR -> NEIGHBOUR_TAGS;
            case STUDENT -> STUDENT_TAGS;
            case EXPERT_PATIENT -> PATIENT_TAGS;
            case OTHER -> OTHER_TAGS;
        };
        return some(pool, 0, 3);
    }

    private TreeSet<String> languages(Profile profile, PersonName name) {
        TreeSet<String> languages = new TreeSet<>();
        languages.add("fr");
        if (name.otherLanguage() != null) {
            languages.add(name.otherLanguage());
        }
        switch (profile) {
            case STUDENT -> {
                addSometimes(languages, "en", 0.6);
                addSometimes(languages, "es", 0.3);
                addSometimes(languages, "de", 0.1);
            }
            case OTHER -> {
                addSometimes(languages, "en", 0.3);
                addSometimes(languages, "es", 0.1);
                addSometimes(languages, "it", 0.05);
            }
            case RETIRED_NEIGHBOUR -> {
                addSometimes(languages, "en", 0.1);
                addSometimes(languages, "de", 0.05);
            }
            case EXPERT_PATIENT -> addSometimes(languages, "en", 0.15);
        }
        return languages;
    }

    private void addSometimes(Set<String> languages, String language, double probability) {
        if (random.chance(probability)) {
            languages.add(language);
        }
    }

    private List<WeeklySlot> availability(Profile profile) {
        if (random.chance(0.05)) {
            return List.of();
        }
        return switch (profile) {
            case RETIRED_NEIGHBOUR -> some(DAYTIME, 2, 5);
            case STUDENT -> some(AFTER_SCHOOL, 1, 3);
            case EXPERT_PATIENT -> some(WEEKDAY_DAYTIME, 1, 4);
            case OTHER -> some(OUTSIDE_WORK, 1, 3);
        };
    }

    private int maxCommitments(Profile profile) {
        return switch (profile) {
            case RETIRED_NEIGHBOUR -> {
                double draw = random.unit();
                yield draw < 0.3 ? 1 : draw < 0.7 ? 2 : draw < 0.9 ? 3 : 4;
            }
            case STUDENT, OTHER -> random.between(1, 2);
            case EXPERT_PATIENT -> random.between(1, 3);
        };
    }

    /** Most have signed the charter, some time in the last three years; newcomers have not yet. */
    private LocalDate charter() {
        return random.chance(0.88) ? random.daysBefore(today, 7, 3 * 365) : null;
    }

    private BackgroundCheck backgroundCheck(Set<Skill> skills) {
        boolean withMinors = skills.stream().anyMatch(WITH_MINORS::contains);
        double draw = random.unit();
        double valid = withMinors ? 0.78 : 0.08;
        double requested = withMinors ? 0.95 : 0.12;
        if (draw < valid) {
            return new BackgroundCheck(BackgroundCheckStatus.VALID, random.daysBefore(today, 15, 700));
        }
        if (draw < requested) {
            return new BackgroundCheck(BackgroundCheckStatus.REQUESTED, random.daysBefore(today, 1, 60));
        }
        return BackgroundCheck.NOT_REQUESTED;
    }

    /** Between {@code min} and {@code max} distinct values of the list, in the list's order. */
    private <T> List<T> some(List<T> values, int min, int max) {
        int count = Math.min(random.between(min, max), values.size());
        List<T> pool = new ArrayList<>(values);
        List<T> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.below(pool.size())));
        }
        return chosen;
    }

    private static List<WeeklySlot> slots(List<DayOfWeek> days, DayPart... parts) {
        List<WeeklySlot> slots = new ArrayList<>();
        for (DayOfWeek day : days) {
            for (DayPart part : parts) {
                slots.add(new WeeklySlot(day, part));
            }
        }
        return List.copyOf(slots);
    }
}
