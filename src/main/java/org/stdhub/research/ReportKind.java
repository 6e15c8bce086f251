package org.stdhub.research;

/** What a publication of the research center is: a research report or a policy brief. */
public enum ReportKind {
    REPORT,
    POLICY_BRIEF;

    public String messageKey() {
        return "research.report.kind." + name();
    }
}
