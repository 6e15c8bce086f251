package org.stdhub.catalog.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of {@link CatalogAnalysisConfigurer} for the Elasticsearch backend (OpenSearch, profile
 * {@code cluster}), filter for filter the same Lucene components: smartcn word segmentation
 * ({@code smartcn_tokenizer}, from the analysis-smartcn plugin) and character bigrams for Chinese titles, stemming
 * for English titles. The filters come from OpenSearch's analysis-common module.
 */
public class CatalogElasticsearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer("chinese")
                .custom()
                .tokenizer("smartcn_tokenizer")
                .tokenFilters("cjk_width", "lowercase", "porter_stem");

        // Bigrams catch what word segmentation splits differently in the query and in the title.
        context.tokenFilter("cjkBigramOnly").type("cjk_bigram").param("output_unigrams", false);
        context.analyzer("cjkBigram")
                .custom()
                .tokenizer("standard")
                .tokenFilters("cjk_width", "lowercase", "cjkBigramOnly");

        // Lucene's EnglishPossessiveFilter is the stemmer "possessive_english"
        context.tokenFilter("englishPossessive").type("stemmer").param("language", "possessive_english");
        context.analyzer("english")
                .custom()
                .tokenizer("standard")
                .tokenFilters("englishPossessive", "lowercase", "asciifolding", "porter_stem");

        context.analyzer("englishWording").custom().tokenizer("standard").tokenFilters("lowercase", "asciifolding");
    }
}
