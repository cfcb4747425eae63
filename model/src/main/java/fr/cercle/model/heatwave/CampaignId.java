package fr.cercle.model.heatwave;

import java.util.Objects;
import java.util.UUID;

/** The identity of a heatwave campaign, made offline. */
public record CampaignId(UUID value) {

    public CampaignId {
        Objects.requireNonNull(value, "value");
    }

    public static CampaignId newId() {
        return new CampaignId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
