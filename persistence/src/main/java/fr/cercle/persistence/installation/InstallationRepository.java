package fr.cercle.persistence.installation;

import fr.cercle.model.installation.DeviceId;
import fr.cercle.model.installation.Installation;
import fr.cercle.model.installation.Structure;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.Columns;
import fr.cercle.persistence.write.Change;
import fr.cercle.persistence.write.Values;
import fr.cercle.persistence.write.WriteTransaction;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static fr.cercle.persistence.jooq.Tables.INSTALLATION;
import static fr.cercle.persistence.write.Entities.INSTALLATION_TABLE;

/** This installation's structure. Absent until the first start's welcome has been completed. */
public final class InstallationRepository {

    private final DSLContext dsl;
    private final DeviceId device;

    public InstallationRepository(DSLContext dsl, DeviceId device) {
        this.dsl = dsl;
        this.device = device;
    }

    public Optional<Installation> find() {
        return dsl.selectFrom(INSTALLATION).where(INSTALLATION.DEVICE_ID.eq(device.value())).fetchOptional(r ->
                new Installation(new DeviceId(r.getDeviceId()), new Structure(r.getStructureName(),
                        Columns.parse(StructureKind.class, r.getStructureKind()), Columns.insee(r.getStructureCommune()))));
    }

    /** Records the structure of this installation, within a transaction of the write path. */
    public Change save(WriteTransaction tx, Structure structure) {
        List<Problem> problems = structure.validate();
        if (!problems.isEmpty()) {
            throw new InvalidRecordException("Structure", problems);
        }
        return tx.save(Values.of(INSTALLATION_TABLE)
                .set(INSTALLATION.STRUCTURE_NAME, structure.name())
                .set(INSTALLATION.STRUCTURE_KIND, structure.kind().name())
                .set(INSTALLATION.STRUCTURE_COMMUNE, structure.commune().value()), device.value());
    }
}
