package fr.cercle.app.ui;

import javafx.css.PseudoClass;

/** Style names shared by the views and {@code cercle.css}. */
public final class Styles {

    /** A field whose value must be fixed. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    public static final String STYLESHEET = "/fr/cercle/app/cercle.css";

    private Styles() {
    }
}
