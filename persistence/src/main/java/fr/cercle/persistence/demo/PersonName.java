package fr.cercle.persistence.demo;

/**
 * A drawn name, with what the rest of the record must agree with: the person's gender (for the
 * situation text) and, when their family background gives them one, a language besides French
 * (ISO 639-1), which a helper lists and a beneficiary may prefer.
 */
record PersonName(String firstName, String lastName, Gender gender, String otherLanguage) {

    enum Gender {
        FEMALE,
        MALE
    }

    boolean female() {
        return gender == Gender.FEMALE;
    }
}
