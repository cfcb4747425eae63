package fr.cercle.model.helper;

import fr.cercle.model.validation.Problem;
import fr.cercle.model.validation.Problems;
import fr.cercle.model.validation.Rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What makes a helper's record complete and plausible. Returns every problem, each with its field. */
public final class HelperRules {

    public static final int NAME_MAX = 100;
    public static final int TAG_MAX = 40;
    public static final int MAX_COMMITMENTS_LIMIT = 20;

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private HelperRules() {
    }

    public static List<Problem> validate(Helper h, LocalDate today) {
        Problems problems = new Problems()
                .requiredText(Helper.FIRST_NAME, h.firstName(), NAME_MAX)
                .requiredText(Helper.LAST_NAME, h.lastName(), NAME_MAX)
                .phone(Helper.PHONE, h.contact().phone())
                .email(Helper.EMAIL, h.contact().email())
                .required(Helper.COMMUNE, h.commune())
                .between(Helper.MAX_COMMITMENTS, h.maxCommitments(), 0, MAX_COMMITMENTS_LIMIT)
                .notInFuture(Helper.CHARTER_SIGNED_ON, h.charterSignedOn(), today)
                .required(Helper.STATUS, h.status());
        if (h.contact().isEmpty()) {
            problems.add(Helper.PHONE, Rule.CONTACT_REQUIRED);
        }
        for (String tag : h.tags()) {
            if (tag.length() > TAG_MAX || tag.contains(",")) {
                problems.add(Helper.TAGS, Rule.INVALID_TAG, TAG_MAX);
                break;
            }
        }
        for (String language : h.languages()) {
            if (!ISO_LANGUAGES.contains(language)) {
                problems.add(Helper.LANGUAGES, Rule.UNKNOWN_LANGUAGE);
                break;
            }
        }
        BackgroundCheck check = h.backgroundCheck();
        boolean needsDate = check.status() == BackgroundCheckStatus.VALID
                || check.status() == BackgroundCheckStatus.REQUESTED;
        if (needsDate && check.date() == null) {
            problems.add(Helper.BACKGROUND_CHECK_DATE, Rule.DATE_REQUIRED_FOR_STATUS);
        }
        problems.notInFuture(Helper.BACKGROUND_CHECK_DATE, check.date(), today);
        return problems.list();
    }
}
