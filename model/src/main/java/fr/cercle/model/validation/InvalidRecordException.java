package fr.cercle.model.validation;

import java.util.List;

/** Thrown when something tries to store a record that breaks its rules; carries every problem. */
public class InvalidRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidRecordException(String what, List<Problem> problems) {
        super(what + " is invalid: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
