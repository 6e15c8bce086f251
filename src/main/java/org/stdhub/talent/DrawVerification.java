package org.stdhub.talent;

import java.time.Instant;
import java.util.List;

/**
 * The public verification of a draw: its published inputs (pool snapshot, exclusions by rule, eligible ids, the
 * canonical text and its hash, the seed commitment) and — once the decision is recorded — the revealed seed, the
 * published result and the list recomputed from the inputs. {@code verified} is true when the seed matches the
 * commitment, the inputs match their hash and the recomputed list equals the published one.
 */
public record DrawVerification(
        long id,
        DrawPurpose purpose,
        String subject,
        DrawState state,
        String algorithm,
        int members,
        int reserves,
        List<Long> pool,
        List<String> exclusions,
        List<Long> eligible,
        String canonicalInputs,
        String publishedInputsHash,
        String recomputedInputsHash,
        boolean inputsMatch,
        String seedCommitment,
        boolean sealed,
        String seed,
        Boolean commitmentMatches,
        List<Long> publishedResult,
        List<Long> recomputedResult,
        Boolean resultMatches,
        boolean verified,
        boolean claimed,
        Instant committedAt,
        Instant drawnAt,
        Instant decidedAt) {}
