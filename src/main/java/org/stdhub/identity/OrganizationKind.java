package org.stdhub.identity;

/** Kinds of organization the base works with. */
public enum OrganizationKind {
    ENTERPRISE,
    ALLIANCE,
    LAB,
    TECHNICAL_COMMITTEE,
    UNIVERSITY,
    BASE_OFFICE;

    public String messageKey() {
        return "organization.kind." + name();
    }
}
