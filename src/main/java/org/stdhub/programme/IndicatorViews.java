package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the indicator API and the dashboard show. */
public final class IndicatorViews {

    private IndicatorViews() {}

    /** How a target stands: on track, behind, far behind, not started, or no source of data yet. */
    public enum Light {
        GREEN,
        AMBER,
        RED,
        GREY,
        NO_SOURCE;

        public String messageKey() {
            return "programme.light." + name();
        }
    }

    /**
     * One target against its actuals. {@code actual} and {@code quarterActuals} are null when the indicator has no
     * source yet; {@code expectedToDate} is the target of the quarters begun so far.
     */
    public record TargetStatus(
            long id,
            int year,
            Center center,
            Long organizationId,
            Indicator indicator,
            Indicator.Source source,
            List<Integer> quarterTargets,
            int target,
            List<Integer> quarterActuals,
            Integer actual,
            int expectedToDate,
            BigDecimal achievement,
            Light light,
            boolean demo) {}

    /** A recorded fact behind a number: from which event (or entered by whom, with what evidence). */
    public record Fact(
            long id,
            String sourceKey,
            Indicator indicator,
            Center center,
            Long organizationId,
            LocalDate occurredOn,
            int quantity,
            String reference,
            boolean entered,
            String evidence,
            String enteredBy,
            Instant recordedAt) {}
}
