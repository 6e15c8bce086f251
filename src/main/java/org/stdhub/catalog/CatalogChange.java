package org.stdhub.catalog;

import java.util.List;

/**
 * One entry of an import's change log with the facts that tell whom it concerns: the changed standard's work,
 * committee and classes, and its replacement chains. Read with {@link CatalogChanges#inBatch(long)}.
 *
 * @param change the change log entry
 * @param workKey the changed standard's {@link Designation#compactWorkKey()}
 * @param committee its technical committee, or null
 * @param ics its ICS codes
 * @param ccs its CCS codes
 * @param older for NEW and STATUS changes: the standard itself (depth 0) and every standard it replaces, any number
 *     of hops (at most {@link ReplacementChain#MAX_DEPTH}), each at its smallest depth; empty for UPDATED changes
 * @param newer for STATUS changes: every standard that replaces it, any number of hops; empty otherwise
 */
public record CatalogChange(
        StandardChange change,
        String workKey,
        String committee,
        List<String> ics,
        List<String> ccs,
        List<ChainLink> older,
        List<ChainLink> newer) {

    public CatalogChange {
        ics = List.copyOf(ics);
        ccs = List.copyOf(ccs);
        older = List.copyOf(older);
        newer = List.copyOf(newer);
    }

    /** A standard of a replacement chain, {@code depth} hops away from the changed one. */
    public record ChainLink(String designation, String workKey, int depth) {}
}
