package org.stdhub.talent.draw;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Recomputes a draw from its inputs and compares with what was published: the seed against the commitment, the
 * inputs against the inputs hash, and the recomputed ordered list against the published result.
 */
public final class DrawVerifier {

    /** What a recomputation showed; {@code recomputed} is empty when no seed was given. */
    public record Checks(
            String inputsHash,
            boolean inputsMatch,
            Boolean commitmentMatches,
            List<Long> recomputed,
            Boolean resultMatches) {

        /** All three hold (a sealed draw, with no seed and no result yet, is not verified). */
        public boolean verified() {
            return inputsMatch && Boolean.TRUE.equals(commitmentMatches) && Boolean.TRUE.equals(resultMatches);
        }
    }

    private DrawVerifier() {}

    /**
     * @param seedHex the revealed seed, or null while it is sealed
     * @param publishedResult the published ordered list, or null while it is sealed
     */
    public static Checks verify(
            DrawInputs inputs,
            String seedHex,
            String publishedCommitment,
            String publishedInputsHash,
            List<Long> publishedResult) {
        String hash = inputs.hash();
        boolean inputsMatch = hash.equals(publishedInputsHash);
        if (seedHex == null || seedHex.isBlank()) {
            return new Checks(hash, inputsMatch, null, List.of(), null);
        }
        byte[] seed;
        try {
            seed = HexFormat.of().parseHex(seedHex.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Checks(hash, inputsMatch, false, List.of(), publishedResult == null ? null : false);
        }
        boolean commitmentMatches = DrawInputs.sha256Hex(seed).equals(publishedCommitment);
        List<Long> eligible = inputs.eligible();
        int count = inputs.members() + inputs.reserves();
        List<Long> recomputed = seed.length < 32 || count > eligible.size()
                ? List.of()
                : DrawGenerator.order(HexFormat.of().formatHex(seed), hash, eligible, count);
        Boolean resultMatches = publishedResult == null ? null : recomputed.equals(publishedResult);
        return new Checks(hash, inputsMatch, commitmentMatches, recomputed, resultMatches);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
