package fr.cercle.persistence.security;

import java.time.Instant;

/** A sign-in refused: a wrong login or password, or a login locked after repeated failures. */
public final class SignInException extends RuntimeException {

    public enum Reason {
        /** The login and password do not match (an unknown login is told the same way). */
        WRONG,
        /** Too many failures in a row: the login waits until {@link #lockedUntil()}. */
        LOCKED
    }

    private final Reason reason;
    private final int attemptsLeft;
    private final transient Instant lockedUntil;

    SignInException(Reason reason, int attemptsLeft, Instant lockedUntil) {
        super(reason == Reason.WRONG ? "Wrong login or password (" + attemptsLeft + " attempt(s) left before a lockout)"
                : "Locked after " + Keyring.MAX_FAILURES + " failures, until " + lockedUntil);
        this.reason = reason;
        this.attemptsLeft = attemptsLeft;
        this.lockedUntil = lockedUntil;
    }

    public Reason reason() {
        return reason;
    }

    /** For WRONG: how many more failures before the login is locked. */
    public int attemptsLeft() {
        return attemptsLeft;
    }

    /** For LOCKED: when the login may try again. */
    public Instant lockedUntil() {
        return lockedUntil;
    }
}
