package fr.cercle.persistence.spreadsheet;

import fr.cercle.model.spreadsheet.SheetCheck;

/** An import that wrote nothing because some lines have problems; the check says which. */
public final class ImportRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SheetCheck.Result<?> check;

    public ImportRefusedException(SheetCheck.Result<?> check) {
        super(check.linesInError() + " of " + check.rows() + " lines have problems; nothing was written");
        this.check = check;
    }

    public SheetCheck.Result<?> check() {
        return check;
    }
}
