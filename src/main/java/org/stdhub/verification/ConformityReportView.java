package org.stdhub.verification;

import java.time.LocalDate;
import java.util.List;

/**
 * A conformity test report as its public verification shows it ({@code /test-reports/{number}}): who tested what
 * against which standards, the verdict per clause, and — when the catalog has since withdrawn or replaced a
 * standard — the flag with its replacement. Names no person.
 */
public record ConformityReportView(
        String number,
        String enterpriseName,
        String labName,
        String product,
        String samples,
        LocalDate issuedOn,
        String conclusion,
        boolean demo,
        List<ConformityTestView.StandardLine> standards,
        List<ConformityTestView.ClauseLine> clauses,
        String verificationUrl) {

    public ConformityReportView {
        standards = List.copyOf(standards);
        clauses = List.copyOf(clauses);
    }

    public boolean flagged() {
        return standards.stream().anyMatch(ConformityTestView.StandardLine::flagged);
    }

    public long passed() {
        return clauses.stream().filter(c -> "PASS".equals(c.verdict())).count();
    }

    public long failed() {
        return clauses.stream().filter(c -> "FAIL".equals(c.verdict())).count();
    }

    /** PASS when every clause passed, else FAIL. */
    public String overall() {
        return failed() == 0 ? "PASS" : "FAIL";
    }
}
