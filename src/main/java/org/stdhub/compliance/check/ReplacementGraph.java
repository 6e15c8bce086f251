package org.stdhub.compliance.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stdhub.catalog.ReplacementChain;

/**
 * The catalog's replacement graph read once for a check (older id → ids that directly replace it), its chains
 * walked in memory and kept per standard.
 */
final class ReplacementGraph {

    private final Map<Long, List<Long>> replacedBy;
    private final Map<Long, ReplacementChain> chains = new HashMap<>();

    ReplacementGraph(Map<Long, List<Long>> replacedBy) {
        this.replacedBy = replacedBy;
    }

    static ReplacementGraph none() {
        return new ReplacementGraph(Map.of());
    }

    /** The chain from {@code id} towards newer standards (empty when nothing replaces it). */
    ReplacementChain newerThan(long id) {
        if (!replacedBy.containsKey(id)) {
            return ReplacementChain.empty(id);
        }
        return chains.computeIfAbsent(id, start -> ReplacementChain.walk(replacedBy, start));
    }
}
