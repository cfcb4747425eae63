package fr.cercle.model.profile;

import fr.cercle.model.common.Text;

import java.time.LocalDate;

/**
 * The person's entry in the town hall's register of vulnerable people, used in a heatwave (registre
 * canicule, CASF L121-6-1, R121-2 to R121-12): when they were registered, who asked, in which
 * capacity, and which services come to their home. Identity, address and phone are the file's; the
 * person to warn is the profile's emergency contact. Not registered when there is no date. There is
 * no yearly renewal: an entry stays until the person asks to be removed.
 *
 * @param requesterName who asked, when it was not the person nor the town hall (name and tie)
 * @param services      the services that come to the home (home help, nursing…), with their phone
 */
public record HeatwaveRegistration(LocalDate registeredOn, HeatwaveRequester requestedBy, String requesterName,
                                   HeatwaveCapacity capacity, String services) {

    public static final HeatwaveRegistration NONE = new HeatwaveRegistration(null, null, null, null, null);
    public static final int SERVICES_MAX = 500;

    public HeatwaveRegistration {
        requesterName = Text.blankToNull(requesterName);
        services = Text.blankToNull(services);
    }

    public boolean registered() {
        return registeredOn != null;
    }

    public boolean isEmpty() {
        return registeredOn == null && requestedBy == null && requesterName == null && capacity == null && services == null;
    }
}
