package fr.cercle.sync.server;

/**
 * A request the server refuses, with the HTTP status, a problem code a program can act on, and a
 * message a person can read.
 */
public final class Refused extends Exception {

    private final int status;
    private final String problem;

    public Refused(int status, String problem, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public String problem() {
        return problem;
    }
}
