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
    void theWordsAsTypedRankAboveWordsThatOnlyShareTheirStems() {
        // "digital image" and "digital imaging" have the same stems; the titles holding the words as typed come first
        assertTitlesHoldingFirst(
                "digital image",
                h -> h.titleEn() != null
                        && h.titleEn().toLowerCase(java.util.Locale.ROOT).contains("digital image"));
    }

    @Test
    void aWholeElementOfATitleRanksAboveTheSameWordsInsideALongerElement() {
        // "Optical interface" is an element of its own in some titles ("- Part 3-1: Optical interface, ...") and
        // part of longer ones in others ("Fibre optic connector optical interfaces", "... optical interface
        // standard ...")
        assertTitlesHoldingFirst(
                "Optical interface",
                h -> org.stdhub.catalog.search.TitleElements.of(h.titleZh(), h.titleEn())
                        .contains("optical interface"));
    }

    /**
     * Among the first 30 hits of {@code text}, each document's first (the repeats of a document follow the other
     * documents of their tier), those that {@code hold} come before those that do not, and there are both.
     */
    private void assertTitlesHoldingFirst(String text, java.util.function.Predicate<StandardSearchResult.Hit> hold) {
        List<Boolean> holding =
                firstOfEachTitle(catalog.search(StandardSearchQuery.of(text).withPage(0, 30))
                                .items())
                        .stream()
                        .map(hold::test)
                        .toList();
        assertThat(holding).contains(true, false);
        assertThat(holding.lastIndexOf(true)).isLessThan(holding.indexOf(false));
    }

    /**
     * "Electro-sensitive protective equipment" is in the titles of 27 standards: seven documents (IEC 61496-1 to -5)
     * in several editions, with amendments and corrigenda. The list shows each document once before any repeat,
     * and the pages of the reordered list fit together.
     */
    @Test
    void theFirstPageShowsEachTitleOnceBeforeItsOtherEditions() {
        String text = "Electro-sensitive protective equipment";
        List<StandardSearchResult.Hit> hits =
                catalog.search(StandardSearchQuery.of(text).withPage(0, 30)).items();
        List<String> all = hits.stream()
                .map(h -> h.titleEn().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " "))
                .toList();
        // the titles holding the phrase (the exact-phrase tier) come first; below them other titles
        int tier = 0;
        while (tier < all.size() && all.get(tier).contains("electro sensitive protective equipment")) {
            tier++;
        }
        assertThat(all.subList(tier, all.size())).noneMatch(t -> t.contains("electro sensitive protective equipment"));
        // editions, amendments and corrigenda of one document share its title group
        List<Long> titles = hits.subList(0, tier).stream()
                .map(h -> org.stdhub.catalog.search.TitleGroup.of(h.titleZh(), h.titleEn()))
                .toList();
        int firstRepeat = -1;
        for (int i = 0; i < titles.size() && firstRepeat < 0; i++) {
            if (titles.subList(0, i).contains(titles.get(i))) {
                firstRepeat = i;
            }
        }
        assertThat(firstRepeat).as("some titles come in several editions").isPositive();
        assertThat(java.util.Set.copyOf(titles.subList(firstRepeat, titles.size())))
                .as("after the first repeat, only titles already shown")
                .isSubsetOf(java.util.Set.copyOf(titles.subList(0, firstRepeat)));
        assertThat(firstRepeat).as("the seven documents first").isEqualTo(7);

        List<String> pageByPage = new java.util.ArrayList<>();
        for (int page = 0; page < 6; page++) {
            catalog.search(StandardSearchQuery.of(text).withPage(page, 5)).items().stream()
                    .map(StandardSearchResult.Hit::designation)
                    .forEach(pageByPage::add);
        }
        assertThat(pageByPage)
                .containsExactlyElementsOf(
                        hits.stream().map(StandardSearchResult.Hit::designation).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Electro-sensitive protective equipment", "医疗器械 质量管理体系", "ISO 9001"})
    void theExportListsTheHitsInTheOrderOfThePages(String text) {
        StandardSearchQuery q = StandardSearchQuery.of(text).withPage(0, 60);
        assertThat(catalog.exportRows(q, 60).stream().map(ExportRow::designation))
                .containsExactlyElementsOf(catalog.search(q).items().stream()
                        .map(StandardSearchResult.Hit::designation)
                        .toList());
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

    /** The hits without the later editions, amendments and corrigenda of a document already listed. */
    private static List<StandardSearchResult.Hit> firstOfEachTitle(List<StandardSearchResult.Hit> hits) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return hits.stream()
                .filter(h -> seen.add(org.stdhub.catalog.search.TitleGroup.of(h.titleZh(), h.titleEn())))
                .toList();
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
