package org.stdhub.compliance.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.Editions;
import org.stdhub.catalog.ReplacementChain;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.catalog.StandardLookup.Facts;

/**
 * What one check read of the catalog, in a handful of bulk queries: every edition of every work its lines name,
 * the exact editions named outside those works, the replacement graph and the standards along the chains, and
 * the standards sharing a number with what was not found.
 */
final class CatalogSnapshot {

    private final StandardLookup lookup;
    private final Map<String, List<Facts>> works;
    private final Map<String, Facts> byKey = new HashMap<>();
    private final Map<Long, Facts> byId = new HashMap<>();
    private ReplacementGraph graph = ReplacementGraph.none();
    private Map<String, List<Facts>> byNumber = Map.of();

    private CatalogSnapshot(StandardLookup lookup, Map<String, List<Facts>> works) {
        this.lookup = lookup;
        this.works = works;
    }

    /** Every edition of the works named, and the exact editions named outside them (chunks of keys per query). */
    static CatalogSnapshot editionsOf(StandardLookup lookup, List<Designation> named) {
        Set<String> workKeys = new HashSet<>();
        named.forEach(d -> workKeys.add(d.compactWorkKey()));
        CatalogSnapshot snapshot = new CatalogSnapshot(lookup, lookup.byWorkKeys(workKeys));
        snapshot.works.values().forEach(list -> list.forEach(snapshot::keep));
        Set<String> unseen = new HashSet<>();
        for (Designation d : named) {
            if (!snapshot.byKey.containsKey(d.compactKey())) {
                unseen.add(d.compactKey());
            }
        }
        lookup.byDesignationKeys(unseen).values().forEach(snapshot::keep);
        return snapshot;
    }

    private void keep(Facts f) {
        byKey.put(f.designationKey(), f);
        byId.put(f.id(), f);
    }

    /**
     * The standard a designation names: the exact edition, or — without a year — the preferred edition of its
     * work, amendments and drafts skipped (a list line "GB/T 1" means the standard itself); null when none.
     */
    Facts named(Designation d) {
        Facts exact = byKey.get(d.compactKey());
        if (exact != null || d.year() != null) {
            return exact;
        }
        return Editions.FACTS.preferred(works.get(d.compactWorkKey()), true).orElse(null);
    }

    /** Every edition of a work, or null when the catalog holds none. */
    List<Facts> work(String workKey) {
        return works.get(workKey);
    }

    /** Reads the replacement graph once and the standards along the chains of {@code found}. */
    void readChains(List<Facts> found) {
        if (found.isEmpty()) {
            return;
        }
        graph = new ReplacementGraph(lookup.replacedBy());
        Set<Long> unknown = new HashSet<>();
        for (Facts f : found) {
            graph.newerThan(f.id()).ids().stream()
                    .filter(id -> !byId.containsKey(id))
                    .forEach(unknown::add);
        }
        byId.putAll(lookup.byIds(unknown));
    }

    ReplacementChain newerThan(Facts f) {
        return graph.newerThan(f.id());
    }

    Map<Long, Facts> byId() {
        return byId;
    }

    /** Reads the standards with these document numbers (any prefix, any year). */
    void readNumbers(Set<String> numbers) {
        byNumber = lookup.byNumbers(numbers);
    }

    List<Facts> withNumber(String number) {
        return byNumber.get(number);
    }
}
