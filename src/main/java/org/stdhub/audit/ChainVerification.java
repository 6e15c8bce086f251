package org.stdhub.audit;

/**
 * The result of checking the whole audit chain: intact, or the first entry where it breaks.
 *
 * @param entries how many entries were read (all of them when intact; up to the break otherwise)
 * @param brokenSeq the sequence number of the first broken (or missing) entry; null when intact
 * @param problem what is wrong there; null when intact
 * @param detail the problem in plain English (for logs and the command line)
 */
public record ChainVerification(long entries, Long brokenSeq, Problem problem, String detail) {

    /** Ways the chain can break. */
    public enum Problem {
        /** The entry's content no longer hashes to its stored hash: it was edited. */
        HASH_MISMATCH,
        /** The entry does not point at the hash of the entry before it: an entry before it was replaced. */
        PREV_HASH_MISMATCH,
        /** An entry is missing from the sequence: it was deleted. */
        SEQ_GAP,
        /** Entries at the end of the chain are missing: they were deleted. */
        TRUNCATED,
        /** The last entry is not the one the chain head recorded. */
        HEAD_MISMATCH;

        /** The key of its description in the messages ({@code audit.verify.problem.hash-mismatch} …). */
        public String messageKey() {
            return "audit.verify.problem."
                    + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static ChainVerification intact(long entries) {
        return new ChainVerification(entries, null, null, null);
    }

    public static ChainVerification broken(long entries, long seq, Problem problem, String detail) {
        return new ChainVerification(entries, seq, problem, detail);
    }

    public boolean ok() {
        return brokenSeq == null;
    }
}
