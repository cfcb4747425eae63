package fr.cercle.app.beneficiary.profile;

import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.profile.ChronicCondition;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.EducationStage;
import fr.cercle.model.profile.HealthProfile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The health part of the form: the chronic conditions ticked or written out, the nurse coordinator,
 * the GP, the person of trust and the stage of therapeutic education.
 */
public final class HealthProfileViewModel {

    private final Map<ChronicCondition, BooleanProperty> conditions = new EnumMap<>(ChronicCondition.class);
    private final StringProperty otherConditions = new SimpleStringProperty(this, "otherConditions");
    private final StringProperty nurseName = new SimpleStringProperty(this, "nurseName");
    private final StringProperty nursePhone = new SimpleStringProperty(this, "nursePhone");
    private final StringProperty gpName = new SimpleStringProperty(this, "gpName");
    private final StringProperty gpPhone = new SimpleStringProperty(this, "gpPhone");
    private final StringProperty trustName = new SimpleStringProperty(this, "trustName");
    private final StringProperty trustPhone = new SimpleStringProperty(this, "trustPhone");
    private final ObjectProperty<EducationStage> education = new SimpleObjectProperty<>(this, "education");

    public HealthProfileViewModel() {
        for (ChronicCondition c : ChronicCondition.values()) {
            conditions.put(c, new SimpleBooleanProperty(this, c.name()));
        }
    }

    // Properties

    public BooleanProperty conditionProperty(ChronicCondition condition) {
        return conditions.get(condition);
    }

    public StringProperty otherConditionsProperty() {
        return otherConditions;
    }

    public StringProperty nurseNameProperty() {
        return nurseName;
    }

    public StringProperty nursePhoneProperty() {
        return nursePhone;
    }

    public StringProperty gpNameProperty() {
        return gpName;
    }

    public StringProperty gpPhoneProperty() {
        return gpPhone;
    }

    public StringProperty trustNameProperty() {
        return trustName;
    }

    public StringProperty trustPhoneProperty() {
        return trustPhone;
    }

    public ObjectProperty<EducationStage> educationProperty() {
        return education;
    }

    // Commands

    void fill(HealthProfile p) {
        conditions.forEach((c, box) -> box.set(p.conditions().contains(c)));
        otherConditions.set(p.otherConditions());
        nurseName.set(p.nurseCoordinator().name());
        nursePhone.set(p.nurseCoordinator().phone());
        gpName.set(p.gp().name());
        gpPhone.set(p.gp().phone());
        trustName.set(p.personOfTrust().name());
        trustPhone.set(p.personOfTrust().phone());
        education.set(p.education());
    }

    HealthProfile toProfile(BeneficiaryId file) {
        Set<ChronicCondition> ticked = EnumSet.noneOf(ChronicCondition.class);
        conditions.forEach((c, box) -> {
            if (box.get()) {
                ticked.add(c);
            }
        });
        return new HealthProfile(file, ticked, otherConditions.get(), new ContactPerson(nurseName.get(), nursePhone.get()),
                new ContactPerson(gpName.get(), gpPhone.get()), new ContactPerson(trustName.get(), trustPhone.get()),
                education.get());
    }
}
