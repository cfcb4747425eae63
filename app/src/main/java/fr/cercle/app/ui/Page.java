package fr.cercle.app.ui;

import javafx.scene.Node;

/** An area of the main window, reached from the navigation. */
public interface Page {

    Node node();

    /** Ctrl+N: start a new record of this area, if it has records. */
    default void newRecord() {
    }

    /** Ctrl+F: put the cursor in this area's search field, if it has one. */
    default void focusSearch() {
    }

    /** The data changed elsewhere (a sync, an imported file, a conflict settled): show it as it is now. */
    default void refresh() {
    }
}
