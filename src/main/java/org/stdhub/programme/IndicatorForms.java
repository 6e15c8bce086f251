package org.stdhub.programme;

import java.time.LocalDate;

/** What the base office writes about targets and what a unit enters for indicators the platform cannot count. */
public final class IndicatorForms {

    private IndicatorForms() {}

    /** A year's target for a center (and optionally one unit of it), by quarter. */
    public record Target(
            Integer year,
            Center center,
            Long organizationId,
            Indicator indicator,
            Integer q1,
            Integer q2,
            Integer q3,
            Integer q4) {}

    /** A value entered with its evidence (only for indicators the platform cannot count). */
    public record EnteredValue(
            Indicator indicator,
            Long organizationId,
            LocalDate occurredOn,
            Integer quantity,
            String reference,
            String evidence) {}
}
