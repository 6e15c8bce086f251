package org.stdhub.verification;

import java.time.LocalDate;
import java.util.List;

/** A lab issued a conformity test report: its number, the request, and the standards (designations) tested. */
public record ConformityReportIssued(
        String reportNumber,
        long requestId,
        long enterpriseId,
        long labId,
        List<String> designations,
        LocalDate issuedOn) {

    public ConformityReportIssued {
        designations = List.copyOf(designations);
    }
}
