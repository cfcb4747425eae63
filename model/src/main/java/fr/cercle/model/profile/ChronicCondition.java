package fr.cercle.model.profile;

/**
 * Common long-term conditions (most are "affections de longue durée"), ticked on the health profile;
 * others are written out in words.
 */
public enum ChronicCondition {
    DIABETES,
    HEART_FAILURE,
    HYPERTENSION,
    RESPIRATORY_DISEASE,
    ASTHMA,
    CANCER,
    KIDNEY_DISEASE,
    STROKE,
    PARKINSON,
    ALZHEIMER,
    MULTIPLE_SCLEROSIS,
    MENTAL_ILLNESS,
    HIV,
    OBESITY
}
