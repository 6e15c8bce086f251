package org.stdhub.programme;

import java.time.LocalDate;

/** The base office accepted a contract task's report. */
public record TaskCompleted(long taskId, long contractId, long organizationId, String title, LocalDate acceptedOn) {}
