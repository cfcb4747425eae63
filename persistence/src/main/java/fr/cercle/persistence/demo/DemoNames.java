package fr.cercle.persistence.demo;

import fr.cercle.persistence.demo.PersonName.Gender;

import java.util.ArrayList;
import java.util.List;

/**
 * Fictional names as a small town of Creuse would show them: mostly common French and Limousin
 * family names, first names that fit the person's generation (a 90-year-old Germaine, a 15-year-old
 * Enzo), some accents, hyphens and apostrophes, and families of other origins in plausible shares
 * (Portuguese, North African, Turkish, West African, and the British and Dutch who settled in the
 * Limousin countryside). First and last names are combined at random, so nobody real is described.
 */
final class DemoNames {

    /** The four generations that first-name fashions follow, by age on the reference date. */
    enum Generation {
        /** 70 and older: born before the late 1950s. */
        ELDER,
        /** 45 to 69. */
        MIDDLE,
        /** 25 to 44. */
        ADULT,
        /** Under 25. */
        YOUNG;

        static Generation ofAge(int age) {
            if (age >= 70) {
                return ELDER;
            }
            if (age >= 45) {
                return MIDDLE;
            }
            return age >= 25 ? ADULT : YOUNG;
        }
    }

    /**
     * A family background: its language (or {@code null}), family names, own first names for the two
     * older then the two younger generations, its weight in each generation (per thousand), the
     * share of each generation given a French first name, and the share speaking the language.
     */
    private record Origin(String language, List<String> lastNames, List<List<String>> female,
                          List<List<String>> male, int[] weight, double[] frenchFirstName, double[] speaksLanguage) {

        int weight(Generation generation) {
            return weight[generation.ordinal()];
        }

        List<String> ownFirstNames(Gender gender, Generation generation) {
            List<List<String>> byAge = gender == Gender.FEMALE ? female : male;
            return byAge.get(generation.ordinal() <= Generation.MIDDLE.ordinal() ? 0 : 1);
        }
    }

    private static final List<String> FRENCH_LAST_NAMES = List.of(
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefèvre", "Michel", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
            "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Fontaine", "Chevalier",
            "Rousseau", "Blanc", "Guérin", "Faure", "Gauthier", "Perrin", "Aubert", "Mathieu", "Clément",
            "Gaillard", "Barbier", "Brunet", "Denis", "Colin", "Hébert", "Ménard", "Bérard", "Lécuyer",
            "Thévenot", "Béraud", "Rivière", "Lavaud", "Chabrat", "Aupetit", "Parrot", "Peyrat", "Dumas",
            "Auclair", "Lagrange", "Desbordes", "Tixier", "Mazeau", "Pradeau", "Boudet", "Lépine", "Nicoulaud",
            "Sauvanet", "Aubrun", "Chaumeil", "Marchadier", "Bouchet", "Coudert", "Deschamps", "Dufour",
            "Vergnaud", "Pouget", "Chassagne", "Delage", "Jouhaud", "Malterre", "Faucher", "Champeau",
            "Bourdeau", "Périgaud", "Nadaud", "Mérigot", "Jourdain", "Texier", "Roche", "Gendraud");

    private static final List<List<String>> FRENCH_FEMALE = List.of(
            List.of("Jeanne", "Marie", "Germaine", "Yvette", "Odette", "Simone", "Raymonde", "Lucienne", "Paulette",
                    "Suzanne", "Marcelle", "Denise", "Madeleine", "Colette", "Monique", "Jacqueline", "Josette",
                    "Ginette", "Huguette", "Andrée", "Renée", "Marguerite", "Geneviève", "Thérèse", "Marie-Thérèse",
                    "Marie-Louise", "Gisèle", "Hélène", "Françoise", "Nicole", "Micheline", "Bernadette", "Éliane"),
            List.of("Christine", "Sylvie", "Nathalie", "Isabelle", "Catherine", "Martine", "Patricia", "Corinne",
                    "Brigitte", "Véronique", "Valérie", "Pascale", "Laurence", "Florence", "Dominique", "Anne-Marie",
                    "Marie-Claude", "Sandrine", "Karine", "Chantal", "Évelyne", "Muriel"),
            List.of("Céline", "Aurélie", "Émilie", "Julie", "Sophie", "Laetitia", "Virginie", "Élodie", "Audrey",
                    "Caroline", "Mélanie", "Marion", "Pauline", "Sarah", "Camille", "Laura", "Charlotte", "Justine",
                    "Anne-Sophie", "Gaëlle"),
            List.of("Léa", "Chloé", "Manon", "Emma", "Camille", "Inès", "Jade", "Louna", "Clara", "Lilou", "Océane",
                    "Zoé", "Lola", "Anaïs", "Maëlys", "Lucie", "Mathilde", "Juliette", "Romane", "Louise", "Ambre",
                    "Eva", "Noémie", "Lou", "Margaux"));

    private static final List<List<String>> FRENCH_MALE = List.of(
            List.of("Jean", "André", "Marcel", "René", "Roger", "Robert", "Pierre", "Louis", "Henri", "Georges",
                    "Raymond", "Maurice", "Lucien", "Fernand", "Gaston", "Albert", "Paul", "Jacques", "Michel",
                    "Claude", "Bernard", "Gérard", "Jean-Pierre", "Jean-Claude", "Guy", "Roland", "Daniel",
                    "Gilbert", "Émile", "Léon", "Serge"),
            List.of("Philippe", "Patrick", "Thierry", "Laurent", "Stéphane", "Christophe", "Frédéric", "Olivier",
                    "Éric", "Pascal", "Didier", "Franck", "Jean-Luc", "Pierre-Yves", "Jean-François", "Hervé",
                    "Dominique", "Bruno", "Alain", "Gilles", "Joël"),
            List.of("Sébastien", "Nicolas", "Julien", "Guillaume", "Alexandre", "Vincent", "Cédric", "Jérôme",
                    "Damien", "Mickaël", "Anthony", "Romain", "Kévin", "Maxime", "Benoît", "Thomas", "Florian",
                    "Jonathan", "Antoine", "Loïc"),
            List.of("Lucas", "Enzo", "Mathis", "Nathan", "Hugo", "Théo", "Tom", "Louis", "Noah", "Maël", "Clément",
                    "Baptiste", "Quentin", "Axel", "Evan", "Jules", "Raphaël", "Arthur", "Timéo", "Gabriel",
                    "Valentin", "Dylan", "Kylian", "Corentin", "Léo"));

    private static final Origin FRENCH = new Origin(null, FRENCH_LAST_NAMES,
            List.of(List.of(), List.of()), List.of(List.of(), List.of()),
            new int[]{895, 845, 820, 790}, new double[]{1, 1, 1, 1}, new double[]{0, 0, 0, 0});

    private static final List<Origin> OTHER_ORIGINS = List.of(
            new Origin("pt",
                    List.of("Da Silva", "Pereira", "Ferreira", "Rodrigues", "Gonçalves", "Fernandes", "Lopes",
                            "Teixeira", "Carvalho", "Moreira", "Oliveira", "De Sousa"),
                    List.of(List.of("Maria", "Ana", "Fernanda", "Rosa", "Conceição", "Isabel", "Lurdes"),
                            List.of("Ana", "Paula", "Sandra", "Inês", "Beatriz", "Sofia")),
                    List.of(List.of("José", "Manuel", "António", "João", "Carlos", "Fernando", "Joaquim"),
                            List.of("Paulo", "Tiago", "Diogo", "Rafael", "João", "Nuno")),
                    new int[]{30, 35, 35, 35}, new double[]{0.1, 0.3, 0.6, 0.7}, new double[]{1, 0.8, 0.5, 0.3}),
            new Origin("ar",
                    List.of("Benali", "Haddad", "Mansouri", "Belkacem", "Bouzid", "Amrani", "Cherif", "Hamdi",
                            "Saïdi", "Meziane", "El Amrani", "Boukhris"),
                    List.of(List.of("Fatima", "Khadija", "Nadia", "Samira", "Malika", "Leïla", "Yamina", "Rachida"),
                            List.of("Yasmine", "Lina", "Nour", "Aya", "Sarah", "Inès", "Amina", "Meriem")),
                    List.of(List.of("Mohamed", "Ahmed", "Rachid", "Abdelkader", "Mustapha", "Djamel", "Saïd"),
                            List.of("Karim", "Samir", "Yanis", "Rayan", "Adam", "Ilyes", "Mehdi", "Sofiane")),
                    new int[]{20, 50, 60, 70}, new double[]{0, 0.1, 0.3, 0.4}, new double[]{1, 0.8, 0.5, 0.4}),
            new Origin("tr",
                    List.of("Yılmaz", "Kaya", "Demir", "Öztürk", "Çelik", "Şahin", "Aydın", "Arslan", "Doğan"),
                    List.of(List.of("Ayşe", "Fatma", "Emine", "Hatice", "Hülya"),
                            List.of("Zeynep", "Elif", "Melek", "Büşra", "Esra")),
                    List.of(List.of("Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Hasan"),
                            List.of("Emre", "Yusuf", "Kerem", "Burak", "Ali")),
                    new int[]{5, 20, 25, 30}, new double[]{0, 0.1, 0.2, 0.4}, new double[]{1, 0.9, 0.7, 0.5}),
            new Origin("en",
                    List.of("Smith", "Taylor", "Brown", "Wilson", "Johnson", "Walker", "Wright", "Hughes", "Evans",
                            "Thompson", "Roberts"),
                    List.of(List.of("Margaret", "Susan", "Patricia", "Elizabeth", "Janet", "Linda", "Carol", "Helen"),
                            List.of("Emily", "Olivia", "Charlotte", "Sophie", "Hannah")),
                    List.of(List.of("John", "David", "Peter", "Michael", "Richard", "Graham", "Keith", "Brian"),
                            List.of("Oliver", "Harry", "James", "Jack", "Daniel")),
                    new int[]{35, 28, 12, 10}, new double[]{0, 0, 0.2, 0.4}, new double[]{1, 1, 1, 1}),
            new Origin("nl",
                    List.of("De Vries", "Jansen", "Van Dijk", "Bakker", "Visser", "Smit", "Mulder", "De Boer"),
                    List.of(List.of("Anneke", "Marijke", "Ingrid", "Els", "Wilma"),
                            List.of("Saskia", "Femke", "Lotte", "Sanne")),
                    List.of(List.of("Jan", "Pieter", "Henk", "Kees", "Willem"),
                            List.of("Bram", "Daan", "Joris", "Thijs")),
                    new int[]{8, 8, 3, 3}, new double[]{0, 0, 0.2, 0.4}, new double[]{1, 1, 1, 1}),
            new Origin(null,
                    List.of("Diallo", "Traoré", "Diop", "N'Diaye", "Koné", "Camara", "Sow", "Cissé"),
                    List.of(List.of("Aminata", "Fatoumata", "Awa", "Mariama", "Kadiatou"),
                            List.of("Aïssatou", "Fatoumata", "Awa", "Binta", "Maïmouna")),
                    List.of(List.of("Mamadou", "Moussa", "Ibrahima", "Ousmane", "Abdoulaye"),
                            List.of("Moussa", "Souleymane", "Ibrahima", "Amadou", "Bakary")),
                    new int[]{2, 10, 25, 35}, new double[]{0, 0.1, 0.3, 0.5}, new double[]{0, 0, 0, 0}),
            new Origin("vi",
                    List.of("Nguyen", "Tran", "Pham", "Lam", "Vo"),
                    List.of(List.of(), List.of()), List.of(List.of(), List.of()),
                    new int[]{5, 4, 5, 5}, new double[]{1, 1, 1, 1}, new double[]{0.6, 0.3, 0.1, 0}));

    private static final List<Origin> ORIGINS = concat(FRENCH, OTHER_ORIGINS);

    /** Share of French family names written as two joined with a hyphen. */
    private static final double HYPHENATED_LAST_NAME = 0.03;

    DemoNames() {
    }

    /** A name for a person of this gender and age on the reference date. */
    PersonName draw(DemoRandom random, Gender gender, int age) {
        Generation generation = Generation.ofAge(age);
        Origin origin = origin(random, generation);
        int g = generation.ordinal();
        boolean frenchFirst = random.chance(origin.frenchFirstName()[g]);
        List<String> own = origin.ownFirstNames(gender, generation);
        String first = frenchFirst || own.isEmpty() ? frenchFirstName(random, gender, generation) : random.pick(own);
        String last = random.pick(origin.lastNames());
        if (origin == FRENCH && random.chance(HYPHENATED_LAST_NAME)) {
            String second = random.pick(FRENCH_LAST_NAMES);
            if (!second.equals(last)) {
                last = last + "-" + second;
            }
        }
        String language = origin.language() != null && random.chance(origin.speaksLanguage()[g]) ? origin.language() : null;
        return new PersonName(first, last, gender, language);
    }

    private static String frenchFirstName(DemoRandom random, Gender gender, Generation generation) {
        List<List<String>> byGeneration = gender == Gender.FEMALE ? FRENCH_FEMALE : FRENCH_MALE;
        return random.pick(byGeneration.get(generation.ordinal()));
    }

    private static Origin origin(DemoRandom random, Generation generation) {
        int total = 0;
        for (Origin origin : ORIGINS) {
            total += origin.weight(generation);
        }
        int drawn = random.below(total);
        for (Origin origin : ORIGINS) {
            drawn -= origin.weight(generation);
            if (drawn < 0) {
                return origin;
            }
        }
        throw new IllegalStateException("Unreachable: weights add up to " + total);
    }

    private static List<Origin> concat(Origin first, List<Origin> others) {
        ArrayList<Origin> all = new ArrayList<>(others.size() + 1);
        all.add(first);
        all.addAll(others);
        return List.copyOf(all);
    }
}
