package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A second officer approved a tranche's release for the finance system (no payment is made here). */
public record FundingReleased(
        long trancheId, long contractId, long organizationId, BigDecimal amount, LocalDate approvedOn) {}
