package fr.cercle.model.profile;

/**
 * Where the person is in therapeutic patient education (ETP, Haute Autorité de santé): not started,
 * the shared educational assessment, the personalised programme and its sessions, then the follow-up
 * after its evaluation.
 */
public enum EducationStage {
    NOT_STARTED,
    ASSESSMENT,
    IN_PROGRAMME,
    FOLLOW_UP
}
