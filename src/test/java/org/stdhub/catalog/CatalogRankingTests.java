package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;

/**
 * Ranking of title fragments on the shipped catalog: a few words copied from a title find that standard
 * first; the fragment as an exact phrase ranks above a near phrase, which ranks above the same words
 * scattered; a designation still comes first.
 */
@CatalogTest
class CatalogRankingTests {

    @Autowired
    CatalogService catalog;

    /** Fragments that occur as a phrase in one title only, while dozens of titles hold all their words. */
    @ParameterizedTest(name = "{0} finds {1} first")
    @CsvSource(
            delimiter = '|',
            value = {
                "extrusion materials designation | ISO 1622:1975",
                "electrically propelled vehicles test specifications | ISO 18300:2016",
                "sectional specification transmission | IEC 60875-2:1986",
                "Sound system equipment methods of measuring | IEC 61329:1995",
                "设备网络安全基本 | YY/T 1843-2022",
                "医疗器械生物负载控制 | YY/T 1737-2020",
            })
    void aTitleFragmentFindsItsStandardFirst(String fragment, String expected) {
        var result = catalog.search(StandardSearchQuery.of(fragment));
        assertThat(result.total()).as("the words alone match many titles").isGreaterThan(10);
        assertThat(result.items().getFirst().designation()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: titles with the phrase first")
    @CsvSource({"mechanical testing methods", "road vehicles electrical disturbances", "climatic and mechanical"})
    void englishExactPhraseRanksAboveTheSameWordsScattered(String phrase) {
        List<StandardSearchResult.Hit> hits =
                catalog.search(StandardSearchQuery.of(phrase).withPage(0, 100)).items();
        List<Boolean> hasPhrase = hits.stream()
                .map(h -> stems(h.titleEn()).contains(stems(phrase)))
                .toList();
        assertThat(hasPhrase).contains(true, false);
        // every title holding the phrase word for word comes before every title that only holds the words
        assertThat(hasPhrase.lastIndexOf(true)).isLessThan(hasPhrase.indexOf(false));
    }

    @ParameterizedTest(name = "{0}: titles with the characters in a row first")
    @CsvSource({"医疗器械质量", "电站设计规范", "安全技术规范"})
    void chineseExactSubstringRanksAboveTheSameCharactersScattered(String fragment) {
        List<StandardSearchResult.Hit> hits =
                catalog.search(StandardSearchQuery.of(fragment).withPage(0, 100)).items().stream()
                        .filter(h -> h.titleZh() != null && isChineseStandard(h.designation()))
                        .toList();
        List<Boolean> hasSubstring =
                hits.stream().map(h -> h.titleZh().contains(fragment)).toList();
        assertThat(hasSubstring).contains(true, false);
        assertThat(hasSubstring.lastIndexOf(true)).isLessThan(hasSubstring.indexOf(false));
    }

    @Test
    void aNearPhraseRanksAboveTheWordsFarApart() {
        // "Plasma display panels - Part 4: Climatic and mechanical testing methods": "mechanical methods" is
        // one word apart there; titles with "mechanical" and "methods" far apart come after it
        List<StandardSearchResult.Hit> hits = catalog.search(
                        StandardSearchQuery.of("climatic mechanical methods").withPage(0, 100))
                .items();
        int near = indexOf(hits, "IEC 61988-4:2007");
        assertThat(near).isBetween(0, 9);
        for (int i = near + 1; i < hits.size(); i++) {
            String title = stems(hits.get(i).titleEn());
            assertThat(title)
                    .as("a title ranked below the near phrase does not hold the words in a row")
                    .doesNotContain(stems("climatic mechanical methods"));
        }
    }

    @Test
    void aDesignationStillComesBeforeTitlesThatContainItsWords() {
        // "ISO 9001" is in many titles ("... ISO 9001 ...") but the standard itself is first
        var result = catalog.search(StandardSearchQuery.of("ISO 9001"));
        assertThat(result.items().getFirst().designation()).isEqualTo("ISO 9001:2015");
        var chinese = catalog.search(StandardSearchQuery.of("YY/T 1843-2022"));
        assertThat(chinese.items().getFirst().designation()).isEqualTo("YY/T 1843-2022");
    }

    /**
     * The shipped ISO catalog holds, beside a dated edition, a record under its bare designation (the next
     * edition, stage 60.00): typed exactly so, sloppily, the bare record comes first and the dated edition,
     * whose work key the text also is, second; typed with the year, the dated edition is first.
     */
    @ParameterizedTest(name = "{0} finds {1} first, then {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "iso18162 | ISO 18162 | ISO 18162:2024",
                "ISO17581 | ISO 17581 | ISO 17581:2025",
                "ISO16021 | ISO 16021 | ISO 16021:2024",
                "iso10512 | ISO 10512 | ISO 10512:2012",
                "iso 7429-1 | ISO 7429-1 | ISO 7429-1:2024",
            })
    void aDesignationTypedExactlyAsARecordsFindsThatRecordFirst(String typed, String exact, String dated) {
        List<String> first = catalog.search(StandardSearchQuery.of(typed)).items().stream()
                .limit(2)
                .map(StandardSearchResult.Hit::designation)
                .toList();
        assertThat(first).containsExactly(exact, dated);
        String withYear = typed + ":" + dated.substring(dated.indexOf(':') + 1);
        assertThat(catalog.search(StandardSearchQuery.of(withYear))
                        .items()
                        .getFirst()
                        .designation())
                .isEqualTo(dated);
    }

    @Test
    void highlightsMarkTheWordsInTheWholeTitle() {
        var en = catalog.search(StandardSearchQuery.of("road vehicles electrical disturbances"))
                .items()
                .getFirst();
        assertThat(en.highlightEn()).contains("<mark>Electrical</mark> <mark>disturbances</mark>");
        assertThat(en.highlightEn().replace("<mark>", "").replace("</mark>", ""))
                .isEqualTo(en.titleEn());
        assertThat(en.highlightZh()).isNull();

        var zh = catalog.search(StandardSearchQuery.of("电站设计规范")).items().getFirst();
        assertThat(zh.highlightZh()).contains("<mark>");
        assertThat(zh.highlightZh().replace("<mark>", "").replace("</mark>", ""))
                .isEqualTo(zh.titleZh());
        assertThat(zh.highlightEn()).isNull();
    }

    private static int indexOf(List<StandardSearchResult.Hit> hits, String designation) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).designation().equals(designation)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The stems of a text's words (lower case, Porter stemmer, as the English title field indexes them)
     * separated by single spaces and padded, so that "holds the phrase" is a substring test.
     */
    private static String stems(String text) {
        if (text == null) {
            return " ";
        }
        StringBuilder out = new StringBuilder(" ");
        try (Analyzer english = CustomAnalyzer.builder()
                        .withTokenizer("standard")
                        .addTokenFilter("lowercase")
                        .addTokenFilter("porterStem")
                        .build();
                TokenStream tokens = english.tokenStream("titleEn", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.append(term).append(' ');
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static boolean isChineseStandard(String designation) {
        return Designation.tryParse(designation).map(d -> d.kind().isChinese()).orElse(false);
    }
}
