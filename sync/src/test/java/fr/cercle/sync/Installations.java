package fr.cercle.sync;

import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.TestData;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.staff.StaffRepository;

import java.nio.file.Path;
import java.time.Clock;

/** Real installations on real H2 files, for the sync's tests. */
public final class Installations {

    private Installations() {
    }

    public static CercleDatabase open(Path dir, Clock clock) {
        return CercleDatabase.open(dir, clock);
    }

    public static BeneficiaryRepository beneficiaries(CercleDatabase db) {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), TestData.ALL_ACCESS);
    }

    /** A staff member and one beneficiary, made on this installation. */
    public static Beneficiary seed(CercleDatabase db, StaffMember author) {
        new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS).save(author, author.id());
        Beneficiary jeanne = TestData.beneficiary(author.id()).build();
        beneficiaries(db).save(jeanne, author.id());
        return jeanne;
    }
}
