package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contract as its readers see it: parties, center, period, budget, state, tasks, tranches and amendments. */
public record ContractView(
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
        boolean demo,
        List<TaskView> tasks,
        List<TrancheView> tranches,
        List<AmendmentView> amendments) {

    /** One versioned amendment: what changed, who approved it, when. */
    public record AmendmentView(int number, String summary, String changes, String approvedBy, Instant approvedAt) {}
}
