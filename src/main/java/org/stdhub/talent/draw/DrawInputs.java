package org.stdhub.talent.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The published inputs of a draw and their canonical text, whose SHA-256 is the inputs hash shown before the draw:
 * algorithm, draw id, members, reserves, the pool snapshot (sorted expert ids), the exclusions (expert id and rule,
 * sorted) and the eligible ids (the pool without the excluded, sorted). Anyone can rebuild the text and the hash.
 *
 * @param exclusions "expertId:RULE" entries
 */
public record DrawInputs(
        String algorithm, long drawId, int members, int reserves, List<Long> pool, List<String> exclusions) {

    public DrawInputs {
        pool = List.copyOf(new TreeSet<>(pool));
        exclusions = exclusions.stream().distinct().sorted(BY_EXPERT_THEN_RULE).toList();
    }

    private static final Comparator<String> BY_EXPERT_THEN_RULE = Comparator.<String>comparingLong(
                    s -> Long.parseLong(s.substring(0, s.indexOf(':'))))
            .thenComparing(s -> s.substring(s.indexOf(':') + 1));

    /** The pool minus every excluded expert, in ascending id order: what the generator shuffles. */
    public List<Long> eligible() {
        Set<Long> excluded = exclusions.stream()
                .map(s -> Long.parseLong(s.substring(0, s.indexOf(':'))))
                .collect(Collectors.toSet());
        List<Long> eligible = new ArrayList<>();
        for (Long id : pool) {
            if (!excluded.contains(id)) {
                eligible.add(id);
            }
        }
        return eligible;
    }

    /** The canonical text, one "name=value" line each, '\n' line ends. */
    public String canonical() {
        return "algorithm=" + algorithm + "\n"
                + "draw=" + drawId + "\n"
                + "members=" + members + "\n"
                + "reserves=" + reserves + "\n"
                + "pool=" + join(pool) + "\n"
                + "exclusions=" + String.join(",", exclusions) + "\n"
                + "eligible=" + join(eligible()) + "\n";
    }

    public String hash() {
        return sha256Hex(canonical().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> split(String ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(Long::parseLong).toList();
    }
}
