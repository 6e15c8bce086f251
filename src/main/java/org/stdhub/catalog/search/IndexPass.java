package org.stdhub.catalog.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.StandardSearchQuery;

/**
 * One execution of a catalog query over the index Hibernate Search maintains: a single
 * {@link IndexSearcher#search(Query, org.apache.lucene.search.CollectorManager)} collects the top documents of
 * the page (in the search's sort order) and, with facets, the matches for {@link FacetCounter} (exact or
 * sampled) at the same time; the page's rows are then read from the stored fields of those top documents only
 * (the fields the API returns). The reader is the one Hibernate Search serves through its Lucene extension, so
 * every committed change is seen as by its own queries.
 */
@Component
class IndexPass {

    /** The stored fields a result row shows. */
    private static final Set<String> ROW_FIELDS =
            Set.of("designation", "titleZh", "titleEn", "status", "published", "ics");

    /** Publication date, newest first, documents without one last (the keyword is sortable: sorted-set doc values). */
    private static final SortField NEWEST_FIRST = newestFirst();

    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, NEWEST_FIRST);
    private static final Sort DATE = new Sort(NEWEST_FIRST, SortField.FIELD_SCORE);
    private static final Sort DESIGNATION = new Sort(new SortedSetSortField("designationSort", false));

    private final EntityManagerFactory emf;
    private final FacetCounter facetCounter;

    IndexPass(EntityManagerFactory emf, FacetCounter facetCounter) {
        this.emf = emf;
        this.facetCounter = facetCounter;
    }

    /** One stored row of a hit, as the API shows it. */
    record Row(String designation, String titleZh, String titleEn, String status, String published, List<String> ics) {}

    /**
     * What one execution found: the total (exact with facets, otherwise exact up to the count limit), the rows
     * of the page and, when asked for, the facet counts (otherwise null).
     */
    record Found(long total, List<Row> rows, FacetCounter.Counts counts) {}

    /**
     * Runs {@code query} once.
     *
     * @param facets whether to collect the matches for the total and the six facets (then the total is exact)
     * @param countUpTo without facets, matches counted exactly (beyond it Lucene may skip documents that cannot
     *     reach the page)
     * @param oneTitleFirst whether the first hits show one standard per title before the repeats ({@link
     *     TitleGroups}; a search by relevance for a text)
     */
    Found run(
            Query query,
            StandardSearchQuery.Sort sort,
            int from,
            int size,
            boolean facets,
            int countUpTo,
            boolean oneTitleFirst) {
        int top = Math.max(1, from + size);
        int collected = oneTitleFirst ? TitleGroups.fetched(top) : top;
        try (IndexReader opened = Search.mapping(emf)
                .scope(Standard.class)
                .extension(LuceneExtension.get())
                .openIndexReader()) {
            IndexReader reader = FacetCounter.indexReader(opened);
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs docs;
            FacetCounter.Counts counts = null;
            long total;
            if (facets) {
                MultiCollectorManager both = new MultiCollectorManager(
                        new TopFieldCollectorManager(sort(sort), collected, null, Integer.MAX_VALUE),
                        facetCounter.manager());
                Object[] results = searcher.search(query, both);
                docs = (TopDocs) results[0];
                counts = facetCounter.count(reader, (RandomSamplingFacetsCollector) results[1]);
                total = counts.total();
            } else {
                docs = searcher.search(
                        query,
                        new TopFieldCollectorManager(sort(sort), collected, null, Math.max(countUpTo, collected)));
                total = docs.totalHits.value();
            }
            ScoreDoc[] hits = oneTitleFirst ? TitleGroups.firstOfEachTitle(reader, docs.scoreDocs) : docs.scoreDocs;
            return new Found(total, rows(reader, Arrays.copyOf(hits, Math.min(hits.length, top)), from), counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sort sort(StandardSearchQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> RELEVANCE;
            case DATE -> DATE;
            case DESIGNATION -> DESIGNATION;
        };
    }

    private static SortField newestFirst() {
        SortField published = new SortedSetSortField("published", true);
        // reversed order: the lowest value comes last, so "missing as lowest" puts undated documents last
        published.setMissingValue(SortField.STRING_FIRST);
        return published;
    }

    private static List<Row> rows(IndexReader reader, ScoreDoc[] hits, int from) throws IOException {
        if (hits.length <= from) {
            return List.of();
        }
        // read in document order: the stored-fields reader keeps the block it last decompressed, so hits of one
        // block (editions of one standard are written next to each other) decompress it once
        Integer[] order = new Integer[hits.length - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
        StoredFields stored = reader.storedFields();
        Row[] rows = new Row[order.length];
        for (int i : order) {
            Document doc = stored.document(hits[i].doc, ROW_FIELDS);
            List<String> ics = new ArrayList<>();
            for (IndexableField code : doc.getFields("ics")) {
                ics.add(code.stringValue());
            }
            rows[i - from] = new Row(
                    doc.get("designation"),
                    doc.get("titleZh"),
                    doc.get("titleEn"),
                    doc.get("status"),
                    doc.get("published"),
                    ics);
        }
        return List.of(rows);
    }
}
