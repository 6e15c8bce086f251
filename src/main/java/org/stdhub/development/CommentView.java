package org.stdhub.development;

/** One row of a project's comment table: the ISO template's columns, the disposition and its observations. */
public record CommentView(
        long id,
        int seq,
        String memberBody,
        String line,
        String clause,
        String element,
        CommentType type,
        String comment,
        String proposedChange,
        Disposition disposition,
        String observations) {}
