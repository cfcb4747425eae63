package fr.cercle.model.installation;

import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Text;
import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;

import java.util.List;

/** The structure an installation belongs to: its name, kind and commune. */
public record Structure(String name, StructureKind kind, InseeCode commune) {

    public static final String NAME = "structureName";
    public static final String KIND = "structureKind";
    public static final String COMMUNE = "structureCommune";

    public static final int NAME_MAX = 150;

    public Structure {
        name = Text.blankToNull(name);
    }

    public List<Problem> validate() {
        return new Problems()
                .requiredText(NAME, name, NAME_MAX)
                .required(KIND, kind)
                .required(COMMUNE, commune)
                .list();
    }
}
