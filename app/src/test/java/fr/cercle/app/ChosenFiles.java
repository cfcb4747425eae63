package fr.cercle.app;

import fr.cercle.app.ui.FilePicker;
import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The files a person would choose in the system's dialog, chosen in advance: that dialog cannot be driven headless. */
public final class ChosenFiles implements FilePicker {

    private final Deque<Path> next = new ArrayDeque<>();
    private String lastSuggestedName;

    /** The file the next dialog will answer with. */
    public ChosenFiles choose(Path file) {
        next.add(file);
        return this;
    }

    /** The name the last save dialog proposed. */
    public String lastSuggestedName() {
        return lastSuggestedName;
    }

    @Override
    public Optional<Path> toSave(Node owner, String title, String suggestedName, List<FileChooser.ExtensionFilter> kinds) {
        lastSuggestedName = suggestedName;
        return Optional.ofNullable(next.poll());
    }

    @Override
    public Optional<Path> toOpen(Node owner, String title, List<FileChooser.ExtensionFilter> kinds) {
        return Optional.ofNullable(next.poll());
    }
}
