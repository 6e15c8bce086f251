package org.stdhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;
import org.stdhub.compliance.CheckLine.Ref;

/** The validity check against the whole shipped catalog: one rule per test, facts as the data states them. */
@CatalogTest
class ValidityCheckTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    ValidityCheck check;

    private CheckLine one(String text) {
        return one(text, ZH);
    }

    private CheckLine one(String text, Locale locale) {
        CheckReport report = check.checkDesignations(List.of(text), false, locale);
        assertThat(report.lines()).hasSize(1);
        return report.lines().getFirst();
    }

    private static List<String> designations(List<Ref> refs) {
        return refs.stream().map(Ref::designation).toList();
    }

    @Test
    void aStandardInForceIsCurrentWithItsTitle() {
        CheckLine line = one("GB/T 42061-2022");
        assertThat(line.verdict()).isEqualTo(Verdict.CURRENT);
        assertThat(line.normalized()).isEqualTo("GB/T 42061-2022");
        assertThat(line.standard().designation()).isEqualTo("GB/T 42061-2022");
        assertThat(line.standard().titleZh()).isEqualTo("医疗器械 质量管理体系 用于法规的要求");
        assertThat(line.currentReplacement()).isEmpty();
    }

    @Test
    void sloppyFormsAreReadByTheIdentifierEngine() {
        for (String sloppy : List.of(
                "gbt42061—2022",
                "ＧＢ／Ｔ　４２０６１－２０２２",
                "GB/T42061-2022",
                " gb/t 42061-2022 ",
                "GB/T 42061-2022 医疗器械 质量管理体系 用于法规的要求",
                "GB/T 42061-2022\t医疗器械")) {
            CheckLine line = one(sloppy);
            assertThat(line.normalized()).as(sloppy).isEqualTo("GB/T 42061-2022");
            assertThat(line.verdict()).as(sloppy).isEqualTo(Verdict.CURRENT);
        }
        for (String sloppy : List.of("iso 13485 2016", "ISO13485:2016", "ISO 13485:2016 Medical devices")) {
            CheckLine line = one(sloppy);
            assertThat(line.normalized()).as(sloppy).isEqualTo("ISO 13485:2016");
            assertThat(line.verdict()).as(sloppy).isEqualTo(Verdict.CURRENT);
        }
    }

    @Test
    void aCurrentStandardWithAPublishedSuccessorSaysWhenItWillBeReplaced() {
        CheckLine line = one("YY 0055-2018");
        assertThat(line.verdict()).isEqualTo(Verdict.CURRENT);
        assertThat(designations(line.upcomingReplacement())).containsExactly("YY 0055-2026");
        assertThat(line.upcomingReplacement().getFirst().implemented()).isEqualTo("2029-08-01");
    }

    @Test
    void anUpcomingStandardCarriesItsImplementationDate() {
        CheckLine line = one("YY 0055-2026");
        assertThat(line.verdict()).isEqualTo(Verdict.UPCOMING);
        assertThat(line.standard().implemented()).isEqualTo("2029-08-01");
    }

    @Test
    void aWithdrawnStandardLeadsThroughSeveralHopsToTheOneInForceToday() {
        CheckLine line = one("ISO 1:1975");
        assertThat(line.verdict()).isEqualTo(Verdict.WITHDRAWN_REPLACED);
        assertThat(line.standard().status()).isEqualTo("withdrawn");
        assertThat(designations(line.currentReplacement())).containsExactly("ISO 1:2022");
        assertThat(line.currentReplacement().getFirst().status()).isEqualTo("current");
    }

    @Test
    void aWithdrawnStandardReplacedOnce() {
        CheckLine line = one("ISO 13485:2003");
        assertThat(line.verdict()).isEqualTo(Verdict.WITHDRAWN_REPLACED);
        assertThat(designations(line.currentReplacement())).containsExactly("ISO 13485:2016");
    }

    @Test
    void aCurrentEditionWithANewerCurrentEditionIsOutdatedEvenWithoutARecordedRelation() {
        CheckLine line = one("GB/T 34932-2017");
        assertThat(line.standard().status()).isEqualTo("current");
        assertThat(line.verdict()).isEqualTo(Verdict.EDITION_OUTDATED);
        assertThat(designations(line.currentReplacement())).containsExactly("GB/T 34932-2025");
    }

    @Test
    void anEditionWithoutStatusAndANewerCurrentEditionIsOutdated() {
        // the NMPA file lists it without status and no other source gives one (GB/T 16886.12-2017, used before,
        // gained "withdrawn" from the csres overlaps)
        CheckLine line = one("GB/T 19973.2-2017");
        assertThat(line.standard().status()).isNull();
        assertThat(line.verdict()).isEqualTo(Verdict.EDITION_OUTDATED);
        assertThat(designations(line.currentReplacement())).containsExactly("GB/T 19973.2-2025");
    }

    @Test
    void withoutAYearTheEditionInForceIsChecked() {
        CheckLine line = one("iso 13485");
        assertThat(line.normalized()).isEqualTo("ISO 13485");
        assertThat(line.standard().designation()).isEqualTo("ISO 13485:2016");
        assertThat(line.verdict()).isEqualTo(Verdict.CURRENT);
    }

    @Test
    void aWithdrawnStandardWithoutRecordedReplacementPointsAtTheCurrentEditionOfTheSameDocument() {
        CheckLine alone = one("DB15/T 1347-2018");
        assertThat(alone.verdict()).isEqualTo(Verdict.WITHDRAWN_NO_REPLACEMENT);
        assertThat(alone.currentReplacement()).isEmpty();
        assertThat(alone.suggestions()).isEmpty();

        CheckLine withNewerEdition = one("DL/T 1033.5-2006");
        assertThat(withNewerEdition.verdict()).isEqualTo(Verdict.WITHDRAWN_NO_REPLACEMENT);
        assertThat(designations(withNewerEdition.suggestions())).containsExactly("DL/T 1033.5-2014");
    }

    @Test
    void aStandardWhoseSourceGivesNoStatusIsStatusUnknown() {
        CheckLine line = one("DB33/T 585-2005");
        assertThat(line.verdict()).isEqualTo(Verdict.STATUS_UNKNOWN);
        assertThat(line.standard().titleZh()).isEqualTo("浙江省水力发电工程名称代码");
    }

    @Test
    void notFoundSuggestsOtherYearsOfTheSameWorkAndTheSameNumberUnderOtherPrefixes() {
        CheckLine wrongYear = one("GB/T 42061-2021");
        assertThat(wrongYear.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(wrongYear.standard()).isNull();
        assertThat(designations(wrongYear.suggestions())).startsWith("GB/T 42061-2022");

        CheckLine wrongPrefix = one("GB 42061-2022");
        assertThat(wrongPrefix.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(designations(wrongPrefix.suggestions())).startsWith("GB/T 42061-2022");

        CheckLine olderIsoEdition = one("ISO 13485:2010");
        assertThat(olderIsoEdition.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(designations(olderIsoEdition.suggestions())).startsWith("ISO 13485:2016");
    }

    @Test
    void notFoundWithoutNearDesignationsAsksTheSearchIndexWithTheWholeLine() {
        CheckLine byNumber = one("YY/T 0055-2018");
        assertThat(byNumber.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(designations(byNumber.suggestions())).startsWith("YY 0055-2018");

        CheckLine byTitle = one("GB/T 99999-2020 医疗器械 质量管理体系 用于法规的要求");
        assertThat(byTitle.normalized()).isEqualTo("GB/T 99999-2020");
        assertThat(byTitle.verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(designations(byTitle.suggestions())).contains("GB/T 42061-2022");
    }

    @Test
    void anUnreadableLineSaysWhyInTheAskedLanguage() {
        CheckLine zh = one("GB/T ???");
        assertThat(zh.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(zh.normalized()).isNull();
        assertThat(zh.reasonCode()).startsWith("designation.error.");
        assertThat(zh.reason()).isNotBlank().doesNotStartWith("designation.error");

        CheckLine en = one("quality management", Locale.ENGLISH);
        assertThat(en.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(en.reason()).matches(".*[A-Za-z]{4,}.*").doesNotContainPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void linesKeepTheirNumbersAndTheSummaryCountsEachVerdict() {
        List<String> list = new ArrayList<>(List.of(
                "GB/T 42061-2022",
                "",
                "ISO 1:1975",
                "YY 0055-2026",
                "GB/T 34932-2017",
                "DB15/T 1347-2018",
                "DB33/T 585-2005",
                "GB/T 42061-2021",
                "??",
                "   "));
        CheckReport report = check.checkDesignations(list, false, ZH);
        assertThat(report.lines()).extracting(CheckLine::line).containsExactly(1, 3, 4, 5, 6, 7, 8, 9);
        CheckSummary s = report.summary();
        assertThat(s.total()).isEqualTo(8);
        assertThat(List.of(
                        s.current(),
                        s.withdrawnReplaced(),
                        s.upcoming(),
                        s.editionOutdated(),
                        s.withdrawnNoReplacement(),
                        s.statusUnknown(),
                        s.notFound(),
                        s.unreadable()))
                .containsOnly(1);
        assertThat(report.checkedAt()).isNotNull();
        assertThat(report.catalogDataDate()).as("the seed import finished").isNotNull();
        assertThat(report.matchedDesignations())
                .containsExactly(
                        "GB/T 42061-2022",
                        "ISO 1:1975",
                        "YY 0055-2026",
                        "GB/T 34932-2017",
                        "DB15/T 1347-2018",
                        "DB33/T 585-2005");
    }

    @Test
    void anonymousChecksAreLimitedTo200LinesSignedIn10000() {
        List<String> two01 = Collections.nCopies(201, "GB/T 42061-2022");
        assertThatThrownBy(() -> check.checkDesignations(two01, false, ZH))
                .isInstanceOf(CheckInputException.class)
                .extracting(e -> ((CheckInputException) e).messageKey())
                .isEqualTo("compliance.error.too-many-anonymous");
        assertThat(check.checkDesignations(two01, true, ZH).lines()).hasSize(201);

        List<String> tooMany = Collections.nCopies(10_001, "ISO 1:1975");
        assertThatThrownBy(() -> check.checkDesignations(tooMany, true, ZH))
                .extracting(e -> ((CheckInputException) e).messageKey())
                .isEqualTo("compliance.error.too-many");
        assertThatThrownBy(() -> check.checkDesignations(List.of(" ", ""), true, ZH))
                .extracting(e -> ((CheckInputException) e).messageKey())
                .isEqualTo("compliance.error.empty");
    }

    @Test
    void tenThousandLinesAreCheckedInBulk() {
        List<String> list = new ArrayList<>();
        String[] sample = {"ISO 1:1975", "gbt42061—2022", "YY 0055-2018", "GB/T 42061-2021", "x?", "iso 9001"};
        for (int i = 0; i < 10_000; i++) {
            list.add(sample[i % sample.length]);
        }
        CheckReport report = check.checkDesignations(list, true, ZH);
        assertThat(report.lines()).hasSize(10_000);
        assertThat(report.summary().withdrawnReplaced()).isEqualTo(1667);
        assertThat(report.lines().get(5).standard().designation()).isEqualTo("ISO 9001:2015");
    }
}
