package org.stdhub.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Contracts between the base office and the building units (合同制管理): drafted with tasks and tranches by the base
 * office, signed, in force, closed or terminated ({@link ContractTransition}); amended with a versioned record of
 * what changed and who approved it. A unit's members read their unit's contracts only; the base office all.
 */
@Service
@Transactional
public class Contracts {

    static final String AUDIT_TYPE = "programme-contract";
    static final String OFFICE = "hasAnyRole('ADMIN', 'BASE_OFFICER')";

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Indicators indicators;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Contracts(
            JdbcClient jdbc,
            Organizations organizations,
            Indicators indicators,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.indicators = indicators;
        this.events = events;
        this.clock = clock;
    }

    /** The contracts the viewer may read: all for the base office, their units' for everyone else. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ContractView> list() {
        ProgrammeViewer viewer = ProgrammeViewer.current();
        return jdbc
                .sql("select * from programme_contract order by starts_on desc, id desc")
                .query(Contracts::row)
                .list()
                .stream()
                .filter(c -> viewer.maySee(c.organizationId()))
                .map(c -> view(c, false))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ContractView get(long id) {
        return view(readable(id), true);
    }

    @PreAuthorize(OFFICE)
    public ContractView create(ContractForms.NewContract f) {
        var errors = new InvalidInputException.Collector();
        String title = Text.required(f.title(), 300, "title", errors);
        errors.check(f.organizationId() != null, "organizationId", "programme.error.unit-required");
        errors.check(f.center() != null, "center", "programme.error.center-required");
        errors.check(
                f.startsOn() != null && f.endsOn() != null && f.startsOn().isBefore(f.endsOn()),
                "endsOn",
                "programme.error.period");
        errors.check(
                f.budget() != null
                        && f.budget().signum() > 0
                        && f.budget().scale() <= 2
                        && f.budget().precision() - f.budget().scale() <= 14,
                "budget",
                "programme.error.amount");
        errors.throwIfAny();
        OrganizationView unit;
        try {
            unit = organizations.find(f.organizationId());
        } catch (NotFoundException e) {
            throw new InvalidInputException(Map.of("organizationId", "programme.error.unit-required"));
        }
        return get(insert(title, unit, f, false));
    }

    /** For the demo data: a contract marked as demo. */
    long insert(String title, OrganizationView unit, ContractForms.NewContract f, boolean demo) {
        Instant now = clock.instant();
        ProgrammeViewer viewer = ProgrammeViewer.current();
        long next = jdbc.sql("select coalesce(max(id), 0) + 1 from programme_contract")
                .query(Long.class)
                .single();
        String number = "HT-" + f.startsOn().getYear() + "-" + String.format("%04d", next);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into programme_contract (number, title, organization_id, organization_name, center, starts_on,"
                        + " ends_on, budget, state, created_by, created_at, demo) values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        number,
                        title,
                        unit.id(),
                        unit.nameZh(),
                        f.center().name(),
                        f.startsOn(),
                        f.endsOn(),
                        f.budget().setScale(2, RoundingMode.UNNECESSARY),
                        ContractState.DRAFT.name(),
                        viewer.personId(),
                        Timestamp.from(now),
                        demo)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "created")
                .withChange("number", null, number)
                .withChange("unit", null, unit.id())
                .withChange("center", null, f.center())
                .withChange("budget", null, f.budget().toPlainString()));
        return id;
    }

    /** Adds a task to a draft contract. */
    @PreAuthorize(OFFICE)
    public ContractView addTask(long contractId, ContractForms.NewTask f) {
        Row c = row(contractId);
        if (c.state() != ContractState.DRAFT) {
            throw new ConflictException("programme.error.contract-not-draft");
        }
        var errors = new InvalidInputException.Collector();
        String title = Text.required(f.title(), 300, "title", errors);
        String deliverable = Text.required(f.deliverable(), 1000, "deliverable", errors);
        errors.check(
                f.dueOn() != null
                        && !f.dueOn().isBefore(c.startsOn())
                        && !f.dueOn().isAfter(c.endsOn()),
                "dueOn",
                "programme.error.due-in-period");
        errors.check(
                (f.indicator() == null) == (f.indicatorTarget() == null),
                "indicatorTarget",
                "programme.error.indicator-target");
        errors.check(
                f.indicatorTarget() == null || (f.indicatorTarget() > 0 && f.indicatorTarget() < 1_000_000),
                "indicatorTarget",
                "programme.error.indicator-target");
        errors.throwIfAny();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into programme_task (contract_id, title, deliverable, indicator, indicator_target, due_on,"
                        + " state) values (?,?,?,?,?,?,?)")
                .params(
                        contractId,
                        title,
                        deliverable,
                        f.indicator() == null ? null : f.indicator().name(),
                        f.indicatorTarget(),
                        f.dueOn(),
                        TaskState.OPEN.name())
                .update(keys, "id");
        long taskId = Objects.requireNonNull(keys.getKey()).longValue();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, contractId, "task-added")
                .withChange("task", null, taskId + " " + title)
                .withChange("dueOn", null, f.dueOn()));
        return get(contractId);
    }

    /** Adds a tranche to a draft contract; its conditions may only name the contract's own tasks. */
    @PreAuthorize(OFFICE)
    public ContractView addTranche(long contractId, ContractForms.NewTranche f) {
        Row c = row(contractId);
        if (c.state() != ContractState.DRAFT) {
            throw new ConflictException("programme.error.contract-not-draft");
        }
        var errors = new InvalidInputException.Collector();
        String label = Text.required(f.label(), 300, "label", errors);
        errors.check(
                f.plannedAmount() != null
                        && f.plannedAmount().signum() > 0
                        && f.plannedAmount().scale() <= 2
                        && f.plannedAmount().precision() - f.plannedAmount().scale() <= 14,
                "plannedAmount",
                "programme.error.amount");
        errors.check(f.rule() != null, "rule", "programme.error.rule-required");
        List<Long> required = f.requiredTasks() == null
                ? List.of()
                : f.requiredTasks().stream().distinct().toList();
        errors.check(
                f.payableFrom() != null || !required.isEmpty(), "payableFrom", "programme.error.tranche-condition");
        List<Long> own = jdbc.sql("select id from programme_task where contract_id = ?")
                .param(contractId)
                .query(Long.class)
                .list();
        errors.check(own.containsAll(required), "requiredTasks", "programme.error.tranche-tasks");
        if (f.rule() == AmountRule.SCALED) {
            errors.check(
                    f.indicator() != null
                            && f.indicatorTarget() != null
                            && f.indicatorTarget() > 0
                            && f.indicatorTarget() < 1_000_000,
                    "indicatorTarget",
                    "programme.error.indicator-target");
            BigDecimal floor = f.floor() == null ? TrancheComputation.NO_FLOOR : f.floor();
            BigDecimal cap = f.cap() == null ? TrancheComputation.PLANNED_CAP : f.cap();
            errors.check(
                    floor.signum() >= 0
                            && floor.compareTo(cap) <= 0
                            && cap.compareTo(new BigDecimal("2")) <= 0
                            && cap.signum() > 0
                            && floor.scale() <= 4
                            && cap.scale() <= 4,
                    "cap",
                    "programme.error.floor-cap");
        }
        if (f.plannedAmount() != null && f.plannedAmount().signum() > 0) {
            BigDecimal planned = jdbc.sql(
                            "select coalesce(sum(planned_amount), 0) from programme_tranche where contract_id = ?")
                    .param(contractId)
                    .query(BigDecimal.class)
                    .single();
            errors.check(
                    planned.add(f.plannedAmount()).compareTo(c.budget()) <= 0,
                    "plannedAmount",
                    "programme.error.over-budget");
        }
        errors.throwIfAny();
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from programme_tranche where contract_id = ?")
                .param(contractId)
                .query(Integer.class)
                .single();
        boolean scaled = f.rule() == AmountRule.SCALED;
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into programme_tranche (contract_id, seq, label, planned_amount, payable_from, amount_rule,"
                        + " floor_ratio, cap_ratio, indicator, indicator_target, state) values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(
                        contractId,
                        seq,
                        label,
                        f.plannedAmount().setScale(2, RoundingMode.UNNECESSARY),
                        f.payableFrom(),
                        f.rule().name(),
                        scaled ? (f.floor() == null ? TrancheComputation.NO_FLOOR : f.floor()) : null,
                        scaled ? (f.cap() == null ? TrancheComputation.PLANNED_CAP : f.cap()) : null,
                        scaled ? f.indicator().name() : null,
                        scaled ? f.indicatorTarget() : null,
                        TrancheState.PLANNED.name())
                .update(keys, "id");
        long trancheId = Objects.requireNonNull(keys.getKey()).longValue();
        for (Long task : required) {
            jdbc.sql("insert into programme_tranche_task (tranche_id, task_id) values (?, ?)")
                    .params(trancheId, task)
                    .update();
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, contractId, "tranche-added")
                .withChange("tranche", null, seq + " " + label)
                .withChange("amount", null, f.plannedAmount().toPlainString())
                .withChange("rule", null, f.rule()));
        return get(contractId);
    }

    /** A step of the state machine; refused (409) when the state or a guard forbids it. */
    @PreAuthorize(OFFICE)
    public ContractView transition(long contractId, ContractForms.Transition f) {
        if (f == null || f.transition() == null) {
            throw new InvalidInputException(Map.of("transition", "programme.error.transition-required"));
        }
        Row c = row(contractId);
        ContractTransition t = f.transition();
        if (!t.allowedFrom(c.state())) {
            throw new ConflictException("programme.error.transition", c.state(), t);
        }
        String reason = f.reason() == null ? null : f.reason().strip();
        if (t == ContractTransition.TERMINATE && (reason == null || reason.isEmpty() || reason.length() > 1000)) {
            throw new InvalidInputException(Map.of("reason", "programme.error.reason-required"));
        }
        int tasks = jdbc.sql("select count(*) from programme_task where contract_id = ?")
                .param(contractId)
                .query(Integer.class)
                .single();
        if (t == ContractTransition.SIGN && tasks == 0) {
            throw new ConflictException("programme.error.sign-needs-tasks");
        }
        if (t == ContractTransition.CLOSE) {
            int open = jdbc.sql("select count(*) from programme_task where contract_id = ? and state <> 'ACCEPTED'")
                    .param(contractId)
                    .query(Integer.class)
                    .single();
            if (open > 0) {
                throw new ConflictException("programme.error.close-open-tasks", open);
            }
        }
        int changed = jdbc.sql(
                        "update programme_contract set state = ?, signed_at = coalesce(signed_at, ?), ended_reason = ?"
                                + " where id = ? and state = ?")
                .params(
                        t.to().name(),
                        t == ContractTransition.SIGN ? Timestamp.from(clock.instant()) : null,
                        t == ContractTransition.TERMINATE ? reason : c.endedReason(),
                        contractId,
                        c.state().name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, contractId, t.name().toLowerCase())
                .withChange("state", c.state(), t.to())
                .withComment(reason == null || reason.isEmpty() ? null : reason));
        return get(contractId);
    }

    /**
     * Records an amendment of a signed or in-force contract: a new version number, what changed (budget, end date),
     * the summary, and the officer who approved it.
     */
    @PreAuthorize(OFFICE)
    public ContractView amend(long contractId, ContractForms.Amendment f) {
        Row c = row(contractId);
        if (c.state() != ContractState.SIGNED && c.state() != ContractState.IN_FORCE) {
            throw new ConflictException("programme.error.amend-state");
        }
        var errors = new InvalidInputException.Collector();
        String summary = Text.required(f.summary(), 2000, "summary", errors);
        errors.check(f.budget() != null || f.endsOn() != null, "summary", "programme.error.amendment-empty");
        errors.check(
                f.budget() == null
                        || (f.budget().signum() > 0
                                && f.budget().scale() <= 2
                                && f.budget().precision() - f.budget().scale() <= 14),
                "budget",
                "programme.error.amount");
        errors.check(f.endsOn() == null || f.endsOn().isAfter(c.startsOn()), "endsOn", "programme.error.period");
        if (f.budget() != null && f.budget().signum() > 0) {
            BigDecimal planned = jdbc.sql(
                            "select coalesce(sum(planned_amount), 0) from programme_tranche where contract_id = ?")
                    .param(contractId)
                    .query(BigDecimal.class)
                    .single();
            errors.check(planned.compareTo(f.budget()) <= 0, "budget", "programme.error.budget-below-tranches");
        }
        errors.throwIfAny();
        List<String> changes = new ArrayList<>();
        var audit = StateChanged.of(AUDIT_TYPE, contractId, "amended");
        BigDecimal budget = c.budget();
        LocalDate endsOn = c.endsOn();
        if (f.budget() != null && f.budget().compareTo(c.budget()) != 0) {
            budget = f.budget().setScale(2, RoundingMode.UNNECESSARY);
            changes.add("budget: " + c.budget().toPlainString() + " → " + budget.toPlainString());
            audit = audit.withChange("budget", c.budget().toPlainString(), budget.toPlainString());
        }
        if (f.endsOn() != null && !f.endsOn().equals(c.endsOn())) {
            endsOn = f.endsOn();
            changes.add("endsOn: " + c.endsOn() + " → " + endsOn);
            audit = audit.withChange("endsOn", c.endsOn(), endsOn);
        }
        if (changes.isEmpty()) {
            throw new InvalidInputException(Map.of("summary", "programme.error.amendment-empty"));
        }
        int number = c.amendmentNo() + 1;
        int changed = jdbc.sql(
                        "update programme_contract set budget = ?, ends_on = ?, amendment_no = ? where id = ? and amendment_no = ?")
                .params(budget, endsOn, number, contractId, c.amendmentNo())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        jdbc.sql(
                        "insert into programme_amendment (contract_id, amendment_no, summary, changes, approved_by, approved_at)"
                                + " values (?,?,?,?,?,?)")
                .params(
                        contractId,
                        number,
                        summary,
                        String.join("; ", changes),
                        ProgrammeViewer.current().actor(),
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(
                audit.withChange("amendment", c.amendmentNo(), number).withComment(summary));
        return get(contractId);
    }

    // ---- reading, shared with Tasks and Tranches

    /** The contract, if the viewer may read it (else not found: whether it exists is not told). */
    Row readable(long id) {
        Row c = find(id);
        if (c == null || !ProgrammeViewer.current().maySee(c.organizationId())) {
            throw new NotFoundException("programme.error.no-contract");
        }
        return c;
    }

    Row row(long id) {
        Row c = find(id);
        if (c == null) {
            throw new NotFoundException("programme.error.no-contract");
        }
        return c;
    }

    private Row find(long id) {
        return jdbc.sql("select * from programme_contract where id = ?")
                .param(id)
                .query(Contracts::row)
                .optional()
                .orElse(null);
    }

    /** The platform records that count for the contract's unit on {@code indicator} within its period. */
    int platformRecords(Row c, Indicator indicator) {
        return indicators.countForUnit(indicator, c.center(), c.organizationId(), c.startsOn(), c.endsOn());
    }

    ContractView view(Row c, boolean full) {
        List<TaskView> tasks = full ? tasksOf(c) : List.of();
        List<TrancheView> tranches = full ? tranchesOf(c) : List.of();
        List<ContractView.AmendmentView> amendments = full
                ? jdbc.sql("select * from programme_amendment where contract_id = ? order by amendment_no")
                        .param(c.id())
                        .query((rs, n) -> new ContractView.AmendmentView(
                                rs.getInt("amendment_no"),
                                rs.getString("summary"),
                                rs.getString("changes"),
                                rs.getString("approved_by"),
                                rs.getTimestamp("approved_at").toInstant()))
                        .list()
                : List.of();
        return new ContractView(
                c.id(),
                c.number(),
                c.title(),
                c.organizationId(),
                c.organizationName(),
                c.center(),
                c.startsOn(),
                c.endsOn(),
                c.budget(),
                c.state(),
                c.amendmentNo(),
                c.signedAt(),
                c.endedReason(),
                c.demo(),
                tasks,
                tranches,
                amendments);
    }

    List<TaskView> tasksOf(Row c) {
        return jdbc.sql("select * from programme_task where contract_id = ? order by due_on, id")
                .param(c.id())
                .query((rs, n) -> taskView(rs, c))
                .list();
    }

    TaskView taskView(ResultSet rs, Row c) throws SQLException {
        long id = rs.getLong("id");
        String indicatorName = rs.getString("indicator");
        Indicator indicator = indicatorName == null ? null : Indicator.valueOf(indicatorName);
        Integer target = (Integer) rs.getObject("indicator_target", Integer.class);
        Integer counted = (Integer) rs.getObject("counted_records", Integer.class);
        Timestamp reportedAt = rs.getTimestamp("reported_at");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new TaskView(
                id,
                c.id(),
                rs.getString("title"),
                rs.getString("deliverable"),
                indicator,
                target,
                rs.getObject("due_on", LocalDate.class),
                TaskState.valueOf(rs.getString("state")),
                rs.getInt("progress"),
                rs.getString("report"),
                counted,
                indicator == null || indicator.source() == Indicator.Source.NONE ? null : platformRecords(c, indicator),
                reportedAt == null ? null : reportedAt.toInstant(),
                rs.getString("reported_by"),
                rs.getString("return_reason"),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                evidenceOf(id));
    }

    private List<TaskView.EvidenceView> evidenceOf(long taskId) {
        return jdbc.sql("select * from programme_evidence where task_id = ? order by id")
                .param(taskId)
                .query((rs, n) -> new TaskView.EvidenceView(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("sha256"),
                        rs.getString("media_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("added_by"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    List<TrancheView> tranchesOf(Row c) {
        return jdbc.sql("select * from programme_tranche where contract_id = ? order by seq")
                .param(c.id())
                .query((rs, n) -> trancheView(rs, c))
                .list();
    }

    TrancheView trancheView(ResultSet rs, Row c) throws SQLException {
        long id = rs.getLong("id");
        LocalDate payableFrom = rs.getObject("payable_from", LocalDate.class);
        AmountRule rule = AmountRule.valueOf(rs.getString("amount_rule"));
        BigDecimal planned = rs.getBigDecimal("planned_amount");
        BigDecimal floor = rs.getBigDecimal("floor_ratio");
        BigDecimal cap = rs.getBigDecimal("cap_ratio");
        String indicatorName = rs.getString("indicator");
        Indicator indicator = indicatorName == null ? null : Indicator.valueOf(indicatorName);
        Integer target = (Integer) rs.getObject("indicator_target", Integer.class);
        TrancheState state = TrancheState.valueOf(rs.getString("state"));
        List<TrancheView.Condition> conditions = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        boolean inForce = c.state() == ContractState.IN_FORCE || c.state() == ContractState.CLOSED;
        conditions.add(new TrancheView.Condition(
                "programme.condition.in-force", c.state().name(), inForce));
        if (payableFrom != null) {
            conditions.add(new TrancheView.Condition(
                    "programme.condition.date", payableFrom.toString(), !today.isBefore(payableFrom)));
        }
        jdbc.sql("select t.id, t.title, t.state from programme_tranche_task x join programme_task t on t.id = x.task_id"
                        + " where x.tranche_id = ? order by t.id")
                .param(id)
                .query((r, n) -> new TrancheView.Condition(
                        "programme.condition.task-accepted",
                        "#" + r.getLong("id") + " " + r.getString("title"),
                        TaskState.ACCEPTED.name().equals(r.getString("state"))))
                .list()
                .forEach(conditions::add);
        boolean payable = conditions.stream().allMatch(TrancheView.Condition::met);
        TrancheComputation computation = TrancheComputation.compute(
                rule, planned, indicator == null ? null : platformRecords(c, indicator), target, floor, cap);
        Timestamp proposedAt = rs.getTimestamp("proposed_at");
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new TrancheView(
                id,
                c.id(),
                c.number(),
                c.organizationName(),
                rs.getInt("seq"),
                rs.getString("label"),
                planned,
                payableFrom,
                rule,
                floor,
                cap,
                indicator,
                target,
                List.copyOf(conditions),
                payable,
                computation,
                state,
                rs.getBigDecimal("amount"),
                rs.getString("proposed_by"),
                proposedAt == null ? null : proposedAt.toInstant(),
                rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant(),
                rs.getString("rejection_reason"));
    }

    /** A contract row as stored. */
    record Row(
            long id,
            String number,
            String title,
            long organizationId,
            String organizationName,
            Center center,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal budget,
            ContractState state,
            int amendmentNo,
            Instant signedAt,
            String endedReason,
            boolean demo) {}

    static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp signed = rs.getTimestamp("signed_at");
        return new Row(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("title"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                Center.valueOf(rs.getString("center")),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getBigDecimal("budget"),
                ContractState.valueOf(rs.getString("state")),
                rs.getInt("amendment_no"),
                signed == null ? null : signed.toInstant(),
                rs.getString("ended_reason"),
                rs.getBoolean("demo"));
    }

    /** The contract of a task or tranche row. */
    Row contractOf(String table, long id) {
        Long contractId = jdbc.sql("select contract_id from " + table + " where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElse(null);
        return contractId == null ? null : find(contractId);
    }

    /** Refuses a unit action by someone who is not a member of the contract's unit. */
    static void requireMember(Row c, ProgrammeViewer viewer) {
        if (!viewer.memberOf(c.organizationId())) {
            throw new NotPermittedException("programme.error.not-unit-member");
        }
    }
}
