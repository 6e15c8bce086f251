package org.stdhub.audit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.audit.ChainVerification.Problem;

/**
 * Walks the whole chain in sequence order, recomputing every hash, and stops at the first entry that is
 * missing, altered or not linked to its predecessor. Also checks that the chain still ends where the head
 * says it does, so that entries cut off at the end are noticed too.
 */
@Component
class ChainVerifier {

    private final AuditStore store;

    ChainVerifier(AuditStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        // read before the entries: appends committed meanwhile only add entries after this head
        AuditStore.Head head = store.head();
        return store.streamChain(rs -> {
            long count = 0;
            long expected = 1;
            String previousHash = ChainHash.GENESIS;
            String hashAtHead = null;
            while (rs.next()) {
                AuditStore.Row row = AuditStore.row(rs);
                if (row.seq() != expected) {
                    return row.seq() > expected
                            ? ChainVerification.broken(
                                    count,
                                    expected,
                                    Problem.SEQ_GAP,
                                    "entry seq=" + expected + " is missing (the next stored entry is seq=" + row.seq()
                                            + ")")
                            : ChainVerification.broken(
                                    count,
                                    row.seq(),
                                    Problem.SEQ_GAP,
                                    "unexpected seq=" + row.seq() + " where seq=" + expected + " was due");
                }
                count++;
                if (!previousHash.equals(row.prevHash())) {
                    return ChainVerification.broken(
                            count,
                            row.seq(),
                            Problem.PREV_HASH_MISMATCH,
                            "prev_hash " + row.prevHash() + " is not the hash of entry seq=" + (row.seq() - 1) + " ("
                                    + previousHash + ")");
                }
                String recomputed = row.recomputedHash();
                if (!recomputed.equals(row.hash())) {
                    return ChainVerification.broken(
                            count,
                            row.seq(),
                            Problem.HASH_MISMATCH,
                            "content hashes to " + recomputed + " but the stored hash is " + row.hash()
                                    + " (the entry was altered)");
                }
                if (row.seq() == head.lastSeq()) {
                    hashAtHead = row.hash();
                }
                previousHash = row.hash();
                expected++;
            }
            long last = expected - 1;
            if (last < head.lastSeq()) {
                return ChainVerification.broken(
                        count,
                        last + 1,
                        Problem.TRUNCATED,
                        "entries seq=" + (last + 1) + " to seq=" + head.lastSeq()
                                + " are missing at the end of the chain");
            }
            if (head.lastSeq() > 0 && !head.lastHash().equals(hashAtHead)) {
                return ChainVerification.broken(
                        count,
                        head.lastSeq(),
                        Problem.HEAD_MISMATCH,
                        "the chain head records hash " + head.lastHash() + " for this entry, but it is " + hashAtHead);
            }
            return ChainVerification.intact(count);
        });
    }
}
