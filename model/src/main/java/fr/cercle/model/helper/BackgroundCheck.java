package fr.cercle.model.helper;

import java.time.LocalDate;

/** A background check's status and the date of its last step (request, or issue of the certificate). */
public record BackgroundCheck(BackgroundCheckStatus status, LocalDate date) {

    public static final BackgroundCheck NOT_REQUESTED = new BackgroundCheck(BackgroundCheckStatus.NOT_REQUESTED, null);

    public BackgroundCheck {
        status = status == null ? BackgroundCheckStatus.NOT_REQUESTED : status;
    }

    public boolean isValid() {
        return status == BackgroundCheckStatus.VALID;
    }
}
