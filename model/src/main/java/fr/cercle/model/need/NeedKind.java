package fr.cercle.model.need;

import fr.cercle.model.helper.Skill;

/** What a person needs a citizen's help for, and the skill a helper needs for it. */
public enum NeedKind {
    VISIT(Skill.VISITS),
    CALL(Skill.PHONE_CALLS),
    SHOPPING(Skill.SHOPPING),
    TRANSPORT(Skill.TRANSPORT),
    ACCOMPANIMENT(Skill.ACCOMPANIMENT_TO_APPOINTMENTS),
    PAPERWORK(Skill.PAPERWORK),
    DIGITAL_HELP(Skill.DIGITAL_HELP),
    MEALS(Skill.MEALS),
    PEER_SUPPORT(Skill.PEER_SUPPORT),
    HOMEWORK_HELP(Skill.HOMEWORK_HELP),
    MENTORING(Skill.MENTORING);

    private final Skill skill;

    NeedKind(Skill skill) {
        this.skill = skill;
    }

    /** The skill a helper needs for this kind of help. */
    public Skill skill() {
        return skill;
    }
}
