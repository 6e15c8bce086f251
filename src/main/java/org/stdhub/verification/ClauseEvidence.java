package org.stdhub.verification;

/**
 * Evidence that confirmed (or questioned) one clause, from whatever produced it (a verification task's test
 * records, for instance).
 *
 * @param clause the clause number as written in the standard ("5.2.1")
 * @param kind what the evidence is, e.g. "verification-task"
 * @param summary one line: what was done and found
 * @param verdict the evidence's verdict in its producer's words (e.g. CONFIRMED, NEEDS_CHANGE), or null
 * @param link a path on this site where the evidence is shown, or null
 */
public record ClauseEvidence(String clause, String kind, String summary, String verdict, String link) {}
