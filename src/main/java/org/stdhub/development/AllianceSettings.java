package org.stdhub.development;

import java.time.LocalDate;

/** An alliance's durations and thresholds in force from {@code effectiveFrom}. */
public record AllianceSettings(LocalDate effectiveFrom, int commentDays, BallotRule ballotRule, int reviewYears) {}
