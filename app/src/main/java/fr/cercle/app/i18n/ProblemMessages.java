package fr.cercle.app.i18n;

import fr.cercle.model.access.AccessDeniedException;
import fr.cercle.model.validation.Problem;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the model's problems into plain-words messages, one per field, for the forms. */
public final class ProblemMessages {

    private ProblemMessages() {
    }

    public static String message(I18n i18n, Problem problem) {
        Object[] args = problem.args().stream()
                .map(a -> a instanceof LocalDate date ? i18n.date(date) : a)
                .toArray();
        return i18n.format("validation." + problem.rule().name(), args);
    }

    /**
     * What to tell the person when a save failed for another reason than the form's content: that
     * their account may not make this change, or that it could not be saved.
     */
    public static String saveFailure(I18n i18n, Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof AccessDeniedException) {
                return i18n.get("error.accessDenied");
            }
        }
        return i18n.get("error.save");
    }

    /** Field name to message; several problems of one field are joined in one sentence each. */
    public static Map<String, String> byField(I18n i18n, List<Problem> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Problem problem : problems) {
            result.merge(problem.field(), message(i18n, problem), (a, b) -> a + " " + b);
        }
        return result;
    }
}
