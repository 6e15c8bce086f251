package org.stdhub.development;

/** The ISO commenting template's type of comment. */
public enum CommentType {
    GENERAL,
    TECHNICAL,
    EDITORIAL
}
