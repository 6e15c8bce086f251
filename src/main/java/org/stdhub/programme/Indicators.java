package org.stdhub.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Indicators: facts recorded once per event identity ({@code source_key}: a replayed event finds its fact and counts
 * nothing more), values entered with evidence where the platform cannot count them (marked so), annual targets by
 * quarter for a center or one of its units, and how each target stands (the dashboard's traffic light).
 */
@Service
@Transactional
public class Indicators {

    static final String AUDIT_TYPE = "programme-target";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Indicators(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a fact unless one of the same identity is recorded: true when it was new. Called by the event
     * listeners inside the publisher's transaction.
     */
    boolean record(String sourceKey, Indicator indicator, Long organizationId, LocalDate occurredOn, String reference) {
        int known = jdbc.sql("select count(*) from programme_fact where source_key = ?")
                .param(sourceKey)
                .query(Integer.class)
                .single();
        if (known > 0) {
            return false;
        }
        jdbc.sql("insert into programme_fact (source_key, indicator, center, organization_id, occurred_on, quantity,"
                        + " reference, entered, recorded_at) values (?,?,?,?,?,1,?,false,?)")
                .params(
                        sourceKey,
                        indicator.name(),
                        indicator.center().name(),
                        organizationId,
                        occurredOn,
                        reference.length() > 500 ? reference.substring(0, 500) : reference,
                        Timestamp.from(clock.instant()))
                .update();
        return true;
    }

    /** A unit member (for their unit) or the base office enters a value the platform cannot count, with evidence. */
    @PreAuthorize("isAuthenticated()")
    public IndicatorViews.Fact enter(IndicatorForms.EnteredValue f) {
        ProgrammeViewer viewer = ProgrammeViewer.current();
        var errors = new InvalidInputException.Collector();
        errors.check(
                f.indicator() != null && f.indicator().source().entered(),
                "indicator",
                "programme.error.not-entered-indicator");
        errors.check(
                f.occurredOn() != null && !f.occurredOn().isAfter(LocalDate.now(clock)),
                "occurredOn",
                "programme.error.occurred-on");
        errors.check(
                f.quantity() != null && f.quantity() > 0 && f.quantity() <= 100_000,
                "quantity",
                "programme.error.quantity");
        String reference = Text.required(f.reference(), 500, "reference", errors);
        String evidence = Text.required(f.evidence(), 2000, "evidence", errors);
        errors.throwIfAny();
        if (!viewer.office() && (f.organizationId() == null || !viewer.memberOf(f.organizationId()))) {
            throw new NotPermittedException("programme.error.not-unit-member");
        }
        String key = "entered:" + java.util.UUID.randomUUID();
        jdbc.sql("insert into programme_fact (source_key, indicator, center, organization_id, occurred_on, quantity,"
                        + " reference, entered, evidence, entered_by, recorded_at) values (?,?,?,?,?,?,?,true,?,?,?)")
                .params(
                        key,
                        f.indicator().name(),
                        f.indicator().center().name(),
                        f.organizationId(),
                        f.occurredOn(),
                        f.quantity(),
                        reference,
                        evidence,
                        viewer.actor(),
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(StateChanged.of("programme-fact", key, "entered")
                .withChange("indicator", null, f.indicator())
                .withChange("quantity", null, f.quantity())
                .withChange("evidence", null, evidence));
        return facts("source_key = ?", key).getFirst();
    }

    /** Sets (or replaces) the target of a year, center, unit and indicator. */
    @PreAuthorize(Contracts.OFFICE)
    public IndicatorViews.TargetStatus setTarget(IndicatorForms.Target f) {
        return setTarget(f, false);
    }

    IndicatorViews.TargetStatus setTarget(IndicatorForms.Target f, boolean demo) {
        var errors = new InvalidInputException.Collector();
        errors.check(f.year() != null && f.year() >= 2020 && f.year() <= 2100, "year", "programme.error.year");
        errors.check(f.center() != null, "center", "programme.error.center-required");
        errors.check(f.indicator() != null, "indicator", "programme.error.indicator-required");
        for (Integer q : new Integer[] {f.q1(), f.q2(), f.q3(), f.q4()}) {
            errors.check(q != null && q >= 0 && q <= 1_000_000, "q1", "programme.error.quarter-target");
        }
        errors.throwIfAny();
        List<Long> existing = jdbc.sql(
                        "select id from programme_target where target_year = ? and center = ? and indicator = ?"
                                + " and coalesce(organization_id, -1) = ?")
                .params(
                        f.year(),
                        f.center().name(),
                        f.indicator().name(),
                        f.organizationId() == null ? -1L : f.organizationId())
                .query(Long.class)
                .list();
        var audit = StateChanged.of(
                        AUDIT_TYPE,
                        f.year() + "/" + f.center() + "/" + (f.organizationId() == null ? "-" : f.organizationId())
                                + "/" + f.indicator(),
                        existing.isEmpty() ? "set" : "changed")
                .withChange("quarters", null, f.q1() + "/" + f.q2() + "/" + f.q3() + "/" + f.q4());
        if (existing.isEmpty()) {
            jdbc.sql(
                            "insert into programme_target (target_year, center, organization_id, indicator, q1, q2, q3, q4, demo)"
                                    + " values (?,?,?,?,?,?,?,?,?)")
                    .params(
                            f.year(),
                            f.center().name(),
                            f.organizationId(),
                            f.indicator().name(),
                            f.q1(),
                            f.q2(),
                            f.q3(),
                            f.q4(),
                            demo)
                    .update();
        } else {
            jdbc.sql("update programme_target set q1 = ?, q2 = ?, q3 = ?, q4 = ? where id = ?")
                    .params(f.q1(), f.q2(), f.q3(), f.q4(), existing.getFirst())
                    .update();
        }
        events.publishEvent(audit);
        return dashboard(f.year()).stream()
                .filter(t -> t.center() == f.center()
                        && t.indicator() == f.indicator()
                        && java.util.Objects.equals(t.organizationId(), f.organizationId()))
                .findFirst()
                .orElseThrow();
    }

    /** Every target of the year with its actuals and traffic light. Readable by anyone signed in. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<IndicatorViews.TargetStatus> dashboard(int year) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(
                        "select * from programme_target where target_year = ? order by center, indicator, organization_id nulls first")
                .param(year)
                .query((rs, n) -> status(rs, today))
                .list();
    }

    /** The facts behind a number: one indicator in one year, optionally one center. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<IndicatorViews.Fact> facts(Indicator indicator, int year, Center center) {
        if (center == null) {
            return facts(
                    "indicator = ? and occurred_on between ? and ? order by occurred_on desc, id desc",
                    indicator.name(),
                    LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31));
        }
        return facts(
                "indicator = ? and center = ? and occurred_on between ? and ? order by occurred_on desc, id desc",
                indicator.name(),
                center.name(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    /** How many records count on {@code indicator} for a unit: its own, and its center's that belong to no unit. */
    int countForUnit(Indicator indicator, Center center, long organizationId, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        "select coalesce(sum(quantity), 0) from programme_fact where indicator = ? and occurred_on between ? and ?"
                                + " and (organization_id = ? or (organization_id is null and center = ?))")
                .params(indicator.name(), from, to, organizationId, center.name())
                .query(Integer.class)
                .single();
    }

    private int count(Indicator indicator, Center center, Long organizationId, LocalDate from, LocalDate to) {
        if (organizationId != null) {
            return countForUnit(indicator, center, organizationId, from, to);
        }
        return jdbc.sql(
                        "select coalesce(sum(quantity), 0) from programme_fact where indicator = ? and center = ? and occurred_on between ? and ?")
                .params(indicator.name(), center.name(), from, to)
                .query(Integer.class)
                .single();
    }

    private IndicatorViews.TargetStatus status(ResultSet rs, LocalDate today) throws SQLException {
        int year = rs.getInt("target_year");
        Center center = Center.valueOf(rs.getString("center"));
        Long org = (Long) rs.getObject("organization_id", Long.class);
        Indicator indicator = Indicator.valueOf(rs.getString("indicator"));
        List<Integer> quarters = List.of(rs.getInt("q1"), rs.getInt("q2"), rs.getInt("q3"), rs.getInt("q4"));
        int target = quarters.stream().mapToInt(Integer::intValue).sum();
        int begun = year < today.getYear() ? 4 : year > today.getYear() ? 0 : (today.getMonthValue() - 1) / 3 + 1;
        int expected =
                quarters.subList(0, begun).stream().mapToInt(Integer::intValue).sum();
        if (indicator.source() == Indicator.Source.NONE) {
            return new IndicatorViews.TargetStatus(
                    rs.getLong("id"),
                    year,
                    center,
                    org,
                    indicator,
                    indicator.source(),
                    quarters,
                    target,
                    null,
                    null,
                    expected,
                    null,
                    IndicatorViews.Light.NO_SOURCE,
                    rs.getBoolean("demo"));
        }
        List<Integer> actuals = new ArrayList<>(4);
        for (int q = 0; q < 4; q++) {
            LocalDate from = LocalDate.of(year, q * 3 + 1, 1);
            actuals.add(count(indicator, center, org, from, from.plusMonths(3).minusDays(1)));
        }
        int actual = actuals.stream().mapToInt(Integer::intValue).sum();
        BigDecimal achievement = expected == 0
                ? null
                : BigDecimal.valueOf(actual).divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP);
        IndicatorViews.Light light = achievement == null
                ? IndicatorViews.Light.GREY
                : achievement.compareTo(BigDecimal.ONE) >= 0
                        ? IndicatorViews.Light.GREEN
                        : achievement.compareTo(new BigDecimal("0.8")) >= 0
                                ? IndicatorViews.Light.AMBER
                                : IndicatorViews.Light.RED;
        return new IndicatorViews.TargetStatus(
                rs.getLong("id"),
                year,
                center,
                org,
                indicator,
                indicator.source(),
                quarters,
                target,
                List.copyOf(actuals),
                actual,
                expected,
                achievement,
                light,
                rs.getBoolean("demo"));
    }

    private List<IndicatorViews.Fact> facts(String where, Object... params) {
        return jdbc.sql("select * from programme_fact where " + where)
                .params(params)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("recorded_at");
                    return new IndicatorViews.Fact(
                            rs.getLong("id"),
                            rs.getString("source_key"),
                            Indicator.valueOf(rs.getString("indicator")),
                            Center.valueOf(rs.getString("center")),
                            (Long) rs.getObject("organization_id", Long.class),
                            rs.getObject("occurred_on", LocalDate.class),
                            rs.getInt("quantity"),
                            rs.getString("reference"),
                            rs.getBoolean("entered"),
                            rs.getString("evidence"),
                            rs.getString("entered_by"),
                            at.toInstant());
                })
                .list();
    }
}
