package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the base office and the units write about contracts, tasks and tranches (pages and JSON API alike). */
public final class ContractForms {

    private ContractForms() {}

    /** A new contract with a building unit (an identity organization) for one center. */
    public record NewContract(
            String title,
            Long organizationId,
            Center center,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal budget) {}

    /** A task with its deliverable, due date and (optionally) the indicator and target it must reach. */
    public record NewTask(
            String title, String deliverable, Indicator indicator, Integer indicatorTarget, LocalDate dueOn) {}

    /**
     * A tranche: its planned amount, its conditions (a date and/or accepted tasks) and its amount rule; for {@link
     * AmountRule#SCALED} the indicator and target whose achievement scales it, between {@code floor} and {@code cap}
     * (ratios of the planned amount, e.g. 0.5 and 1).
     */
    public record NewTranche(
            String label,
            BigDecimal plannedAmount,
            LocalDate payableFrom,
            AmountRule rule,
            BigDecimal floor,
            BigDecimal cap,
            Indicator indicator,
            Integer indicatorTarget,
            List<Long> requiredTasks) {}

    /** A step of the contract's state machine; a termination needs a reason. */
    public record Transition(ContractTransition transition, String reason) {}

    /** An amendment: what changed and why; a new budget and/or end date (blank: unchanged). */
    public record Amendment(String summary, BigDecimal budget, LocalDate endsOn) {}

    /** A unit's report on a task: progress in percent and what was done. */
    public record TaskReport(Integer progress, String report) {}

    /** A reason (returning a task, rejecting a tranche or a claim, terminating). */
    public record Reason(String reason) {}
}
