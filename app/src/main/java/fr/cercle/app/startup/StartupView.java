package fr.cercle.app.startup;

import atlantafx.base.theme.Styles;
import fr.cercle.app.i18n.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** The first thing on screen while the data open: the name, what is happening, a progress bar. */
public final class StartupView {

    private final VBox root;
    private final Label step = new Label();
    private final I18n i18n;

    public StartupView(I18n i18n) {
        this.i18n = i18n;
        Label name = new Label(i18n.get("app.name"));
        name.getStyleClass().add(Styles.TITLE_1);
        Label tagline = new Label(i18n.get("app.tagline"));
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(320);
        step.setText(i18n.get("startup.OPENING"));
        root = new VBox(14, name, tagline, bar, step);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("startup");
    }

    public VBox node() {
        return root;
    }

    /** Called on the JavaFX thread. */
    public void show(Startup.Step current) {
        step.setText(i18n.get("startup." + current.name()));
    }
}
