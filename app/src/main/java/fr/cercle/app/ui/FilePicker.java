package fr.cercle.app.ui;

import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the person for a file to write or to read: the system's file dialog in the application, a
 * file chosen in advance in the flow tests (a dialog of the system cannot be driven there).
 */
public interface FilePicker {

    /** Where to write a file; empty when the person gave up. */
    Optional<Path> toSave(Node owner, String title, String suggestedName, List<FileChooser.ExtensionFilter> kinds);

    /** Which file to read; empty when the person gave up. */
    Optional<Path> toOpen(Node owner, String title, List<FileChooser.ExtensionFilter> kinds);

    /** The system's file dialogs, opening in the person's home folder. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Optional<Path> toSave(Node owner, String title, String suggestedName,
                                         List<FileChooser.ExtensionFilter> kinds) {
                FileChooser chooser = chooser(title, kinds);
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(window(owner))).map(File::toPath);
            }

            @Override
            public Optional<Path> toOpen(Node owner, String title, List<FileChooser.ExtensionFilter> kinds) {
                return Optional.ofNullable(chooser(title, kinds).showOpenDialog(window(owner))).map(File::toPath);
            }
        };
    }

    private static FileChooser chooser(String title, List<FileChooser.ExtensionFilter> kinds) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(kinds);
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        return chooser;
    }

    private static Window window(Node owner) {
        return owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
