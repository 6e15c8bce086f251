package org.stdhub.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The title forms behind two ranking signals: the title group (editions carrying one title) and the title elements
 * (the parts a title's punctuation separates), and the reordering of a result list by title group.
 */
class TitleGroupingTests {

    @Test
    void editionsWhoseTitlesDifferOnlyInCasePunctuationOrWidthShareAGroup() {
        long dashes = TitleGroup.of(null, "Rubber- or plastics-covered rollers - Specifications - Part 2: Surface");
        long spaces = TitleGroup.of(null, "Rubber or plastics covered rollers — specifications. Part 2 Surface");
        assertThat(dashes).isEqualTo(spaces).isNotEqualTo(TitleGroup.NONE);
        assertThat(TitleGroup.of("压缩空气 第1部分：污染物净化等级", null)).isEqualTo(TitleGroup.of("压缩空气　第1部分:污染物净化等级", null));
        assertThat(TitleGroup.of(null, "Machine tools - Safety - Turning machines"))
                .isNotEqualTo(TitleGroup.of(null, "Machine tools - Safety - Stationary grinding machines"));
    }

    @Test
    void anAmendmentOrCorrigendumIsInTheGroupOfTheDocumentItSupplements() {
        long document = TitleGroup.of(null, "Safety of machinery - Electro-sensitive protective equipment - Part 1");
        assertThat(TitleGroup.of(
                        null, "Corrigendum 1 - Safety of machinery – Electro-sensitive protective equipment - Part 1"))
                .isEqualTo(document);
        assertThat(TitleGroup.of(
                        null,
                        "Amendment 2 - Safety of machinery - Electro-sensitive protective equipment --" + " Part 1"))
                .isEqualTo(document);
        long requirements = TitleGroup.of(null, "Quality management systems - Requirements");
        assertThat(TitleGroup.of(
                        null, "Quality management systems - Requirements - Amendment 1: Climate action changes"))
                .isEqualTo(requirements);
        assertThat(TitleGroup.of(null, "Quality management systems - Requirements - Technical Corrigendum 1"))
                .isEqualTo(requirements);
        // a title that is only about amendments keeps its own group
        assertThat(TitleGroup.of(null, "Amendment 1")).isNotEqualTo(TitleGroup.NONE);
        assertThat(TitleGroup.of(null, "Guidelines for amendments of standards"))
                .isNotEqualTo(TitleGroup.of(null, "Guidelines for"));
    }

    @Test
    void theChineseTitleDecidesTheGroupWhenThereIsOne() {
        // the English titles of Chinese editions are translations that vary from one edition to the next
        assertThat(TitleGroup.of("食品安全国家标准 炼乳", "National food safety standard - Condensed milk"))
                .isEqualTo(TitleGroup.of("食品安全国家标准 炼乳", "Condensed milk"));
        assertThat(TitleGroup.of(null, null)).isEqualTo(TitleGroup.NONE);
        assertThat(TitleGroup.of("", " - ")).isEqualTo(TitleGroup.NONE);
    }

    @Test
    void anIsoTitleSplitsIntoItsElements() {
        assertThat(TitleElements.of(
                        "Safety of machinery - Electro-sensitive protective equipment - Part 4-2: Particular"
                                + " requirements for equipment using vision based protective devices (VBPD)"))
                .containsExactly(
                        "safety of machinery",
                        "electro sensitive protective equipment",
                        "part 4 2",
                        "particular requirements for equipment using vision based protective devices",
                        "vbpd");
        // a full stop inside a word is not a separator; one before a space is
        assertThat(TitleElements.of("Information technology -- ASN.1 encoding rules: Specification of BER"))
                .containsExactly("information technology", "asn 1 encoding rules", "specification of ber");
        assertThat(TitleElements.of("Hearing aids. Part 6: Characteristics"))
                .containsExactly("hearing aids", "part 6", "characteristics");
    }

    @Test
    void aChineseTitleSplitsAtSpacesAndFullWidthPunctuation() {
        assertThat(TitleElements.of("医疗保健产品灭菌 生物指示物 第3部分：湿热灭菌用生物指示物"))
                .containsExactly("医疗保健产品灭菌", "生物指示物", "第3部分", "湿热灭菌用生物指示物");
        assertThat(TitleElements.of("肌红蛋白定量测定试剂（盒）（荧光免疫层析法）")).containsExactly("肌红蛋白定量测定试剂", "盒", "荧光免疫层析法");
        // both titles of a standard, without repeats
        assertThat(TitleElements.of("压缩空气 第1部分：污染物净化等级", "Compressed air - Part 1: Contaminants"))
                .containsExactly("压缩空气", "第1部分", "污染物净化等级", "compressed air", "part 1", "contaminants");
    }

    @Test
    void aTextTypedIsReadInTheFormOfTheElements() {
        assertThat(TitleElements.ofText("  Electro-sensitive  PROTECTIVE equipment "))
                .isEqualTo("electro sensitive protective equipment");
        assertThat(TitleElements.ofText("压缩空气")).isEqualTo("压缩空气");
        assertThat(TitleElements.ofText("— / —")).isEmpty();
        assertThat(TitleElements.ofText("x".repeat(500))).isEmpty();
    }

    /** A hit of the reordering: its title group and its tier. */
    record Hit(String name, long group, int tier) {}

    private static List<String> reordered(List<Hit> hits) {
        return TitleGroups.firstOfEachTitle(hits, Hit::group, Hit::tier).stream()
                .map(Hit::name)
                .toList();
    }

    @Test
    void repeatsOfATitleMoveBehindTheOtherTitlesOfTheirTierOnly() {
        List<Hit> hits = List.of(
                new Hit("A 2020", 1, 2),
                new Hit("A 2010", 1, 2),
                new Hit("B", 2, 2),
                new Hit("A 2000", 1, 2),
                new Hit("C", 3, 2),
                new Hit("B old", 2, 1),
                new Hit("D", 4, 1),
                new Hit("E", 5, 0));
        // within the exact-phrase tier A, B, C come first, then A's older editions; the near-phrase tier stays below,
        // and there the repeat of B (shown above) moves behind D
        assertThat(reordered(hits)).containsExactly("A 2020", "B", "C", "A 2010", "A 2000", "D", "B old", "E");
    }

    @Test
    void designationMatchesAndUntitledHitsKeepTheirPlaces() {
        List<Hit> hits = List.of(
                new Hit("ISO 9001:2015", 1, TitleGroups.KEEPS_PLACE),
                new Hit("ISO 9001:2008", 1, TitleGroups.KEEPS_PLACE),
                new Hit("no title 1", TitleGroup.NONE, 2),
                new Hit("no title 2", TitleGroup.NONE, 2),
                new Hit("guide to ISO 9001", 7, 2),
                new Hit("ISO 9001:2015 again", 1, 2));
        assertThat(reordered(hits))
                .containsExactly(
                        "ISO 9001:2015",
                        "ISO 9001:2008",
                        "no title 1",
                        "no title 2",
                        "guide to ISO 9001",
                        "ISO 9001:2015 again");
    }

    @Test
    void hitsBeyondTheWindowKeepTheirOrder() {
        List<Hit> hits = new java.util.ArrayList<>();
        for (int i = 0; i < TitleGroups.WINDOW + 5; i++) {
            // every other hit repeats title 0
            hits.add(new Hit("h" + i, i % 2 == 0 ? 100 : i, 2));
        }
        List<String> order = reordered(hits);
        assertThat(order)
                .hasSameSizeAs(hits)
                .hasSameElementsAs(hits.stream().map(Hit::name).toList());
        // inside the window: h0, then the odd ones (h1 … h49), then the other even ones (h2 … h48)
        assertThat(order.subList(0, 3)).containsExactly("h0", "h1", "h3");
        assertThat(order.subList(TitleGroups.WINDOW / 2, TitleGroups.WINDOW / 2 + 3))
                .containsExactly("h49", "h2", "h4");
        assertThat(order.subList(TitleGroups.WINDOW, hits.size())).containsExactly("h50", "h51", "h52", "h53", "h54");
    }

    @Test
    void tiersFollowTheScoresOfSearchText() {
        assertThat(TitleGroups.tier(SearchText.WORK)).isEqualTo(TitleGroups.KEEPS_PLACE);
        assertThat(TitleGroups.tier(SearchText.DESIGNATION + 3)).isEqualTo(TitleGroups.KEEPS_PLACE);
        assertThat(TitleGroups.tier(SearchText.EXACT_PHRASE + SearchText.NEAR_PHRASE + 12))
                .isEqualTo(2);
        assertThat(TitleGroups.tier(SearchText.NEAR_PHRASE + 5)).isEqualTo(1);
        assertThat(TitleGroups.tier(7)).isZero();
        // the title tiers together, with generous word scores, stay below the designation tiers
        assertThat(SearchText.EXACT_PHRASE
                        + SearchText.NEAR_PHRASE
                        + SearchText.LITERAL_PHRASE
                        + SearchText.WHOLE_ELEMENT
                        + 200)
                .isLessThan(SearchText.WORK);
    }
}
