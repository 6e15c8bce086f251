package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A funding tranche with its conditions (each met or not), whether it is payable, and its amount computation with
 * the inputs (the recorded one once proposed, else the one it would have today).
 */
public record TrancheView(
        long id,
        long contractId,
        String contractNumber,
        String organizationName,
        int seq,
        String label,
        BigDecimal plannedAmount,
        LocalDate payableFrom,
        AmountRule rule,
        BigDecimal floor,
        BigDecimal cap,
        Indicator indicator,
        Integer indicatorTarget,
        List<Condition> conditions,
        boolean payable,
        TrancheComputation computation,
        TrancheState state,
        BigDecimal amount,
        String proposedBy,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt,
        String rejectionReason) {

    /** One condition of payment: {@code key} names it (message key), {@code subject} what it is about. */
    public record Condition(String key, String subject, boolean met) {}
}
