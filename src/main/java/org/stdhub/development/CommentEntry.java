package org.stdhub.development;

/**
 * A comment as entered or imported, in the ISO commenting template's columns: member body (organization), line,
 * clause, paragraph/figure/table, type, comment, proposed change.
 */
public record CommentEntry(
        String memberBody,
        String line,
        String clause,
        String element,
        CommentType type,
        String comment,
        String proposedChange) {}
