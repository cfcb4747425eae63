package fr.cercle.model.beneficiary;

/** Where a beneficiary's file stands. A closed file is kept, read-only in lists by default. */
public enum BeneficiaryStatus {
    ACTIVE,
    PAUSED,
    CLOSED
}
