package fr.cercle.app.beneficiary.profile;

import fr.cercle.app.i18n.I18n;
import fr.cercle.model.autonomy.AggirGrid;
import fr.cercle.model.autonomy.AggirScore;
import fr.cercle.model.autonomy.AggirVariable;
import fr.cercle.model.autonomy.Gir;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.profile.ApaStatus;
import fr.cercle.model.profile.ContactPerson;
import fr.cercle.model.profile.ElderlyProfile;
import fr.cercle.model.profile.HeatwaveCapacity;
import fr.cercle.model.profile.HeatwaveRegistration;
import fr.cercle.model.profile.HeatwaveRequester;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The elderly part of the form: the AGGIR grid as ten A/B/C choices with the GIR it gives, said in
 * plain words as soon as the ten are chosen; the APA; living alone; the disability situation; the
 * emergency contact; the heatwave register. Holds state and words only.
 */
public final class ElderlyProfileViewModel {

    private final I18n i18n;
    private final Map<AggirVariable, ObjectProperty<AggirScore>> scores = new EnumMap<>(AggirVariable.class);
    private final ReadOnlyObjectWrapper<Gir> gir = new ReadOnlyObjectWrapper<>(this, "gir");
    private final ReadOnlyStringWrapper girText = new ReadOnlyStringWrapper(this, "girText");
    private final ObjectProperty<LocalDate> assessedOn = new SimpleObjectProperty<>(this, "assessedOn");
    private final ObjectProperty<ApaStatus> apa = new SimpleObjectProperty<>(this, "apa");
    private final BooleanProperty livesAlone = new SimpleBooleanProperty(this, "livesAlone");
    private final StringProperty disability = new SimpleStringProperty(this, "disability");
    private final StringProperty emergencyName = new SimpleStringProperty(this, "emergencyName");
    private final StringProperty emergencyPhone = new SimpleStringProperty(this, "emergencyPhone");
    private final StringProperty emergencyRelation = new SimpleStringProperty(this, "emergencyRelation");
    private final BooleanProperty registered = new SimpleBooleanProperty(this, "registered");
    private final ObjectProperty<LocalDate> registeredOn = new SimpleObjectProperty<>(this, "registeredOn");
    private final ObjectProperty<HeatwaveRequester> requestedBy = new SimpleObjectProperty<>(this, "requestedBy");
    private final StringProperty requesterName = new SimpleStringProperty(this, "requesterName");
    private final ObjectProperty<HeatwaveCapacity> capacity = new SimpleObjectProperty<>(this, "capacity");
    private final StringProperty services = new SimpleStringProperty(this, "services");

    public ElderlyProfileViewModel(I18n i18n) {
        this.i18n = i18n;
        List<Observable> all = new ArrayList<>();
        for (AggirVariable variable : AggirVariable.values()) {
            ObjectProperty<AggirScore> score = new SimpleObjectProperty<>(this, variable.name());
            score.addListener((obs, old, now) -> updateGir());
            scores.put(variable, score);
            all.add(score);
        }
        updateGir();
    }

    // Properties

    public ObjectProperty<AggirScore> scoreProperty(AggirVariable variable) {
        return scores.get(variable);
    }

    /** The GIR of the grid, once its ten variables are chosen. */
    public ReadOnlyObjectProperty<Gir> girProperty() {
        return gir.getReadOnlyProperty();
    }

    /** The GIR in plain words: "GIR 2 — ouvre droit à l'APA", or how many variables are left. */
    public ReadOnlyStringProperty girTextProperty() {
        return girText.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> assessedOnProperty() {
        return assessedOn;
    }

    public ObjectProperty<ApaStatus> apaProperty() {
        return apa;
    }

    public BooleanProperty livesAloneProperty() {
        return livesAlone;
    }

    public StringProperty disabilityProperty() {
        return disability;
    }

    public StringProperty emergencyNameProperty() {
        return emergencyName;
    }

    public StringProperty emergencyPhoneProperty() {
        return emergencyPhone;
    }

    public StringProperty emergencyRelationProperty() {
        return emergencyRelation;
    }

    /** Whether the person is in the town hall's heatwave register: the register's fields show when ticked. */
    public BooleanProperty registeredProperty() {
        return registered;
    }

    public ObjectProperty<LocalDate> registeredOnProperty() {
        return registeredOn;
    }

    public ObjectProperty<HeatwaveRequester> requestedByProperty() {
        return requestedBy;
    }

    public StringProperty requesterNameProperty() {
        return requesterName;
    }

    public ObjectProperty<HeatwaveCapacity> capacityProperty() {
        return capacity;
    }

    public StringProperty servicesProperty() {
        return services;
    }

    // Commands

    /** How many of the ten variables are chosen. */
    public int scored() {
        return (int) scores.values().stream().filter(p -> p.get() != null).count();
    }

    /** The grid, once the ten variables are chosen. */
    public Optional<AggirGrid> grid() {
        if (scored() < AggirVariable.values().length) {
            return Optional.empty();
        }
        Map<AggirVariable, AggirScore> chosen = new EnumMap<>(AggirVariable.class);
        scores.forEach((v, p) -> chosen.put(v, p.get()));
        return Optional.of(new AggirGrid(chosen));
    }

    void fill(ElderlyProfile p) {
        for (AggirVariable variable : AggirVariable.values()) {
            scores.get(variable).set(p.aggir() == null ? null : p.aggir().score(variable));
        }
        assessedOn.set(p.assessedOn());
        apa.set(p.apa());
        livesAlone.set(p.livesAlone());
        disability.set(p.disability());
        emergencyName.set(p.emergency().name());
        emergencyPhone.set(p.emergency().phone());
        emergencyRelation.set(p.emergency().relation());
        HeatwaveRegistration h = p.heatwave();
        registered.set(!h.isEmpty());
        registeredOn.set(h.registeredOn());
        requestedBy.set(h.requestedBy());
        requesterName.set(h.requesterName());
        capacity.set(h.capacity());
        services.set(h.services());
    }

    /** The profile as the form holds it; the register's fields only when the person is registered. */
    ElderlyProfile toProfile(BeneficiaryId file) {
        HeatwaveRegistration heatwave = registered.get()
                ? new HeatwaveRegistration(registeredOn.get(), requestedBy.get(),
                requestedBy.get() != null && requestedBy.get().namesSomeoneElse() ? requesterName.get() : null,
                capacity.get(), services.get())
                : HeatwaveRegistration.NONE;
        return new ElderlyProfile(file, grid().orElse(null), assessedOn.get(), apa.get(), livesAlone.get(),
                disability.get(), new ContactPerson(emergencyName.get(), emergencyPhone.get(), emergencyRelation.get()),
                heatwave);
    }

    private void updateGir() {
        Optional<Gir> computed = grid().map(AggirGrid::gir);
        gir.set(computed.orElse(null));
        int scored = scored();
        if (computed.isPresent()) {
            Gir g = computed.get();
            girText.set(i18n.format(g.opensApa() ? "profile.elderly.gir.apa" : "profile.elderly.gir.noApa", g.number()));
        } else if (scored == 0) {
            girText.set(i18n.get("profile.elderly.gir.none"));
        } else {
            girText.set(i18n.format("profile.elderly.gir.incomplete", scored, AggirVariable.values().length));
        }
    }
}
