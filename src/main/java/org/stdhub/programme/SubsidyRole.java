package org.stdhub.programme;

/** What a unit claims a subsidy for: leading a standard of one level, or hosting a TC secretariat. */
public enum SubsidyRole {
    LEAD_INTERNATIONAL,
    LEAD_NATIONAL,
    LEAD_INDUSTRY,
    LEAD_LOCAL,
    LEAD_GROUP,
    TC_SECRETARIAT;

    public boolean isStandard() {
        return this != TC_SECRETARIAT;
    }

    public String messageKey() {
        return "programme.subsidy-role." + name();
    }
}
