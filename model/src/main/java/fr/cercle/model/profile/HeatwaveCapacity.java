package fr.cercle.model.profile;

/**
 * In which capacity a person living at home is in the register (CASF R121-2): aged 65 or more, aged
 * over 60 and recognised unfit for work, or a disabled adult (AAH, carte d'invalidité, RQTH, invalidity
 * pension…).
 */
public enum HeatwaveCapacity {
    AGED_65(65),
    AGED_60_UNFIT_FOR_WORK(60),
    DISABLED_ADULT(18);

    private final int minimumAge;

    HeatwaveCapacity(int minimumAge) {
        this.minimumAge = minimumAge;
    }

    /** The age the person must have reached on the day of registration. */
    public int minimumAge() {
        return minimumAge;
    }
}
