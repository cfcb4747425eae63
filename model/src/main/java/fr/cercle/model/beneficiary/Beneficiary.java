package fr.cercle.model.beneficiary;

import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.Sets;
import fr.cercle.model.common.Text;
import fr.cercle.model.staff.StaffId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * A person helped: identity, where they live, the domains they are followed in, the state of
 * their file, their referent caseworker, their consent and a free-text situation.
 */
public record Beneficiary(
        BeneficiaryId id,
        String firstName,
        String lastName,
        LocalDate birthDate,
        Address address,
        Contact contact,
        Set<Domain> domains,
        BeneficiaryStatus status,
        StaffId referent,
        Consent consent,
        String situation) {

    /** Field names, as problems and forms name them. */
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String BIRTH_DATE = "birthDate";
    public static final String ADDRESS_LINE = "addressLine";
    public static final String POSTAL_CODE = "postalCode";
    public static final String COMMUNE = "commune";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String DOMAINS = "domains";
    public static final String STATUS = "status";
    public static final String REFERENT = "referent";
    public static final String CONSENT_DATE = "consentDate";
    public static final String CONSENT_SCOPE = "consentScope";
    public static final String CONSENT_METHOD = "consentMethod";
    public static final String CONSENT_GUARDIAN = "consentGuardian";
    public static final String CONSENT_WITHDRAWN_ON = "consentWithdrawnOn";
    public static final String SITUATION = "situation";

    public Beneficiary {
        Objects.requireNonNull(id, "id");
        firstName = Text.blankToNull(firstName);
        lastName = Text.blankToNull(lastName);
        address = address == null ? new Address(null, null, null) : address;
        contact = contact == null ? Contact.NONE : contact;
        domains = Sets.enums(Domain.class, domains);
        consent = consent == null ? Consent.NONE : consent;
        situation = Text.blankToNull(situation);
    }

    public String fullName() {
        return (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
    }

    public Beneficiary withStatus(BeneficiaryStatus newStatus) {
        return new Beneficiary(id, firstName, lastName, birthDate, address, contact, domains, newStatus,
                referent, consent, situation);
    }

    public static Builder builder() {
        return new Builder(BeneficiaryId.newId());
    }

    public Builder toBuilder() {
        return new Builder(id)
                .firstName(firstName).lastName(lastName).birthDate(birthDate)
                .address(address).contact(contact).domains(domains).status(status)
                .referent(referent).consent(consent).situation(situation);
    }

    /** Assembles a beneficiary field by field, as forms, imports and tests do. */
    public static final class Builder {
        private final BeneficiaryId id;
        private String firstName;
        private String lastName;
        private LocalDate birthDate;
        private Address address;
        private Contact contact;
        private Set<Domain> domains = Set.of();
        private BeneficiaryStatus status = BeneficiaryStatus.ACTIVE;
        private StaffId referent;
        private Consent consent;
        private String situation;

        private Builder(BeneficiaryId id) {
            this.id = id;
        }

        public Builder firstName(String value) {
            firstName = value;
            return this;
        }

        public Builder lastName(String value) {
            lastName = value;
            return this;
        }

        public Builder birthDate(LocalDate value) {
            birthDate = value;
            return this;
        }

        public Builder address(Address value) {
            address = value;
            return this;
        }

        public Builder contact(Contact value) {
            contact = value;
            return this;
        }

        public Builder domains(Collection<Domain> value) {
            domains = Sets.enums(Domain.class, value);
            return this;
        }

        public Builder status(BeneficiaryStatus value) {
            status = value;
            return this;
        }

        public Builder referent(StaffId value) {
            referent = value;
            return this;
        }

        public Builder consent(Consent value) {
            consent = value;
            return this;
        }

        public Builder situation(String value) {
            situation = value;
            return this;
        }

        public Beneficiary build() {
            return new Beneficiary(id, firstName, lastName, birthDate, address, contact, domains, status,
                    referent, consent, situation);
        }
    }
}
