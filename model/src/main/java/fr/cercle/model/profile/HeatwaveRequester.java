package fr.cercle.model.profile;

/**
 * Who asked for the registration in the town hall's register of vulnerable people (registre nominatif,
 * Code de l'action sociale et des familles L121-6-1 and R121-3): the person, their legal
 * representative, a third party (a relative, a neighbour, the GP, a home-care service) as long as the
 * person does not object, or the town hall itself on what it learnt.
 */
public enum HeatwaveRequester {
    SELF,
    LEGAL_REPRESENTATIVE,
    THIRD_PARTY,
    TOWN_HALL;

    /** Whether the requester is someone else than the person, who must then be named. */
    public boolean namesSomeoneElse() {
        return this == LEGAL_REPRESENTATIVE || this == THIRD_PARTY;
    }
}
