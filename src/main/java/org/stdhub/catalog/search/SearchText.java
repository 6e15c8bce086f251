package org.stdhub.catalog.search;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.designation.CompactKey;

/**
 * The free-text part of a catalog search and its ranking tiers, from the top: a designation the text reads
 * as (or whose compact key it is); the text as an exact phrase in a title (Chinese: as a substring, through
 * the character-bigram fields; English: the words in order, stemmed); the text as a near phrase (a few
 * words or characters apart or moved); the title words anywhere (scored by BM25). Each tier adds a constant
 * larger than what the tiers below can add, so word scores only order the standards within a tier.
 */
final class SearchText {

    /** Exact designation (the text read as one, or its compact key equal to a standard's). */
    static final float DESIGNATION = 1000f;
    /** The compact form of the text is a designation key (prefix+number, number, number+part...). */
    static final float COMPACT_KEY = 500f;
    /** The document itself, not its supplements, when the text names a work without amendments. */
    static final float WORK_NOT_SUPPLEMENT = 450f;
    /** Any edition or supplement of the work the text names. */
    static final float WORK = 400f;
    /** The text as an exact phrase in a title field. */
    static final float EXACT_PHRASE = 200f;
    /** The text as a near phrase in a title field (added to the exact one when both match). */
    static final float NEAR_PHRASE = 80f;

    /** Positions a near phrase may be apart: a word or character inserted, or two swapped. */
    static final int NEAR_SLOP = 2;

    /** Title fields searched by words, with their weights. */
    static final SequencedMap<String, Float> TITLE_WORDS = weights(
            "titleZh", 3f, "titleZhBigram", 1f, "titleEn", 2f, "adoptedTitleZh", 1.5f, "adoptedTitleZhBigram", 0.5f);

    /** Fields where the text as a phrase is an exact match: bigrams (Chinese substrings) and English words. */
    static final List<String> EXACT_PHRASE_FIELDS = List.of("titleZhBigram", "adoptedTitleZhBigram", "titleEn");

    /** Fields of the near phrase: Chinese words (segmented alike in query and title) and English words. */
    static final List<String> NEAR_PHRASE_FIELDS = List.of("titleZh", "adoptedTitleZh", "titleZhBigram", "titleEn");

    /** Runs of at most this many words are tried as designations by the relaxed match. */
    private static final int RUN_WORDS = 6;

    /** Words of a text whose runs the relaxed match tries (bounds its clause count). */
    private static final int RUN_TEXT_WORDS = 24;

    /** The title fields the relaxed match searches, with the weights of the strict one. */
    private static final SequencedMap<String, Float> RELAXED_TITLE_WORDS =
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

    /** The strict free-text predicate: designation keys first, then phrases, then title words. */
    static PredicateFinalStep strict(SearchPredicateFactory f, String text) {
        var any = f.bool();
        Optional<Designation> designation = Designation.tryParse(text);
        designation.ifPresent(d -> {
            any.should(key(f, d.compactKey(), DESIGNATION));
            if (d.amendments().isEmpty()) {
                // "ISO 9001" means the standard itself before its amendments
                any.should(f.bool()
                        .must(f.match().field("designationKey").matching(d.compactWorkKey()))
                        .must(f.match().field("supplement").matching(false))
                        .constantScore()
                        .boost(WORK_NOT_SUPPLEMENT));
            }
            any.should(key(f, d.compactWorkKey(), WORK));
        });
        String compact = CompactKey.ofText(text);
        if (!compact.isEmpty() && compact.length() <= 60) {
            any.should(key(f, compact, COMPACT_KEY));
        }
        if (isPhrase(text)) {
            // a phrase match implies every word matches, so these clauses only reorder what the words find
            var exact = f.bool();
            EXACT_PHRASE_FIELDS.forEach(
                    field -> exact.should(f.phrase().field(field).matching(text)));
            any.should(exact.constantScore().boost(EXACT_PHRASE));
            var near = f.bool();
            NEAR_PHRASE_FIELDS.forEach(
                    field -> near.should(f.phrase().field(field).matching(text).slop(NEAR_SLOP)));
            any.should(near.constantScore().boost(NEAR_PHRASE));
        }
        TITLE_WORDS.forEach((field, weight) -> any.should(words(f, field, text, weight)));
        return any;
    }

    /** Title words: with few words all of them, with more most of them (bigrams: a few more may miss). */
    private static PredicateFinalStep words(SearchPredicateFactory f, String field, String text, float weight) {
        boolean bigrams = field.endsWith("Bigram");
        return f.match()
                .field(field)
                .matching(text)
                .minimumShouldMatch()
                .ifMoreThan(bigrams ? 3 : 2)
                .thenRequirePercent(bigrams ? 80 : 75)
                .end()
                .boost(weight);
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

    private static PredicateFinalStep key(SearchPredicateFactory f, String key, float boost) {
        return f.match().field("designationKey").matching(key).constantScore().boost(boost);
    }

    /**
     * The free-text part when the strict one found nothing: two title words suffice (one when the text has
     * no more than two; a single stray word in a longer text pulls nothing in), and every run of up to
     * {@value #RUN_WORDS} words is tried as a designation (read, or by its compact key), so that a query with
     * a known designation or known words in it is never empty.
     */
    static PredicateFinalStep relaxed(SearchPredicateFactory f, String text) {
        var any = f.bool();
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
        for (String key : keys) {
            any.should(key(f, key, DESIGNATION));
        }
        for (String key : workKeys) {
            any.should(key(f, key, WORK));
        }
        RELAXED_TITLE_WORDS.forEach((field, weight) -> any.should(f.match()
                .field(field)
                .matching(text)
                .minimumShouldMatch()
                .ifMoreThan(2)
                .thenRequireNumber(2)
                .end()
                .boost(weight)));
        return any;
    }

    private static boolean containsDigitAndLetter(String compact) {
        return compact.chars().anyMatch(c -> c >= '0' && c <= '9')
                && compact.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    }
}
