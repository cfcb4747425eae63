package fr.cercle.model.spreadsheet;

/** What a spreadsheet's rows become when imported. */
public enum ImportKind {
    /** People's files. */
    BENEFICIARIES,
    /** Citizens who help. */
    HELPERS
}
