package org.stdhub.catalog.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.LongValueFacetCounts;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.Standard;

/**
 * Counts the six facets of a search in one pass over the matches: Lucene's facet module over the doc values
 * Hibernate Search writes for the aggregable fields ({@code status}, {@code kind}, {@code body},
 * {@code icsPath}, {@code ccsPath} as sorted-set doc values, {@code publishedYear} as numeric ones). The
 * matches are collected once into a bit set (beyond {@value #EXACT_UP_TO} matches, a random sample of about
 * that many: Lucene keeps one match per bin of {@code total / limit} matches, so up to twice the limit it keeps
 * them all and the counts stay exact), then each dimension is counted by global ordinal; the ordinal
 * maps ({@link StringDocValuesReaderState}, built once per index reader as Lucene intends) are kept for the
 * reader Hibernate Search currently serves and rebuilt when it changes.
 */
@Component
class FacetCounter {

    /** String facets: index field and how many of its values are returned (most frequent first). */
    static final Map<String, Integer> STRING_FACETS = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
            "status", 10,
            "kind", 20,
            "body", 30,
            "icsPath", Integer.MAX_VALUE,
            "ccsPath", Integer.MAX_VALUE)));

    /**
     * Matches counted exactly; a search with more counts its facets over a random sample of this many
     * matches (fixed seed: the same search gives the same counts), scaled up and shown as approximate. The
     * total stays exact.
     */
    static final int EXACT_UP_TO = 100_000;

    private static final long SAMPLE_SEED = 20_261_130L;

    private final EntityManagerFactory emf;

    /** Ordinal maps of the reader last seen: replaced as a whole when the reader changes. */
    private volatile ReaderStates states;

    private final int exactUpTo;

    @org.springframework.beans.factory.annotation.Autowired
    FacetCounter(EntityManagerFactory emf) {
        this(emf, EXACT_UP_TO);
    }

    /** With another limit of exact counting (tests reach the sampled path on the shipped catalog). */
    FacetCounter(EntityManagerFactory emf, int exactUpTo) {
        this.emf = emf;
        this.exactUpTo = exactUpTo;
    }

    /** Counts of one search: total matches (exact) and, per facet, value → count (estimated when approximate). */
    record Counts(long total, boolean approximate, Map<String, Map<String, Long>> byField) {}

    private record ReaderStates(IndexReader reader, Map<String, StringDocValuesReaderState> byField) {}

    /** Counts the matches of {@code query} and their facet values. */
    Counts count(Query query) {
        try (IndexReader opened = Search.mapping(emf)
                .scope(Standard.class)
                .extension(LuceneExtension.get())
                .openIndexReader()) {
            IndexReader reader = indexReader(opened);
            return count(reader, new IndexSearcher(reader).search(query, manager()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the matches of a search (all of them, or a fixed-seed sample beyond the exact limit). */
    CollectorManager<RandomSamplingFacetsCollector, RandomSamplingFacetsCollector> manager() {
        return RandomSamplingFacetsCollector.createManager(exactUpTo, SAMPLE_SEED);
    }

    /**
     * The total and the facet counts of the matches {@code hits} collected (by {@link #manager()}) from
     * {@code reader}, the index's own reader ({@link #indexReader}).
     */
    Counts count(IndexReader reader, RandomSamplingFacetsCollector hits) throws IOException {
        ReaderStates current = statesFor(reader);
        long total = 0;
        for (FacetsCollector.MatchingDocs docs : hits.getOriginalMatchingDocs()) {
            total += docs.totalHits();
        }
        // the sample is drawn when the matches are first asked for; Lucene samples in whole bins, so below
        // twice the limit it keeps every match: only a sample smaller than the matches is an estimate
        long counted = total > exactUpTo ? sampled(hits.getMatchingDocs()) : total;
        boolean approximate = counted < total;
        double scale = approximate ? (double) total / counted : 1;
        Map<String, Map<String, Long>> byField = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> facet : STRING_FACETS.entrySet()) {
            FacetResult top = null;
            if (total > 0) {
                StringValueFacetCounts counts =
                        new StringValueFacetCounts(current.byField().get(facet.getKey()), hits);
                top = facet.getValue() == Integer.MAX_VALUE
                        ? counts.getAllChildren(facet.getKey())
                        : counts.getTopChildren(facet.getValue(), facet.getKey());
            }
            byField.put(facet.getKey(), values(top, scale));
        }
        byField.put("publishedYear", total == 0 ? Map.of() : years(hits, scale));
        return new Counts(total, approximate, byField);
    }

    /**
     * The index's own directory reader inside the reader Hibernate Search opens (one index, one shard): the
     * same instance for every search until the index changes, so its ordinal maps can be reused.
     */
    static IndexReader indexReader(IndexReader opened) {
        IndexReaderContext context = opened.getContext();
        List<IndexReaderContext> children = context.children();
        return children != null && children.size() == 1 ? children.getFirst().reader() : opened;
    }

    private ReaderStates statesFor(IndexReader reader) throws IOException {
        ReaderStates current = states;
        if (current != null && current.reader() == reader) {
            return current;
        }
        Map<String, StringDocValuesReaderState> byField = new LinkedHashMap<>();
        for (String field : STRING_FACETS.keySet()) {
            byField.put(field, new StringDocValuesReaderState(reader, field));
        }
        current = new ReaderStates(reader, byField);
        states = current;
        return current;
    }

    /** How many documents a (sampled) list of matches holds: its {@code totalHits} are those before sampling. */
    private static long sampled(List<FacetsCollector.MatchingDocs> matches) throws IOException {
        long n = 0;
        for (FacetsCollector.MatchingDocs docs : matches) {
            DocIdSetIterator it = docs.bits().iterator();
            if (it != null) {
                while (it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Value → count (times {@code scale}, rounded, for a sample; at least 1 for a value seen). */
    private static Map<String, Long> values(FacetResult result, double scale) {
        Map<String, Long> values = new LinkedHashMap<>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                long n = lv.value.longValue();
                if (n > 0) {
                    values.put(lv.label, scale == 1 ? n : Math.max(1, Math.round(n * scale)));
                }
            }
        }
        return values;
    }

    /** Counts per publication year (the year field is a numeric doc value). */
    private static Map<String, Long> years(FacetsCollector hits, double scale) throws IOException {
        return values(new LongValueFacetCounts("publishedYear", hits).getAllChildren("publishedYear"), scale);
    }
}
