package org.stdhub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.search.StandardSearch;

/**
 * The floor: plain Lucene on StdHub's own index directory, opened read-only, with the query StdHub builds
 * written as plain Lucene clauses (same fields, boosts and minimum-should-match rules; the product's own
 * analyzers, designation parser and keys), top 10 by score, no projections, highlights, facets or hit
 * count. The stored designation and titles of the 10 hits are read after the clock stops, only to check
 * the hit.
 */
final class LuceneTarget implements SearchTarget {

    private static final Set<String> STORED = Set.of("designation", "titleZh", "titleEn");

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder analysis;

    /**
     * @param searchAnalyzer the index's search analyzer as Hibernate Search's Lucene backend holds it
     *     ({@code LuceneIndexManager.searchAnalyzer()}): per field, the analyzer the service's match predicates
     *     use, built from the product's analysis configuration
     */
    LuceneTarget(Path indexDirectory, Analyzer searchAnalyzer) throws IOException {
        this.reader = DirectoryReader.open(FSDirectory.open(indexDirectory));
        this.searcher = new IndexSearcher(reader);
        this.analysis = new QueryBuilder(searchAnalyzer);
    }

    /** Number of segments of the index in the directory. */
    static int segments(Path indexDirectory) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(indexDirectory))) {
            return r.leaves().size();
        }
    }

    @Override
    public String name() {
        return "raw Lucene, same index and query (floor)";
    }

    /**
     * The query of StandardSearch.build and SearchText.strict for a free-text search without filters: the
     * same tiers and constants (designation 2000/1000/900/800, exact designation +200, exact phrase 200, near phrase
     * 80 with slop 2, the words as written +60, a whole title element +50), the same word clauses; not the service's
     * reordering of repeated titles (TitleGroups).
     */
    Query query(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Designation.tryParse(text).ifPresent(d -> {
            any.add(keyword(d.compactKey(), 2000f), BooleanClause.Occur.SHOULD);
            // the record designated exactly so, before the editions whose work key the text also is
            any.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new TermQuery(new Term("designation", d.normalized()))), 200f),
                    BooleanClause.Occur.SHOULD);
            if (d.amendments().isEmpty()) {
                // the document itself before its supplements (boolean "supplement" is an int point, 0 = false)
                Query work = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("designationKey", d.compactWorkKey())), BooleanClause.Occur.MUST)
                        .add(IntPoint.newExactQuery("supplement", 0), BooleanClause.Occur.MUST)
                        .build();
                any.add(new BoostQuery(new ConstantScoreQuery(work), 900f), BooleanClause.Occur.SHOULD);
            }
            any.add(keyword(d.compactWorkKey(), 800f), BooleanClause.Occur.SHOULD);
        });
        String compact = StandardSearch.compact(text);
        if (!compact.isEmpty() && compact.length() <= 60) {
            any.add(keyword(compact, 1000f), BooleanClause.Occur.SHOULD);
        }
        if (isPhrase(text)) {
            phrases(any, text, List.of("titleZhBigram", "adoptedTitleZhBigram", "titleEn"), 0, 200f);
            phrases(any, text, List.of("titleZh", "adoptedTitleZh", "titleZhBigram", "titleEn"), 2, 80f);
            phrases(any, text, List.of("titleEnWording"), 0, 60f);
        }
        String element = org.stdhub.catalog.search.TitleElements.ofText(text);
        if (!element.isEmpty()) {
            any.add(
                    new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("titleElement", element))), 50f),
                    BooleanClause.Occur.SHOULD);
        }
        match(any, "titleZh", text, 2, 75, 3f);
        match(any, "titleZhBigram", text, 3, 80, 1f);
        match(any, "titleEn", text, 2, 75, 2f);
        match(any, "adoptedTitleZh", text, 2, 75, 1.5f);
        match(any, "adoptedTitleZhBigram", text, 3, 80, 0.5f);
        return new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(
                        new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("status", "current"))), 2f),
                        BooleanClause.Occur.SHOULD)
                .build();
    }

    /** SearchText.isPhrase: more than one word, or at least three Chinese characters. */
    private static boolean isPhrase(String text) {
        String t = text.strip();
        return t.codePoints().anyMatch(Character::isWhitespace)
                || t.codePoints()
                                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                                .count()
                        >= 3;
    }

    /** One constant-score tier: the text as a phrase (with {@code slop}) in any of the fields. */
    private void phrases(BooleanQuery.Builder any, String text, List<String> fields, int slop, float boost) {
        BooleanQuery.Builder tier = new BooleanQuery.Builder();
        for (String field : fields) {
            Query phrase = analysis.createPhraseQuery(field, text, slop);
            if (phrase != null) {
                tier.add(phrase, BooleanClause.Occur.SHOULD);
            }
        }
        any.add(new BoostQuery(new ConstantScoreQuery(tier.build()), boost), BooleanClause.Occur.SHOULD);
    }

    private static Query keyword(String key, float boost) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("designationKey", key))), boost);
    }

    /**
     * Hibernate Search's match predicate: the analyzed terms as SHOULD clauses; with at most {@code ceiling}
     * terms all must match, above it {@code percent} % of them (rounded down).
     */
    private void match(BooleanQuery.Builder any, String field, String text, int ceiling, int percent, float boost) {
        Query q = analysis.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
        if (q == null) {
            return;
        }
        if (q instanceof BooleanQuery bool) {
            int n = bool.clauses().size();
            int minimum = n <= ceiling ? n : Math.max(1, percent * n / 100);
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimum);
            bool.clauses().forEach(b::add);
            q = b.build();
        }
        any.add(boost == 1f ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
    }

    @Override
    public Object execute(String text) throws IOException {
        return searcher.search(query(text), 10);
    }

    @Override
    public List<Row> rows(Object result) throws IOException {
        StoredFields stored = reader.storedFields();
        List<Row> rows = new ArrayList<>();
        for (ScoreDoc hit : ((TopDocs) result).scoreDocs) {
            Document doc = stored.document(hit.doc, STORED);
            rows.add(new Row(doc.get("designation"), doc.get("titleZh"), doc.get("titleEn")));
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
