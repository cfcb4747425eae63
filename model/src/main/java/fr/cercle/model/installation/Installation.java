package fr.cercle.model.installation;

import java.util.Objects;

/** This copy of Cercle: the device id made at first start, and the structure it serves. */
public record Installation(DeviceId deviceId, Structure structure) {

    public Installation {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(structure, "structure");
    }
}
