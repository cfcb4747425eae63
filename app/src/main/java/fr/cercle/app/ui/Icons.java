package fr.cercle.app.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icons of the interface (Material Design outlined, through Ikonli), at one consistent size. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        return of(ikon, 18);
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
