package org.stdhub.development;

/** What a project makes: a new standard, a revision of a catalog standard, or an adoption of an international one. */
public enum ProjectKind {
    NEW,
    REVISION,
    ADOPTION;

    public String messageKey() {
        return "development.kind." + name();
    }
}
