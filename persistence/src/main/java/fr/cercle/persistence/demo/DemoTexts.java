package fr.cercle.persistence.demo;

import fr.cercle.model.common.Text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The free texts of demo records: addresses of a small town and its villages, phone numbers and
 * e-mail addresses that cannot reach anyone, and short situations a caseworker would write.
 *
 * <p>Phone numbers come only from the ranges ARCEP keeps for fiction (landlines {@code 01 99 00 xx xx},
 * mobiles {@code 06 39 98 xx xx}) and e-mail addresses only from {@code example.fr} and
 * {@code example.org}, so a demo file exported by mistake cannot ring or mail a real person.
 *
 * <p>Situation templates mark gendered words as {@code [feminine|masculine]}.
 */
final class DemoTexts {

    private static final Pattern GENDERED = Pattern.compile("\\[([^|\\]]*)\\|([^\\]]*)]");
    private static final Pattern NOT_EMAIL_SAFE = Pattern.compile("[^a-z0-9 ]");

    private static final List<String> TOWN_STREETS = List.of(
            "rue des Écoles", "avenue de la Gare", "rue du Commerce", "rue de la Fontaine", "place du Marché",
            "rue des Lilas", "allée des Tilleuls", "rue Jean Jaurès", "rue Victor Hugo", "avenue du Général de Gaulle",
            "impasse des Acacias", "rue de la Porte Saint-Jean", "boulevard des Remparts", "rue du Puy", "rue des Tanneries",
            "chemin de la Croix", "rue Émile Zola", "rue des Prés", "place de l'Église", "rue Pasteur");
    private static final List<String> TOWN_RESIDENCES = List.of(
            "Résidence Les Glycines", "Résidence du Parc", "Résidence Les Bruyères", "Résidence Les Chênes");
    private static final List<String> VILLAGE_STREETS = List.of(
            "rue de l'Église", "impasse du Lavoir", "chemin des Vignes", "place de la Mairie", "route du Moulin",
            "rue du Four", "chemin de la Source", "allée des Marronniers");
    private static final List<String> HAMLETS = List.of(
            "Les Bruyères", "La Croix-Blanche", "Le Mas", "Les Granges", "La Chassagne", "Le Puy", "Les Combes",
            "La Valette", "Chez Bidaud", "Chez Gaudy", "Les Vergnes", "La Fayolle", "Le Chézeau", "Les Fougères",
            "Le Chiron", "La Roche", "Villemonteix", "Le Cros", "La Barde", "Les Forges");
    private static final List<String> ROUTES = List.of(
            "route de La Souterraine", "route de Guéret", "route de Dun", "route de Bénévent", "route d'Arnac");

    private static final List<String> ELDERLY = List.of(
            "Vit [seule|seul] depuis le décès de [son mari|sa femme], sort peu l'hiver.",
            "Vit [seule|seul] dans une maison isolée, sans voiture depuis deux ans.",
            "Ses enfants vivent à Limoges et passent un dimanche par mois.",
            "Chute à domicile en début d'année, marche avec un déambulateur.",
            "GIR 4, aide à domicile trois matinées par semaine.",
            "Ne conduit plus, a besoin d'aide pour les courses du samedi.",
            "Troubles de la mémoire débutants, [sa fille|son fils] s'inquiète de son isolement.",
            "Aime parler de son jardin, aimerait de la compagnie l'après-midi.",
            "[Ancienne institutrice|Ancien instituteur] du village, apprécie la lecture à voix haute.",
            "[Ancienne couturière|Ancien maçon], aime parler du pays et jouer aux cartes.",
            "[Inscrite|Inscrit] au registre canicule l'été dernier, ne décroche pas toujours le téléphone.",
            "[Malentendante|Malentendant], préfère les visites aux appels.",
            "Vit avec [son mari|sa femme], [lui-même très fatigué|elle-même très fatiguée] ; le couple a besoin de répit.",
            "Rentre d'une hospitalisation à Guéret, a besoin d'aide pour les courses et les papiers.",
            "N'utilise pas internet, a besoin d'aide pour ses démarches de retraite.",
            "Voisins attentifs mais partis l'hiver, personne ne passe certains jours.",
            "Chauffage au bois, ne peut plus rentrer les bûches [seule|seul].");

    private static final List<String> HEALTH = List.of(
            "Diabète de type 2, a besoin d'être [accompagnée|accompagné] à ses rendez-vous à Guéret.",
            "[Dialysée|Dialysé] trois fois par semaine à Guéret, cherche des solutions de transport.",
            "Insuffisance cardiaque, doit limiter les efforts ; les courses sont difficiles.",
            "Sclérose en plaques, grande fatigue en fin de journée.",
            "[En rémission d'un cancer du sein, souhaite échanger avec une patiente experte.|En rémission d'un cancer du côlon, souhaite échanger avec un patient expert.]",
            "BPCO, sous oxygène la nuit, ne sort plus [seule|seul].",
            "Polyarthrite rhumatoïde, difficultés pour le ménage et le jardin.",
            "Maladie de Parkinson diagnostiquée il y a trois ans, souhaite garder une vie sociale.",
            "Suit un programme d'éducation thérapeutique à l'hôpital de Guéret.",
            "Épilepsie, ne peut pas conduire ; a besoin de transport pour ses rendez-vous.",
            "Maladie de Crohn, arrêts de travail fréquents, démarches administratives en retard.",
            "Insuffisance rénale, suivi au CHU de Limoges tous les trois mois.",
            "Asthme sévère, [mère|père] de deux enfants, a besoin d'aide pour son dossier MDPH.",
            "Dépression depuis la perte de son emploi, le médecin traitant conseille un accompagnement.",
            "Diabète de type 1 déséquilibré, oublie ses contrôles quand [elle|il] est [seule|seul].");

    private static final List<String> SCHOOL_YOUNGER = List.of(
            "Absentéisme depuis la rentrée, en 3e, résultats en baisse.",
            "En 4e, [exclue|exclu] deux fois ce trimestre, le GPDS a proposé un tutorat.",
            "Décroche en mathématiques, ne rend plus ses devoirs.",
            "[Harcelée|Harcelé] l'an dernier, refuse d'aller en cours certains jours.",
            "Famille arrivée récemment, progresse en français, a besoin d'aide aux devoirs.",
            "En 3e, ne sait pas quoi faire après le collège, stage d'observation à trouver.");

    private static final List<String> SCHOOL_OLDER = List.of(
            "Absentéisme depuis la rentrée, en 1re bac pro, envisage l'apprentissage.",
            "A quitté le lycée en seconde sans diplôme, [inscrite|inscrit] à la mission locale.",
            "En CAP, cherche une entreprise pour son alternance.",
            "[Repérée|Repéré] par la plateforme de décrochage, n'a pas répondu aux premiers appels.",
            "Souhaite reprendre une formation dans la mécanique agricole.",
            "Travaille l'été dans une ferme, hésite entre apprentissage et retour au lycée.",
            "En terminale, ne vient plus le lundi, s'occupe de ses frères et sœurs.",
            "Sans permis, a du mal à rejoindre un centre de formation à Guéret.",
            "[Sortie|Sorti] du lycée en cours d'année, souhaite passer le permis et travailler.");

    private static final List<String> CONTEXT = List.of(
            "Préfère être [appelée|appelé] le matin.",
            "A un chien, prévenir avant de passer.",
            "Pas de réseau mobile à la maison, appeler le fixe.",
            "Rendez-vous de suivi tous les deux mois au CCAS.");

    private static final String UNDER_GUARDIANSHIP = "Sous tutelle, un mandataire judiciaire signe pour [elle|lui].";

    /** Names in French of the languages names may carry, by ISO 639-1 code. */
    private static final Map<String, String> LANGUAGE_NAMES = Map.of(
            "pt", "portugais", "ar", "arabe", "tr", "turc", "en", "anglais", "nl", "néerlandais", "vi", "vietnamien");

    DemoTexts() {
    }

    /** An address line in the main town, or in a village of the area. */
    String addressLine(DemoRandom random, boolean mainTown) {
        if (mainTown) {
            double kind = random.unit();
            if (kind < 0.15) {
                return random.pick(TOWN_RESIDENCES) + ", appartement " + random.between(1, 48);
            }
            String number = Integer.toString(random.between(1, 85)) + (kind > 0.95 ? " bis" : "");
            return number + " " + random.pick(TOWN_STREETS);
        }
        double kind = random.unit();
        if (kind < 0.15) {
            return "Le Bourg";
        }
        if (kind < 0.30) {
            return random.between(1, 30) + " Le Bourg";
        }
        if (kind < 0.65) {
            return "Lieu-dit " + random.pick(HAMLETS);
        }
        if (kind < 0.85) {
            return random.between(1, 40) + " " + random.pick(ROUTES);
        }
        return random.between(1, 20) + " " + random.pick(VILLAGE_STREETS);
    }

    String landline(DemoRandom random) {
        return "01 99 00 " + random.twoDigits() + " " + random.twoDigits();
    }

    String mobile(DemoRandom random) {
        return "06 39 98 " + random.twoDigits() + " " + random.twoDigits();
    }

    /** An address at {@code example.fr} or {@code example.org}, made from the name as people do. */
    String email(DemoRandom random, PersonName name) {
        String first = emailPart(name.firstName());
        String last = emailPart(name.lastName());
        String domain = random.chance(0.6) ? "example.fr" : "example.org";
        double style = random.unit();
        String local;
        if (style < 0.45) {
            local = first + "." + last;
        } else if (style < 0.65) {
            local = first + "." + last + random.between(1, 99);
        } else if (style < 0.85) {
            local = first.charAt(0) + last;
        } else {
            local = last + "." + first;
        }
        return local + "@" + domain;
    }

    /** The name in lower-case ASCII, words joined by hyphens: "Marie-Thérèse" becomes "marie-therese". */
    static String emailPart(String name) {
        String folded = Text.fold(name).replace('ı', 'i').toLowerCase(Locale.ROOT);
        String ascii = NOT_EMAIL_SAFE.matcher(folded).replaceAll("").strip();
        return ascii.isEmpty() ? "contact" : ascii.replace(' ', '-');
    }

    String elderlySituation(DemoRandom random, boolean female) {
        return gendered(random.pick(ELDERLY), female);
    }

    String healthSituation(DemoRandom random, boolean female) {
        return gendered(random.pick(HEALTH), female);
    }

    String schoolSituation(DemoRandom random, boolean female, int age) {
        return gendered(random.pick(age < 16 ? SCHOOL_YOUNGER : SCHOOL_OLDER), female);
    }

    String context(DemoRandom random, boolean female) {
        return gendered(random.pick(CONTEXT), female);
    }

    /** Why the consent of an adult was given by a legal representative. */
    String guardianship(boolean female) {
        return gendered(UNDER_GUARDIANSHIP, female);
    }

    /** "Parle mieux portugais que français." for a language of the list, else {@code null}. */
    String preferredLanguage(String language) {
        String name = LANGUAGE_NAMES.get(language);
        return name == null ? null : "Parle mieux " + name + " que français.";
    }

    /** Keeps the feminine or the masculine side of every {@code [feminine|masculine]} of the template. */
    static String gendered(String template, boolean female) {
        Matcher matcher = GENDERED.matcher(template);
        StringBuilder result = new StringBuilder(template.length());
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(female ? matcher.group(1) : matcher.group(2)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
