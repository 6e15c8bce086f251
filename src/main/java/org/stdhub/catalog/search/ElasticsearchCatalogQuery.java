package org.stdhub.catalog.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.designation.CompactKey;

/**
 * The query of a catalog search in the Elasticsearch/OpenSearch query DSL, clause for clause the Lucene query of
 * {@link CatalogQuery} and {@link SearchText}: the same tiers (constant scores of the same sizes), the same title
 * fields and weights, the same minimum numbers of words. The text is analysed by the server with the analyzer the
 * mapping gives each field ({@link CatalogElasticsearchAnalysisConfigurer}), as Lucene's {@code QueryBuilder} does
 * on the embedded backend ({@code match} and {@code match_phrase} are built on it).
 */
final class ElasticsearchCatalogQuery {

    private ElasticsearchCatalogQuery() {}

    /** The whole query: free text (strict or relaxed) and filters; among equals, the edition in force first. */
    static JsonObject of(StandardSearchQuery q, boolean relaxed) {
        JsonArray must = new JsonArray();
        JsonArray filter = new JsonArray();
        if (q.q().isEmpty()) {
            must.add(object("match_all", new JsonObject()));
        } else {
            must.add(relaxed ? relaxed(q.q()) : strict(q.q()));
        }
        if (!q.status().isEmpty()) {
            filter.add(anyOf("status", q.status()));
        }
        if (!q.kind().isEmpty()) {
            filter.add(anyOf(
                    "kind",
                    q.kind().stream()
                            .map(StandardKind::fromCode)
                            .map(StandardKind::code)
                            .toList()));
        }
        if (!q.body().isEmpty()) {
            filter.add(anyOf("body", q.body()));
        }
        if (q.ics() != null) {
            filter.add(term("icsPath", q.ics()));
        }
        if (q.ccs() != null) {
            filter.add(term("ccsPath", q.ccs()));
        }
        if (q.from() != null || q.to() != null) {
            JsonObject range = new JsonObject();
            if (q.from() != null) {
                range.addProperty("gte", q.from());
            }
            if (q.to() != null) {
                range.addProperty("lte", q.to());
            }
            filter.add(object("range", object("publishedYear", range)));
        }
        JsonArray should = new JsonArray();
        should.add(constantScore(term("status", "current"), CatalogQuery.CURRENT));
        JsonObject bool = new JsonObject();
        bool.add("must", must);
        if (!filter.isEmpty()) {
            bool.add("filter", filter);
        }
        bool.add("should", should);
        return object("bool", bool);
    }

    /** {@link SearchText#strict}: designation keys first, then phrases, then title words. */
    static JsonObject strict(String text) {
        JsonArray any = new JsonArray();
        Optional<Designation> designation = Designation.tryParse(text);
        designation.ifPresent(d -> {
            any.add(key(d.compactKey(), SearchText.DESIGNATION));
            any.add(constantScore(term("designation", d.normalized()), SearchText.EXACT_DESIGNATION));
            if (d.amendments().isEmpty()) {
                JsonObject work = new JsonObject();
                JsonArray both = new JsonArray();
                both.add(term("designationKey", d.compactWorkKey()));
                both.add(term("supplement", false));
                work.add("must", both);
                any.add(constantScore(object("bool", work), SearchText.WORK_NOT_SUPPLEMENT));
            }
            any.add(key(d.compactWorkKey(), SearchText.WORK));
        });
        String compact = CompactKey.ofText(text);
        if (!compact.isEmpty() && compact.length() <= 60) {
            any.add(key(compact, SearchText.COMPACT_KEY));
        }
        if (SearchText.isPhrase(text)) {
            any.add(phrases(text, SearchText.EXACT_PHRASE_FIELDS, 0, SearchText.EXACT_PHRASE));
            any.add(phrases(text, SearchText.NEAR_PHRASE_FIELDS, SearchText.NEAR_SLOP, SearchText.NEAR_PHRASE));
            any.add(phrases(text, SearchText.LITERAL_PHRASE_FIELDS, 0, SearchText.LITERAL_PHRASE));
        }
        String element = TitleElements.ofText(text);
        if (!element.isEmpty()) {
            any.add(constantScore(term(SearchText.TITLE_ELEMENT, element), SearchText.WHOLE_ELEMENT));
        }
        SearchText.TITLE_WORDS.forEach((field, weight) -> {
            boolean bigrams = field.endsWith("Bigram");
            any.add(words(field, text, (bigrams ? 3 : 2) + "<" + (bigrams ? 80 : 75) + "%", weight));
        });
        return anyOf(any);
    }

    /** {@link SearchText#relaxed}: every run of words tried as a designation, two title words enough. */
    static JsonObject relaxed(String text) {
        JsonArray any = new JsonArray();
        SearchText.RunKeys runs = SearchText.runKeys(text);
        runs.keys().forEach(key -> any.add(key(key, SearchText.DESIGNATION)));
        runs.workKeys().forEach(key -> any.add(key(key, SearchText.WORK)));
        SearchText.RELAXED_TITLE_WORDS.forEach((field, weight) -> any.add(words(field, text, "2<2", weight)));
        return anyOf(any);
    }

    /** One constant-score tier: the text as a phrase (at most {@code slop} apart) in any of the fields. */
    private static JsonObject phrases(String text, List<String> fields, int slop, float tier) {
        JsonArray any = new JsonArray();
        for (String field : fields) {
            JsonObject phrase = new JsonObject();
            phrase.addProperty("query", text);
            phrase.addProperty("slop", slop);
            any.add(object("match_phrase", object(field, phrase)));
        }
        return constantScore(anyOf(any), tier);
    }

    /**
     * Title words scored by BM25, at least as many as {@code minimum} says (Lucene's rule of the embedded backend:
     * "3<80%" is all of up to three words, 80 % rounded down of more).
     */
    private static JsonObject words(String field, String text, String minimum, float weight) {
        JsonObject match = new JsonObject();
        match.addProperty("query", text);
        match.addProperty("operator", "or");
        match.addProperty("minimum_should_match", minimum);
        match.addProperty("boost", weight);
        return object("match", object(field, match));
    }

    private static JsonObject key(String key, float boost) {
        return constantScore(term("designationKey", key), boost);
    }

    private static JsonObject constantScore(JsonObject filter, float boost) {
        JsonObject score = new JsonObject();
        score.add("filter", filter);
        score.addProperty("boost", boost);
        return object("constant_score", score);
    }

    private static JsonObject anyOf(JsonArray should) {
        JsonObject bool = new JsonObject();
        bool.add("should", should);
        return object("bool", bool);
    }

    private static JsonObject anyOf(String field, List<String> values) {
        if (values.size() == 1) {
            return term(field, values.getFirst());
        }
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return object("terms", object(field, array));
    }

    private static JsonObject term(String field, String value) {
        JsonObject term = new JsonObject();
        term.addProperty(field, value);
        return object("term", term);
    }

    private static JsonObject term(String field, boolean value) {
        JsonObject term = new JsonObject();
        term.addProperty(field, value);
        return object("term", term);
    }

    private static JsonObject object(String name, com.google.gson.JsonElement value) {
        JsonObject o = new JsonObject();
        o.add(name, value);
        return o;
    }
}
