package fr.cercle.model.helper;

/** The parts of a day a helper can give: the unit of the weekly availability grid. */
public enum DayPart {
    MORNING,
    AFTERNOON,
    EVENING
}
