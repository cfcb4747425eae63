package fr.cercle.persistence;

/** The local database could not do what was asked. The message is for logs; the kind tells the screen what to say. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
