package org.stdhub.identity;

/** What a person may do for an organization. A role always holds in one organization (see {@link Membership}). */
public enum Role {
    ENTERPRISE_USER,
    ALLIANCE_SECRETARY,
    ALLIANCE_MEMBER,
    EXPERT,
    LAB_ENGINEER,
    TRAINER,
    RESEARCHER,
    BASE_OFFICER,
    ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
