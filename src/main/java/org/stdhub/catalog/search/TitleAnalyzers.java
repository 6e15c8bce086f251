package org.stdhub.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;

/**
 * The title analyzers of {@link CatalogAnalysisConfigurer} built in this process, for highlighting the titles of
 * hits that a remote index (the Elasticsearch backend) found: per title field, the analyzer its mapping names.
 */
final class TitleAnalyzers {

    private TitleAnalyzers() {}

    static Analyzer create() {
        try {
            Analyzer chinese = CustomAnalyzer.builder()
                    .withTokenizer(HMMChineseTokenizerFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(PorterStemFilterFactory.class)
                    .build();
            Analyzer bigrams = CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(CJKWidthFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(CJKBigramFilterFactory.class, "outputUnigrams", "false")
                    .build();
            Analyzer english = CustomAnalyzer.builder()
                    .withTokenizer(StandardTokenizerFactory.class)
                    .addTokenFilter(EnglishPossessiveFilterFactory.class)
                    .addTokenFilter(LowerCaseFilterFactory.class)
                    .addTokenFilter(ASCIIFoldingFilterFactory.class)
                    .addTokenFilter(PorterStemFilterFactory.class)
                    .build();
            return new PerFieldAnalyzerWrapper(
                    new KeywordAnalyzer(),
                    Map.of(
                            "titleZh", chinese,
                            "adoptedTitleZh", chinese,
                            "titleZhBigram", bigrams,
                            "adoptedTitleZhBigram", bigrams,
                            "titleEn", english));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
