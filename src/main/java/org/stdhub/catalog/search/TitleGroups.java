package org.stdhub.catalog.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.stdhub.catalog.StandardSearchQuery;

/**
 * One standard per title before the repeats: among the first {@value #WINDOW} hits of a search by relevance, a
 * title match whose title group ({@code titleGroup}: editions carrying the same title) an earlier hit already
 * showed moves behind the other titles of its tier (exact phrase, near phrase, scattered words), keeping its order
 * among the moved ones; a tier stays above the tiers below it. A person who copies a few words of a title sees ten
 * different documents holding them on the first page rather than four editions of one (the other editions follow,
 * and the standard's page lists them). Designation matches keep their places: there the editions of the work named
 * are what was asked for. Hits beyond the window keep the order of their scores, so every page of the reordered
 * list is the same whichever page is asked for first. Both backends and the export reorder alike.
 */
final class TitleGroups {

    /** Hits reordered: the first pages of a search (five pages of ten). */
    static final int WINDOW = 50;

    /** The index field of a standard's title group ({@code Standard#getTitleGroup}). */
    static final String FIELD = "titleGroup";

    /** A hit of the designation tiers: it keeps its place. */
    static final int KEEPS_PLACE = -1;

    private TitleGroups() {}

    /** Whether a search's hits are reordered: by relevance, for a text. */
    static boolean apply(StandardSearchQuery q) {
        return q.sort() == StandardSearchQuery.Sort.RELEVANCE && !q.q().isEmpty();
    }

    /** How many hits to fetch for the first {@code top} of the reordered list. */
    static int fetched(int top) {
        return Math.max(top, WINDOW);
    }

    /**
     * The ranking tier of a score ({@link SearchText}): {@link #KEEPS_PLACE} for the designation tiers, then 2 for
     * the exact phrase, 1 for the near phrase, 0 for words alone.
     */
    static int tier(float score) {
        if (score >= SearchText.WORK) {
            return KEEPS_PLACE;
        }
        return score >= SearchText.EXACT_PHRASE ? 2 : score >= SearchText.NEAR_PHRASE ? 1 : 0;
    }

    /**
     * The hits (in score order, so each tier in one run) reordered.
     *
     * @param group a hit's title group (0 without a title: never moved)
     * @param tier a hit's tier ({@link #tier})
     */
    static <T> List<T> firstOfEachTitle(List<T> hits, ToLongFunction<T> group, ToIntFunction<T> tier) {
        int n = Math.min(hits.size(), WINDOW);
        Set<Long> shown = new HashSet<>();
        List<T> ordered = new ArrayList<>(hits.size());
        List<T> repeats = new ArrayList<>();
        int band = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            T hit = hits.get(i);
            int t = tier.applyAsInt(hit);
            if (t != band) {
                ordered.addAll(repeats);
                repeats.clear();
                band = t;
            }
            long g = group.applyAsLong(hit);
            boolean first = shown.add(g) || g == 0;
            (first || t == KEEPS_PLACE ? ordered : repeats).add(hit);
        }
        ordered.addAll(repeats);
        ordered.addAll(hits.subList(n, hits.size()));
        return ordered;
    }

    /**
     * The first {@code limit} ids of hits projected as {@code [id, score, title group]}, reordered when {@code q} is
     * ({@link #apply}): for the export, in the order the search shows.
     */
    static List<Long> ids(StandardSearchQuery q, List<Object[]> hits, int limit) {
        List<Object[]> ordered = apply(q) ? firstOfEachTitle(hits, TitleGroups::group, h -> tier((Float) h[1])) : hits;
        return ordered.stream().limit(limit).map(h -> (Long) h[0]).toList();
    }

    /** The title group of a hit projected as {@code [.., .., title group, ..]} (0 without one). */
    static long group(Object[] hit) {
        return hit[2] == null ? 0 : (Long) hit[2];
    }

    /** {@link #firstOfEachTitle} over Lucene hits, their groups read from the doc values. */
    static ScoreDoc[] firstOfEachTitle(IndexReader reader, ScoreDoc[] hits) throws IOException {
        long[] groups = groups(reader, hits, Math.min(hits.length, WINDOW));
        // reordered by position: only the first WINDOW positions are read for their group
        List<Integer> positions = IntStream.range(0, hits.length).boxed().toList();
        return firstOfEachTitle(positions, i -> i < groups.length ? groups[i] : 0, i -> tier(score(hits[i]))).stream()
                .map(i -> hits[i])
                .toArray(ScoreDoc[]::new);
    }

    /**
     * A hit's score: sorted by relevance, the top field collector keeps it as the first sort value ({@link
     * ScoreDoc#score} stays NaN unless scores are filled in afterwards).
     */
    private static float score(ScoreDoc hit) {
        if (hit instanceof FieldDoc sorted && sorted.fields.length > 0 && sorted.fields[0] instanceof Float score) {
            return score;
        }
        return hit.score;
    }

    /** The title group of each of the first {@code n} hits (0 without one), read in document order per segment. */
    private static long[] groups(IndexReader reader, ScoreDoc[] hits, int n) throws IOException {
        Integer[] byDoc = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        long[] groups = new long[n];
        LeafReaderContext leaf = null;
        SortedNumericDocValues values = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSortedNumeric(leaf.reader(), FIELD);
            }
            if (values.advanceExact(doc - leaf.docBase)) {
                groups[i] = values.nextValue();
            }
        }
        return groups;
    }
}
