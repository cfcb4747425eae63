package fr.cercle.persistence.security;

/** The keyring cannot be read or used: damaged, of an unknown format, or the platform lacks a cipher. */
public final class KeyringException extends RuntimeException {

    KeyringException(String message) {
        super(message);
    }

    KeyringException(String message, Throwable cause) {
        super(message, cause);
    }
}
