package org.stdhub.talent;

/** The avoidance rules of 05_expert_selection.md §5.4 (a–g), by name: what an exclusion is stored with. */
public enum AvoidanceRuleName {
    /** a: works for a party (or is a party). */
    SAME_EMPLOYER,
    /** b: employment, directorship or controlling shareholding with a party within the last years. */
    RELATION_WITH_PARTY,
    /** c: close relative of a party person or of a party's head. */
    FAMILY_RELATION,
    /** d: works for the supervising authority. */
    SUPERVISING_AUTHORITY,
    /** e: member of the drafting group of the draft under review. */
    DRAFTING_GROUP,
    /** f: penalty for a violation in tendering, reviews or standards work. */
    PENALTY,
    /** g: self-declared conflict or an upheld objection of a party. */
    DECLARED_CONFLICT;

    public String messageKey() {
        return "talent.rule." + name();
    }
}
