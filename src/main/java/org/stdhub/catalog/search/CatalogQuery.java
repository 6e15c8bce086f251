package org.stdhub.catalog.search;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.StandardSearchQuery;

/**
 * The Lucene query of a catalog search: the free text ({@link SearchText}) and the filters, over the fields
 * the {@code Standard} mapping writes (keywords as terms, integers and booleans as int points).
 */
final class CatalogQuery {

    /** Among equally good matches, the edition in force comes first. */
    static final float CURRENT = 2f;

    private CatalogQuery() {}

    static Query of(QueryBuilder analysis, StandardSearchQuery q, boolean relaxed) {
        BooleanQuery.Builder root = new BooleanQuery.Builder();
        if (q.q().isEmpty()) {
            root.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            root.add(relaxed ? SearchText.relaxed(analysis, q.q()) : SearchText.strict(analysis, q.q()), Occur.MUST);
        }
        if (!q.status().isEmpty()) {
            root.add(anyOf("status", q.status()), Occur.FILTER);
        }
        if (!q.kind().isEmpty()) {
            root.add(
                    anyOf(
                            "kind",
                            q.kind().stream()
                                    .map(StandardKind::fromCode)
                                    .map(StandardKind::code)
                                    .toList()),
                    Occur.FILTER);
        }
        if (!q.body().isEmpty()) {
            root.add(anyOf("body", q.body()), Occur.FILTER);
        }
        if (q.ics() != null) {
            root.add(new TermQuery(new Term("icsPath", q.ics())), Occur.FILTER);
        }
        if (q.ccs() != null) {
            root.add(new TermQuery(new Term("ccsPath", q.ccs())), Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            root.add(
                    IntPoint.newRangeQuery(
                            "publishedYear",
                            q.from() == null ? Integer.MIN_VALUE : q.from(),
                            q.to() == null ? Integer.MAX_VALUE : q.to()),
                    Occur.FILTER);
        }
        root.add(
                new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("status", "current"))), CURRENT),
                Occur.SHOULD);
        return root.build();
    }

    private static Query anyOf(String field, java.util.List<String> values) {
        return values.size() == 1
                ? new TermQuery(new Term(field, values.getFirst()))
                : new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
