package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classes of ISO/IEC identifiers of issue 10, item 2: one nested class per class of identifier. */
class DesignationIdentifierClassesTests {

    static DesignationParseException error(String input) {
        return catchThrowableOfType(DesignationParseException.class, () -> Designation.parse(input));
    }

    @Nested
    class IsoRecommendations {

        @Test
        void romanNumeralPartsAndHyphenYear() {
            Designation d = Designation.parse("ISO/R 123/II-1960");
            assertThat(d.type()).isEqualTo("R");
            assertThat(d.number()).isEqualTo("123");
            assertThat(d.part()).isEqualTo("II");
            assertThat(d.year()).isEqualTo("1960");
        }

        @Test
        void addendumAfterADash() {
            Designation d = Designation.parse("ISO/R 45-1965 — Addendum 2");
            assertThat(d.year()).isEqualTo("1965");
            assertThat(d.amendments())
                    .containsExactly(new Designation.Amendment(Designation.Amendment.Kind.ADD, "2", null));
            assertThat(d.normalized()).isEqualTo("ISO/R 45:1965/Add 2");
            assertThat(Designation.parse("ISO/R 45-1965 Addendum 2").normalized())
                    .isEqualTo(d.normalized());
        }

        @Test
        void romanPartsOnlyOnRecommendations() {
            assertThat(error("ISO 123/II-1960").messageKey()).isEqualTo(DesignationParseException.UNEXPECTED_CHAR);
        }
    }

    @Nested
    class StagesAndIterations {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
            ISO/CD2 12345           | ISO/CD 12345.2         | CD    | 2
            ISO/PreCD3 12345-2      | ISO/PreCD 12345-2.3    | PreCD | 3
            ISO/DIS2 19110          | ISO/DIS 19110.2        | DIS   |
            ISO/DP 1234             | ISO/DP 1234            | DP    |
            ISO/IEC FCD 12345       | ISO/IEC FCD 12345      | FCD   |
            ISO/IEC FD Guide 12-3   | ISO/IEC FDGuide 12-3   | FDIS  |
            ISO/NP 12345            | ISO/NP 12345           | NP    |
            ISO/AWI TS 12345        | ISO/AWI TS 12345       | AWI   |
            ISO/WD IWA 7            | IWA/WD 7               | WD    |
            """)
        void stageWithItsIteration(String input, String normalized, String stage, String iteration) {
            Designation d = Designation.parse(input);
            assertThat(d.normalized()).isEqualTo(normalized);
            assertThat(d.stage()).isEqualTo(stage);
            if (iteration != null) {
                assertThat(d.iteration()).isEqualTo(iteration);
            }
        }

        @Test
        void guideAndIwaKeepTheirType() {
            assertThat(Designation.parse("ISO/IEC FD Guide 12-3").type()).isEqualTo("Guide");
            assertThat(Designation.parse("ISO/WD IWA 7").type()).isEqualTo("IWA");
        }

        @Test
        void anIterationOfThreeDigitsIsRefusedWhereItIs() {
            var e = error("ISO/CD123 12345");
            assertThat(e.messageKey()).isEqualTo(DesignationParseException.UNEXPECTED_CHAR);
            assertThat(e.position()).isEqualTo(7); // 1-based: the iteration "123"
        }

        @Test
        void twoIterationsAreRefused() {
            assertThat(error("ISO/CD2 12345.3").messageKey()).isEqualTo(DesignationParseException.UNEXPECTED_CHAR);
        }
    }

    @Nested
    class WorkshopAgreementsAndSupplements {

        @Test
        void isoIwaIsAnIwa() {
            Designation d = Designation.parse("ISO/IWA 12:2020(en)");
            assertThat(d.normalized()).isEqualTo("IWA 12:2020(en)");
            assertThat(d.body()).isEqualTo("ISO");
            assertThat(d.type()).isEqualTo("IWA");
            assertThat(d.languages()).containsExactly("en");
        }

        @Test
        void iwaIsNotCopublished() {
            assertThat(error("ISO/IEC IWA 12").messageKey()).isEqualTo(DesignationParseException.UNKNOWN_PREFIX);
        }

        @Test
        void draftSupplementWithIteration() {
            Designation d = Designation.parse("ISO/IEC Guide 12:1999/DSuppl 1.3");
            assertThat(d.amendments())
                    .containsExactly(new Designation.Amendment(Designation.Amendment.Kind.SUPPL, "1.3", null, "DIS"));
            assertThat(d.normalized()).isEqualTo("ISO/IEC Guide 12:1999/DIS Suppl 1.3");
        }
    }

    @Nested
    class IecProjectsDatesAndSheets {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            PWI 12-34 ED1                  | PWI 12-34 ED1                  | PWI | 12-34              | 1
            PNW 12-345 ED2                 | PNW 12-345 ED2                 | PNW | 12-345             | 2
            PWI TR 100-36 ED1              | PWI TR 100-36 ED1              | PWI | 100-36             | 1
            PNW TS SYCSMARTENERGY-199 ED1  | PNW TS SYCSMARTENERGY-199 ED1  | PNW | SYCSMARTENERGY-199 | 1
            """)
        void projectCodesKeepStageAndEdition(String input, String normalized, String stage, String number, int ed) {
            Designation d = Designation.parse(input);
            assertThat(d.normalized()).isEqualTo(normalized);
            assertThat(d.stage()).isEqualTo(stage);
            assertThat(d.number()).isEqualTo(number);
            assertThat(d.edition()).isEqualTo(ed);
            assertThat(d.body()).isEqualTo("IEC");
        }

        @Test
        void monthAndLanguageSet() {
            Designation d = Designation.parse("IEC 61234-1-2:2019-10(en-fr)");
            assertThat(d.year()).isEqualTo("2019");
            assertThat(d.month()).isEqualTo("10");
            assertThat(d.languages()).containsExactly("en", "fr");
            assertThat(d.normalized()).isEqualTo("IEC 61234-1-2:2019(en,fr)");
        }

        @Test
        void sheetAfterThePartWithAmendments() {
            Designation d = Designation.parse("IEC 61234-2-1/3:1990/AMD1:1995");
            assertThat(d.part()).isEqualTo("2-1");
            assertThat(d.sheet()).isEqualTo("3");
            assertThat(d.year()).isEqualTo("1990");
            assertThat(d.amendments()).hasSize(1);
            assertThat(d.normalized()).isEqualTo("IEC 61234-2-1/3:1990/AMD1:1995");
            assertThat(d.withoutYear()).isEqualTo("IEC 61234-2-1/3");
        }

        @Test
        void aSlashPartIsNoSheet() {
            Designation d = Designation.parse("IEC 60285/1");
            assertThat(d.sheet()).isNull();
            assertThat(d.part()).isEqualTo("1");
        }
    }

    @Nested
    class DualAndNamedDocuments {

        @Test
        void twoBodiesJoinedByABar() {
            Designation d = Designation.parse("ISO 1234|IDF 56");
            assertThat(d.number()).isEqualTo("1234");
            assertThat(d.dualIdentifier()).isEqualTo("IDF 56");
            assertThat(d.normalized()).isEqualTo("ISO 1234|IDF 56");
        }

        @Test
        void theYearOfTheSecondIsTheYearOfBoth() {
            Designation d = Designation.parse("ISO 8968-1 | IDF 20-1:2014");
            assertThat(d.year()).isEqualTo("2014");
            assertThat(d.dualIdentifier()).isEqualTo("IDF 20-1:2014");
            assertThat(d.normalized()).isEqualTo("ISO 8968-1:2014|IDF 20-1:2014");
        }

        @Test
        void twoDifferentYearsAreRefused() {
            assertThat(error("ISO 5537:2003|IDF 26:2004").messageKey()).isEqualTo(DesignationParseException.BAD_YEAR);
        }

        @Test
        void aBarWithoutASecondIdentifierIsRefusedAfterIt() {
            var e = error("ISO 5537|");
            assertThat(e.messageKey())
                    .isIn(DesignationParseException.UNEXPECTED_CHAR, DesignationParseException.UNEXPECTED_END);
        }

        @Test
        void namedDocumentOfAJointBody() {
            Designation d = Designation.parse("ISO/IEC VIM:2007");
            assertThat(d.number()).isEqualTo("VIM");
            assertThat(d.year()).isEqualTo("2007");
            assertThat(error("ISO/IEC VIM").messageKey()).isEqualTo(DesignationParseException.MISSING_NUMBER);
        }

        @Test
        void iecLetterCodeWithItsNumber() {
            Designation d = Designation.parse("IEC ABCD 02:2019");
            assertThat(d.number()).isEqualTo("ABCD 02");
            assertThat(d.year()).isEqualTo("2019");
            assertThat(d.normalized()).isEqualTo("IEC ABCD 02:2019");
        }
    }
}
