package org.stdhub.opensearch.smartcn;

import java.util.Map;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenizerFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * An OpenSearch analysis plugin with one tokenizer, {@code smartcn_tokenizer}: Lucene's smartcn word segmentation
 * of Chinese ({@link HMMChineseTokenizer}), the tokenizer of StdHub's {@code chinese} analyzer. Only for the test
 * node (OpenSearch's test distribution lacks the smartcn plugin and none is published for 2.19 on Maven Central);
 * a production install uses the official plugin ({@code bin/opensearch-plugin install analysis-smartcn}), which
 * names its tokenizer the same.
 */
public class SmartChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", SmartChineseTokenizerFactory::new);
    }

    /** Makes a new smartcn tokenizer for each analysis chain. */
    static final class SmartChineseTokenizerFactory extends AbstractTokenizerFactory {

        SmartChineseTokenizerFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
            super(indexSettings, settings, name);
        }

        @Override
        public Tokenizer create() {
            return new HMMChineseTokenizer();
        }
    }
}
