package org.stdhub.development;

import java.time.LocalDate;

/** A project's group standard was published into the catalog under {@code designation}. */
public record GroupStandardPublished(
        long projectId, long allianceId, String designation, LocalDate publishedOn, LocalDate implementedOn) {}
