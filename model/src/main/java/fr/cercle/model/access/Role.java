package fr.cercle.model.access;

/** What an account may do. An account may hold several roles (an administrator who is also a caseworker). */
public enum Role {
    /** Their own caseload (the people they are referent of), in the domains they are entitled to. */
    CASEWORKER,
    /** The whole structure's files, in the domains they are entitled to. */
    COORDINATOR,
    /** Accounts and settings; no case content unless also a caseworker or coordinator. */
    ADMINISTRATOR,
    /** Anonymised indicators only. */
    EVALUATOR
}
