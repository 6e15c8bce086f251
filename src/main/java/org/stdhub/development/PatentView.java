package org.stdhub.development;

import java.time.Instant;

/** A patent declaration as the project page and the API show it. */
public record PatentView(
        long id,
        long projectId,
        String holder,
        String patentNumber,
        String title,
        Licensing licensing,
        String declaredBy,
        Instant declaredAt) {}
