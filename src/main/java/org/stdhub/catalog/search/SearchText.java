package org.stdhub.catalog.search;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.designation.CompactKey;

/**
 * The free-text part of a catalog search and its ranking tiers, from the top: a designation the text reads
 * as (or whose compact key it is); the text as an exact phrase in a title (Chinese: as a substring, through
 * the character-bigram fields; English: the words in order, stemmed); the text as a near phrase (a few
 * words or characters apart or moved); within the exact phrase, English words as written before words that only
 * share their stems, and a text that is a whole element of the title (between its dashes or colons) before one
 * inside a longer element; the title words anywhere (scored by BM25). Each tier adds a constant
 * larger than what the tiers below can add, so word scores only order the standards within a tier.
 *
 * <p>Written as plain Lucene queries, analysed by the index's own search analyzer (per field, the analyzer of
 * {@link CatalogAnalysisConfigurer}): one query serves Hibernate Search for the page of hits and the facet
 * counting over every match.
 */
final class SearchText {

    /** Exact designation (the text read as one, or its compact key equal to a standard's). */
    static final float DESIGNATION = 2000f;
    /**
     * The text reads as exactly the designation a standard carries (its canonical form), not only as one of
     * its keys: "ISO 18162" is the record designated "ISO 18162" before "ISO 18162:2024", whose work key it
     * also is. Added to {@link #DESIGNATION}, so it only orders standards within the designation tier.
     */
    static final float EXACT_DESIGNATION = 200f;
    /** The compact form of the text is a designation key (prefix+number, number, number+part...). */
    static final float COMPACT_KEY = 1000f;
    /** The document itself, not its supplements, when the text names a work without amendments. */
    static final float WORK_NOT_SUPPLEMENT = 900f;
    /** Any edition or supplement of the work the text names. */
    static final float WORK = 800f;
    /** The text as an exact phrase in a title field. */
    static final float EXACT_PHRASE = 200f;
    /** The text as a near phrase in a title field (added to the exact one when both match). */
    static final float NEAR_PHRASE = 80f;
    /**
     * The English text as an exact phrase of the words as written, not only of their stems ("digital image" in
     * a title before "digital imaging"): added to the exact phrase, so it orders standards within that tier.
     */
    static final float LITERAL_PHRASE = 60f;
    /**
     * The text is a whole element of a title ({@link TitleElements}): added to the exact phrase it implies. The
     * title tiers together (200 + 80 + 60 + 50 and the word scores) stay below the designation tiers.
     */
    static final float WHOLE_ELEMENT = 50f;

    /** Positions a near phrase may be apart: a word or character inserted, or two swapped. */
    static final int NEAR_SLOP = 2;

    /** Title fields searched by words, with their weights. */
    static final SequencedMap<String, Float> TITLE_WORDS = weights(
            "titleZh", 3f, "titleZhBigram", 1f, "titleEn", 2f, "adoptedTitleZh", 1.5f, "adoptedTitleZhBigram", 0.5f);

    /** Fields where the text as a phrase is an exact match: bigrams (Chinese substrings) and English words. */
    static final List<String> EXACT_PHRASE_FIELDS = List.of("titleZhBigram", "adoptedTitleZhBigram", "titleEn");

    /** The elements of the titles ({@link TitleElements}). */
    static final String TITLE_ELEMENT = "titleElement";

    /** The field of the literal phrase: English words as written. */
    static final List<String> LITERAL_PHRASE_FIELDS = List.of("titleEnWording");

    /** Fields of the near phrase: Chinese words (segmented alike in query and title) and English words. */
    static final List<String> NEAR_PHRASE_FIELDS = List.of("titleZh", "adoptedTitleZh", "titleZhBigram", "titleEn");

    /** Runs of at most this many words are tried as designations by the relaxed match. */
    private static final int RUN_WORDS = 6;

    /** Words of a text whose runs the relaxed match tries (bounds its clause count). */
    private static final int RUN_TEXT_WORDS = 24;

    /** The title fields the relaxed match searches, with the weights of the strict one. */
    static final SequencedMap<String, Float> RELAXED_TITLE_WORDS =
            weights("titleZh", 3f, "titleZhBigram", 1f, "titleEn", 2f, "adoptedTitleZh", 1.5f);

    private SearchText() {}

    /** Fields and weights in a fixed order (clause order decides how float scores add up, so ties). */
    private static SequencedMap<String, Float> weights(Object... fieldsAndWeights) {
        var map = new LinkedHashMap<String, Float>();
        for (int i = 0; i < fieldsAndWeights.length; i += 2) {
            map.put((String) fieldsAndWeights[i], (Float) fieldsAndWeights[i + 1]);
        }
        return java.util.Collections.unmodifiableSequencedMap(map);
    }

    /** The strict free-text query: designation keys first, then phrases, then title words. */
    static Query strict(QueryBuilder analysis, String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Optional<Designation> designation = Designation.tryParse(text);
        designation.ifPresent(d -> {
            any.add(key(d.compactKey(), DESIGNATION), Occur.SHOULD);
            any.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new TermQuery(new Term("designation", d.normalized()))),
                            EXACT_DESIGNATION),
                    Occur.SHOULD);
            if (d.amendments().isEmpty()) {
                // "ISO 9001" means the standard itself before its amendments (boolean fields are int points)
                Query work = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("designationKey", d.compactWorkKey())), Occur.MUST)
                        .add(IntPoint.newExactQuery("supplement", 0), Occur.MUST)
                        .build();
                any.add(new BoostQuery(new ConstantScoreQuery(work), WORK_NOT_SUPPLEMENT), Occur.SHOULD);
            }
            any.add(key(d.compactWorkKey(), WORK), Occur.SHOULD);
        });
        String compact = CompactKey.ofText(text);
        if (!compact.isEmpty() && compact.length() <= 60) {
            any.add(key(compact, COMPACT_KEY), Occur.SHOULD);
        }
        if (isPhrase(text)) {
            // a phrase match implies every word matches, so these clauses only reorder what the words find
            any.add(phrases(analysis, text, EXACT_PHRASE_FIELDS, 0, EXACT_PHRASE), Occur.SHOULD);
            any.add(phrases(analysis, text, NEAR_PHRASE_FIELDS, NEAR_SLOP, NEAR_PHRASE), Occur.SHOULD);
            any.add(phrases(analysis, text, LITERAL_PHRASE_FIELDS, 0, LITERAL_PHRASE), Occur.SHOULD);
        }
        String element = TitleElements.ofText(text);
        if (!element.isEmpty()) {
            any.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new TermQuery(new Term(TITLE_ELEMENT, element))), WHOLE_ELEMENT),
                    Occur.SHOULD);
        }
        TITLE_WORDS.forEach((field, weight) -> {
            boolean bigrams = field.endsWith("Bigram");
            Query words = words(analysis, field, text, bigrams ? 3 : 2, bigrams ? 80 : 75, 0, weight);
            if (words != null) {
                any.add(words, Occur.SHOULD);
            }
        });
        return any.build();
    }

    /** One constant-score tier: the text as a phrase (at most {@code slop} apart) in any of the fields. */
    private static Query phrases(QueryBuilder analysis, String text, List<String> fields, int slop, float tier) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) {
            Query phrase = analysis.createPhraseQuery(field, text, slop);
            if (phrase != null) {
                any.add(phrase, Occur.SHOULD);
            }
        }
        return new BoostQuery(new ConstantScoreQuery(any.build()), tier);
    }

    /**
     * Title words scored by BM25: with at most {@code allUpTo} words all of them, with more {@code percent}
     * % of them (rounded down), or {@code atLeast} of them when that is given; null when the text has no word
     * for this field.
     */
    private static Query words(
            QueryBuilder analysis, String field, String text, int allUpTo, int percent, int atLeast, float weight) {
        Query q = analysis.createBooleanQuery(field, text, Occur.SHOULD);
        if (q == null) {
            return null;
        }
        if (q instanceof BooleanQuery bool) {
            int n = bool.clauses().size();
            int minimum = n <= allUpTo ? n : atLeast > 0 ? atLeast : Math.max(1, percent * n / 100);
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimum);
            bool.clauses().forEach(b::add);
            q = b.build();
        }
        return new BoostQuery(q, weight);
    }

    /**
     * Whether a phrase can say more than the words: more than one word, or at least three Chinese characters
     * (two bigrams).
     */
    static boolean isPhrase(String text) {
        String t = text.strip();
        if (t.codePoints().anyMatch(Character::isWhitespace)) {
            return true;
        }
        return t.codePoints()
                        .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        .count()
                >= 3;
    }

    private static Query key(String key, float boost) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("designationKey", key))), boost);
    }

    /**
     * The free-text part when the strict one found nothing: two title words suffice (one when the text has
     * no more than two; a single stray word in a longer text pulls nothing in), and every run of up to
     * {@value #RUN_WORDS} words is tried as a designation (read, or by its compact key), so that a query with
     * a known designation or known words in it is never empty.
     */
    static Query relaxed(QueryBuilder analysis, String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        RunKeys runs = runKeys(text);
        for (String key : runs.keys()) {
            any.add(key(key, DESIGNATION), Occur.SHOULD);
        }
        for (String key : runs.workKeys()) {
            any.add(key(key, WORK), Occur.SHOULD);
        }
        RELAXED_TITLE_WORDS.forEach((field, weight) -> {
            Query titleWords = words(analysis, field, text, 2, 0, 2, weight);
            if (titleWords != null) {
                any.add(titleWords, Occur.SHOULD);
            }
        });
        return any.build();
    }

    /** Designation keys (exact and of the work) that the runs of up to {@value #RUN_WORDS} words of a text read as. */
    record RunKeys(Set<String> keys, Set<String> workKeys) {}

    /** The keys the relaxed match tries: every run of up to {@value #RUN_WORDS} words, read or by its compact key. */
    static RunKeys runKeys(String text) {
        String[] words = text.strip().split("[\\s\\u00A0\\u3000]+");
        int count = Math.min(words.length, RUN_TEXT_WORDS);
        Set<String> keys = new LinkedHashSet<>();
        Set<String> workKeys = new LinkedHashSet<>();
        for (int from = 0; from < count; from++) {
            StringBuilder run = new StringBuilder();
            for (int to = from; to < Math.min(count, from + RUN_WORDS); to++) {
                if (to > from) {
                    run.append(' ');
                }
                run.append(words[to]);
                String typed = run.toString();
                Designation.tryParse(typed).ifPresent(d -> {
                    keys.add(d.compactKey());
                    workKeys.add(d.compactWorkKey());
                });
                String compact = CompactKey.ofText(typed);
                if (compact.length() >= 4 && compact.length() <= 60 && containsDigitAndLetter(compact)) {
                    keys.add(compact);
                }
            }
        }
        return new RunKeys(keys, workKeys);
    }

    private static boolean containsDigitAndLetter(String compact) {
        return compact.chars().anyMatch(c -> c >= '0' && c <= '9')
                && compact.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    }
}
