package fr.cercle.model.helper;

import fr.cercle.model.common.Contact;
import fr.cercle.model.common.InseeCode;
import fr.cercle.model.common.Sets;
import fr.cercle.model.common.Text;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;

/**
 * A citizen who helps: how to reach them, where they live, what they can do, in which languages,
 * when, how many commitments they can take, and the safeguards (charter, background check).
 */
public record Helper(
        HelperId id,
        String firstName,
        String lastName,
        Contact contact,
        InseeCode commune,
        Set<Skill> skills,
        SortedSet<String> tags,
        SortedSet<String> languages,
        SortedSet<WeeklySlot> availability,
        int maxCommitments,
        LocalDate charterSignedOn,
        BackgroundCheck backgroundCheck,
        HelperStatus status) {

    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String COMMUNE = "commune";
    public static final String SKILLS = "skills";
    public static final String TAGS = "tags";
    public static final String LANGUAGES = "languages";
    public static final String AVAILABILITY = "availability";
    public static final String MAX_COMMITMENTS = "maxCommitments";
    public static final String CHARTER_SIGNED_ON = "charterSignedOn";
    public static final String BACKGROUND_CHECK_STATUS = "backgroundCheckStatus";
    public static final String BACKGROUND_CHECK_DATE = "backgroundCheckDate";
    public static final String STATUS = "status";

    public Helper {
        Objects.requireNonNull(id, "id");
        firstName = Text.blankToNull(firstName);
        lastName = Text.blankToNull(lastName);
        contact = contact == null ? Contact.NONE : contact;
        skills = Sets.enums(Skill.class, skills);
        tags = Sets.sorted(tags == null ? null : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList());
        languages = Sets.sorted(languages);
        availability = Sets.sorted(availability);
        backgroundCheck = backgroundCheck == null ? BackgroundCheck.NOT_REQUESTED : backgroundCheck;
    }

    public String fullName() {
        return (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
    }

    public static Builder builder() {
        return new Builder(HelperId.newId());
    }

    /** A builder for the helper with this id (a form editing an existing record). */
    public static Builder builder(HelperId id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(id)
                .firstName(firstName).lastName(lastName).contact(contact).commune(commune)
                .skills(skills).tags(tags).languages(languages).availability(availability)
                .maxCommitments(maxCommitments).charterSignedOn(charterSignedOn)
                .backgroundCheck(backgroundCheck).status(status);
    }

    /** Assembles a helper field by field. A new helper can take one commitment and is active. */
    public static final class Builder {
        private final HelperId id;
        private String firstName;
        private String lastName;
        private Contact contact;
        private InseeCode commune;
        private Collection<Skill> skills;
        private Collection<String> tags;
        private Collection<String> languages;
        private Collection<WeeklySlot> availability;
        private int maxCommitments = 1;
        private LocalDate charterSignedOn;
        private BackgroundCheck backgroundCheck;
        private HelperStatus status = HelperStatus.ACTIVE;

        private Builder(HelperId id) {
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

        public Builder contact(Contact value) {
            contact = value;
            return this;
        }

        public Builder commune(InseeCode value) {
            commune = value;
            return this;
        }

        public Builder skills(Collection<Skill> value) {
            skills = value;
            return this;
        }

        public Builder tags(Collection<String> value) {
            tags = value;
            return this;
        }

        public Builder languages(Collection<String> value) {
            languages = value;
            return this;
        }

        public Builder availability(Collection<WeeklySlot> value) {
            availability = value;
            return this;
        }

        public Builder maxCommitments(int value) {
            maxCommitments = value;
            return this;
        }

        public Builder charterSignedOn(LocalDate value) {
            charterSignedOn = value;
            return this;
        }

        public Builder backgroundCheck(BackgroundCheck value) {
            backgroundCheck = value;
            return this;
        }

        public Builder status(HelperStatus value) {
            status = value;
            return this;
        }

        public Helper build() {
            return new Helper(id, firstName, lastName, contact, commune, Sets.enums(Skill.class, skills),
                    Sets.sorted(tags), Sets.sorted(languages), Sets.sorted(availability), maxCommitments,
                    charterSignedOn, backgroundCheck, status);
        }
    }
}
