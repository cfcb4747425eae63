package fr.cercle.model.autonomy;

/**
 * A groupe iso-ressources, from 1 (the most dependent) to 6 (autonomous). GIR 1 to 4 open the
 * allocation personnalisée d'autonomie (APA).
 */
public enum Gir {
    GIR_1, GIR_2, GIR_3, GIR_4, GIR_5, GIR_6;

    public int number() {
        return ordinal() + 1;
    }

    /** Whether this GIR opens the APA allowance. */
    public boolean opensApa() {
        return number() <= 4;
    }

    public static Gir of(int number) {
        if (number < 1 || number > 6) {
            throw new IllegalArgumentException("A GIR is from 1 to 6, not " + number);
        }
        return values()[number - 1];
    }
}
