package org.stdhub.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.QueryBuilder;

/**
 * Marks the words of a search text in the titles of the page of hits: Lucene's unified highlighter on the
 * stored title (re-analysed with the field's analyzer, as Lucene does without offsets in the index), asked
 * only for the title words of one field. The search query itself, with its designation keys and phrase
 * tiers, is not needed for that and costs a query evaluation per hit and field when a highlighter runs it.
 */
final class TitleHighlighter {

    private final QueryBuilder analysis;
    private final UnifiedHighlighter highlighter;

    TitleHighlighter(Analyzer analyzer) {
        this.analysis = new QueryBuilder(analyzer);
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxNoHighlightPassages(0)
                .withWeightMatches(false)
                .withHandleMultiTermQuery(false)
                // the whole title is the one passage: no passage to rank, so the title's tokens are matched as
                // they stream (TokenStreamOffsetStrategy) instead of being indexed into a MemoryIndex per title
                .withPassageRelevancyOverSpeed(false)
                .build();
    }

    /** The words of {@code text} for {@code field} as a query, or null when there are none. */
    Query words(String field, String text) {
        return text == null || text.isBlank() ? null : analysis.createBooleanQuery(field, text, Occur.SHOULD);
    }

    /**
     * The title as HTML with {@code <mark>} around the words of {@code words} (analysed as {@code field}), or
     * null when none of them is in it.
     */
    String highlight(String field, Query words, String title) {
        if (words == null || title == null || title.isEmpty()) {
            return null;
        }
        try {
            Object marked = highlighter.highlightWithoutSearcher(field, words, title, 1);
            String html = marked == null ? null : marked.toString();
            return html == null || !html.contains("<mark>") ? null : html;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
