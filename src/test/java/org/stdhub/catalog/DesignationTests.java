package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stdhub.catalog.Designation.Amendment;

class DesignationTests {

    static String norm(String text) {
        return Designation.parse(text).normalized();
    }

    @Nested
    class ChineseDesignations {

        @Test
        void recommendedNationalStandardHasItsParts() {
            Designation d = Designation.parse("GB/T 19001-2016");
            assertThat(d.normalized()).isEqualTo("GB/T 19001-2016");
            assertThat(d.formal()).isEqualTo("GB/T 19001\u20142016");
            assertThat(d.body()).isEqualTo("GB");
            assertThat(d.prefix()).isEqualTo("GB/T");
            assertThat(d.kind()).isEqualTo(StandardKind.NATIONAL_RECOMMENDED);
            assertThat(d.number()).isEqualTo("19001");
            assertThat(d.part()).isNull();
            assertThat(d.year()).isEqualTo("2016");
            assertThat(d.type()).isNull();
            assertThat(d.stage()).isNull();
            assertThat(d.amendments()).isEmpty();
            assertThat(d.languages()).isEmpty();
            assertThat(d.flags()).isEmpty();
            assertThat(d.withoutYear()).isEqualTo("GB/T 19001");
            assertThat(d.compactKey()).isEqualTo("GBT190012016");
            assertThat(d.compactWorkKey()).isEqualTo("GBT19001");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "GB/T 19001-2016", "gbt19001-2016", "GB／T19001—2016", "GB/T19001-2016", "gb/t 19001-2016",
                    "GB/T 19001—2016", "GB/T 19001–2016", "GB/T 19001‐2016", "GB/T 19001－2016", "GB/T 19001−2016",
                    "GBT 19001-2016", "GB-T 19001-2016", "GB T 19001-2016", "  GB/T   19001 - 2016  ",
                            "GB / T 19001-2016",
                    "ＧＢ／Ｔ　１９００１－２０１６", "GB/T\u200219001\u20142016", "GB/T 19001 2016", "gb/t19001 2016"
                })
        void sloppyInputsOfOneStandardNormaliseToOneForm(String input) {
            Designation d = Designation.parse(input);
            assertThat(d.normalized()).isEqualTo("GB/T 19001-2016");
            assertThat(d.compactKey()).isEqualTo("GBT190012016");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
            GB/T 5606.1-2004            | GB/T 5606.1-2004        | GB/T     | GB     | 5606   | 1     | 2004 | NATIONAL_RECOMMENDED
            GB/T5606.1-2004             | GB/T 5606.1-2004        | GB/T     | GB     | 5606   | 1     | 2004 | NATIONAL_RECOMMENDED
            GB-T 15224.2-2004           | GB/T 15224.2-2004       | GB/T     | GB     | 15224  | 2     | 2004 | NATIONAL_RECOMMENDED
            GB/T 20000.2                | GB/T 20000.2            | GB/T     | GB     | 20000  | 2     |      | NATIONAL_RECOMMENDED
            GB/Z 17625.15-2017          | GB/Z 17625.15-2017      | GB/Z     | GB     | 17625  | 15    | 2017 | NATIONAL_GUIDANCE
            GB 45833-2025               | GB 45833-2025           | GB       | GB     | 45833  |       | 2025 | NATIONAL_MANDATORY
            GB 50007-2011               | GB 50007-2011           | GB       | GB     | 50007  |       | 2011 | NATIONAL_MANDATORY
            GBZ 2.1-2019                | GBZ 2.1-2019            | GBZ      | GBZ    | 2      | 1     | 2019 | NATIONAL_OTHER
            JJF 1059.1-2012             | JJF 1059.1-2012         | JJF      | JJF    | 1059   | 1     | 2012 | NATIONAL_OTHER
            GBJ 132-90                  | GBJ 132-1990            | GBJ      | GBJ    | 132    |       | 1990 | NATIONAL_OTHER
            YY/T 0708-2009              | YY/T 0708-2009          | YY/T     | YY     | 0708   |       | 2009 | INDUSTRY
            YY 9706.102-2021            | YY 9706.102-2021        | YY       | YY     | 9706   | 102   | 2021 | INDUSTRY
            YD/T 3060.2.2-2016          | YD/T 3060.2.2-2016      | YD/T     | YD     | 3060   | 2.2   | 2016 | INDUSTRY
            JB/T 13368-2018             | JB/T 13368-2018         | JB/T     | JB     | 13368  |       | 2018 | INDUSTRY
            RB/T 214-2017               | RB/T 214-2017           | RB/T     | RB     | 214    |       | 2017 | INDUSTRY
            NB/T 35071-2025             | NB/T 35071-2025         | NB/T     | NB     | 35071  |       | 2025 | INDUSTRY
            DL/Z 790.52-2005            | DL/Z 790.52-2005        | DL/Z     | DL     | 790    | 52    | 2005 | INDUSTRY
            JGJ/T 335-2014              | JGJ/T 335-2014          | JGJ/T    | JGJ    | 335    |       | 2014 | INDUSTRY
            CJJ 34-2002                 | CJJ 34-2002             | CJJ      | CJJ    | 34     |       | 2002 | INDUSTRY
            JTG D60-2015                | JTG D60-2015            | JTG      | JTG    | D60    |       | 2015 | INDUSTRY
            DB/T 15-2009                | DB/T 15-2009            | DB/T     | DB     | 15     |       | 2009 | INDUSTRY
            DB41/T 1234-2020            | DB41/T 1234-2020        | DB41/T   | DB41   | 1234   |       | 2020 | LOCAL
            DB41/T 1234—2020            | DB41/T 1234-2020        | DB41/T   | DB41   | 1234   |       | 2020 | LOCAL
            DB11/Z 610-2008             | DB11/Z 610-2008         | DB11/Z   | DB11   | 610    |       | 2008 | LOCAL
            DB11/ 1134-2014             | DB11 1134-2014          | DB11     | DB11   | 1134   |       | 2014 | LOCAL
            DB3301/T 0123-2021          | DB3301/T 0123-2021      | DB3301/T | DB3301 | 0123   |       | 2021 | LOCAL
            db21/t2662.4-2016           | DB21/T 2662.4-2016      | DB21/T   | DB21   | 2662   | 4     | 2016 | LOCAL
            T/CAS 115-2005              | T/CAS 115-2005          | T/CAS    | T/CAS  | 115    |       | 2005 | GROUP
            T/CAS 290—2017              | T/CAS 290-2017          | T/CAS    | T/CAS  | 290    |       | 2017 | GROUP
            T/CHEAA 0001—2017           | T/CHEAA 0001-2017       | T/CHEAA  | T/CHEAA| 0001   |       | 2017 | GROUP
            T/GZAEPI 001—2018           | T/GZAEPI 001-2018       | T/GZAEPI | T/GZAEPI| 001   |       | 2018 | GROUP
            t/cas115-2005               | T/CAS 115-2005          | T/CAS    | T/CAS  | 115    |       | 2005 | GROUP
            CECS 102:2002               | CECS 102-2002           | CECS     | CECS   | 102    |       | 2002 | GROUP
            Q/ABC 001-2019              | Q/ABC 001-2019          | Q/ABC    | Q/ABC  | 001    |       | 2019 | ENTERPRISE
            Q/GDW 1168-2013             | Q/GDW 1168-2013         | Q/GDW    | Q/GDW  | 1168   |       | 2013 | ENTERPRISE
            Q/ABC001-2019               | Q/ABC 001-2019          | Q/ABC    | Q/ABC  | 001    |       | 2019 | ENTERPRISE
            """)
        void prefixFamiliesAreRecognised(
                String input,
                String normalized,
                String prefix,
                String body,
                String number,
                String part,
                String year,
                StandardKind kind) {
            Designation d = Designation.parse(input);
            assertThat(d.normalized()).isEqualTo(normalized);
            assertThat(d.prefix()).isEqualTo(prefix);
            assertThat(d.body()).isEqualTo(body);
            assertThat(d.number()).isEqualTo(number);
            assertThat(d.part()).isEqualTo(part);
            assertThat(d.year()).isEqualTo(year);
            assertThat(d.kind()).isEqualTo(kind);
        }

        @Test
        void sectorStandardWithoutMandateIsReadButFlaggedAsLegacyMandatory() {
            Designation d = Designation.parse("JB 1234-1990");
            assertThat(d.kind()).isEqualTo(StandardKind.INDUSTRY);
            assertThat(d.flags()).containsExactly(DesignationFlag.LEGACY_MANDATORY_SECTOR);
            assertThat(Designation.parse("JB/T 1234-1990").flags()).isEmpty();
        }

        @Test
        void twoDigitYearOfOldRecordsExpandsTo19xx() {
            Designation d = Designation.parse("GB 50040-96");
            assertThat(d.normalized()).isEqualTo("GB 50040-1996");
            assertThat(d.year()).isEqualTo("1996");
            assertThat(d.flags()).contains(DesignationFlag.TWO_DIGIT_YEAR_EXPANDED);
            assertThat(norm("JGJ 2-79")).isEqualTo("JGJ 2-1979");
        }

        @Test
        void twoDigitYearBelow50IsTakenAs20xx() {
            assertThat(norm("GB 50007-02")).isEqualTo("GB 50007-2002");
        }

        @Test
        void dbFollowedByDigitsIsLocalAndDbSlashTIsTheSeismologySector() {
            assertThat(Designation.parse("DB41/T 1234-2020").kind()).isEqualTo(StandardKind.LOCAL);
            assertThat(Designation.parse("DB330100/T 1-2020").body()).isEqualTo("DB330100");
            Designation seismology = Designation.parse("DB/T 15-2009");
            assertThat(seismology.kind()).isEqualTo(StandardKind.INDUSTRY);
            assertThat(seismology.body()).isEqualTo("DB");
        }

        @Test
        void localRegionMustHaveTwoFourOrSixDigits() {
            assertThatThrownBy(() -> Designation.parse("DB123/T 1-2020"))
                    .isInstanceOf(DesignationParseException.class)
                    .extracting(e -> ((DesignationParseException) e).messageKey())
                    .isEqualTo("designation.error.unknown-prefix");
        }

        @Test
        void unknownProvinceIsFlaggedNotRejected() {
            Designation d = Designation.parse("DB99/T 1-2020");
            assertThat(d.flags()).contains(DesignationFlag.UNKNOWN_REGION_CODE);
        }

        @Test
        void regionWrittenTogetherWithTheNumberTakesTwoDigitsAndIsFlagged() {
            Designation d = Designation.parse("DB111134-2014");
            assertThat(d.normalized()).isEqualTo("DB11 1134-2014");
            assertThat(d.flags()).contains(DesignationFlag.AMBIGUOUS_REGION_SPLIT);
        }

        @Test
        void unknownAllCapsSectorCodeIsAcceptedAsIndustryWithFlag() {
            Designation d = Designation.parse("XYZ/T 12-2020");
            assertThat(d.kind()).isEqualTo(StandardKind.INDUSTRY);
            assertThat(d.prefix()).isEqualTo("XYZ/T");
            assertThat(d.flags()).contains(DesignationFlag.UNKNOWN_SECTOR_CODE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"xyz/t 12-2020", "GBX 123-2020", "EN 1234", "DIN 1234", "IEEE 802", "X 12", "ABCDE 12"})
        void lowerCaseUnknownGbLikeOrForeignPrefixesAreRejected(String input) {
            var e = catchThrowableOfType(DesignationParseException.class, () -> Designation.parse(input));
            assertThat(e.messageKey()).isEqualTo("designation.error.unknown-prefix");
            assertThat(e.position()).isEqualTo(1);
        }

        @Test
        void knownSectorCodesAreAcceptedInAnyCaseAndGluedMandateIsSplit() {
            assertThat(norm("yy/t 0287-2017")).isEqualTo("YY/T 0287-2017");
            assertThat(norm("YYT0287-2017")).isEqualTo("YY/T 0287-2017");
            assertThat(norm("JGJT 335-2014")).isEqualTo("JGJ/T 335-2014");
            assertThat(norm("DLT5497-2015")).isEqualTo("DL/T 5497-2015");
        }

        @Test
        void gbzIsTheOccupationalHealthSeriesNotGbSlashZ() {
            assertThat(Designation.parse("GBZ 2.1-2019").kind()).isEqualTo(StandardKind.NATIONAL_OTHER);
            assertThat(Designation.parse("GB/Z 2.1-2019").kind()).isEqualTo(StandardKind.NATIONAL_GUIDANCE);
            assertThat(norm("GB-Z 17625.15-2017")).isEqualTo("GB/Z 17625.15-2017");
        }

        @Test
        void eightDigitGroupNumberWithoutDashIsSplitIntoSequenceAndYear() {
            Designation d = Designation.parse("T/XZYC 00012024");
            assertThat(d.normalized()).isEqualTo("T/XZYC 0001-2024");
            assertThat(d.number()).isEqualTo("0001");
            assertThat(d.year()).isEqualTo("2024");
            assertThat(d.flags()).contains(DesignationFlag.YEAR_SPLIT_FROM_NUMBER);
        }

        @Test
        void eightDigitFallbackIsOnlyForGroupStandards() {
            Designation d = Designation.parse("GB/T 00012024");
            assertThat(d.number()).isEqualTo("00012024");
            assertThat(d.year()).isNull();
        }

        @Test
        void xgAmendmentIsKeptInTheCanonicalForm() {
            Designation d = Designation.parse("GB 4806.1-2016/XG1—2020");
            assertThat(d.normalized()).isEqualTo("GB 4806.1-2016/XG1-2020");
            assertThat(d.amendments()).containsExactly(new Amendment(Amendment.Kind.XG, "1", "2020"));
            assertThat(d.withoutYear()).isEqualTo("GB 4806.1");
            assertThat(d.sameWork(Designation.parse("GB 4806.1-2016"))).isTrue();
            assertThat(d).isNotEqualTo(Designation.parse("GB 4806.1-2016"));
        }

        @Test
        void dualNumberingParsesTheChinesePartAndExposesTheAdoptedOne() {
            Designation d = Designation.parse("GB/T 19001-2016/ISO 9001:2015");
            assertThat(d.normalized()).isEqualTo("GB/T 19001-2016");
            assertThat(d.adoptedDesignation()).map(Designation::normalized).contains("ISO 9001:2015");
            assertThat(d.adoptedDesignation().orElseThrow().kind()).isEqualTo(StandardKind.INTERNATIONAL);
            assertThat(Designation.parse("GB/T 13616—1999/ISO 13616:1996").adoptedDesignation())
                    .map(Designation::normalized)
                    .contains("ISO 13616:1996");
            assertThat(Designation.parse("GB/T 19001-2016").adoptedDesignation())
                    .isEmpty();
        }

        @Test
        void yearIsOptional() {
            Designation d = Designation.parse("GB/T 19001");
            assertThat(d.year()).isNull();
            assertThat(d.normalized()).isEqualTo("GB/T 19001");
        }

        @Test
        void partWithZeroPaddingIsKeptAsWritten() {
            assertThat(Designation.parse("RB/T 094-2022").number()).isEqualTo("094");
        }
    }

    @Nested
    class InternationalDesignations {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
            ISO 9001:2015                                   | ISO 9001:2015
            ISO/IEC 27001:2022                              | ISO/IEC 27001:2022
            ISO/TR 27957:2008                               | ISO/TR 27957:2008
            ISO/IEC/IEEE 26512:2011                         | ISO/IEC/IEEE 26512:2011
            ISO 10231:2003/Amd 1:2015                       | ISO 10231:2003/Amd 1:2015
            ISO 10360-1:2000/Cor 1:2002                     | ISO 10360-1:2000/Cor 1:2002
            IEC 60335-1:2010/AMD1:2013                      | IEC 60335-1:2010/AMD1:2013
            IEC 62439-1:2010+AMD1:2012+AMD2:2016 CSV        | IEC 62439-1:2010+AMD1:2012+AMD2:2016 CSV
            CISPR 11:2015+AMD1:2016+AMD2:2019 CSV           | CISPR 11:2015+AMD1:2016+AMD2:2019 CSV
            ISO/DIS 9001                                    | ISO/DIS 9001
            ISO 9001:2015(en)                               | ISO 9001:2015(en)
            iso9001:2015                                    | ISO 9001:2015
            iso 9001:2015                                   | ISO 9001:2015
            ISO9001                                         | ISO 9001
            ISO 9001 2015                                   | ISO 9001:2015
            ISO/IEC 27001：2022                             | ISO/IEC 27001:2022
            ＩＳＯ／ＩＥＣ　２７００１：２０２２             | ISO/IEC 27001:2022
            ISO 9001:2015 (en)                              | ISO 9001:2015(en)
            ISO 7000:2019 ED2                               | ISO 7000:2019
            """)
        void briefInputForms(String input, String normalized) {
            assertThat(norm(input)).isEqualTo(normalized);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
            ISO/TR27957:2008                                    | ISO/TR 27957:2008
            ISO 5843/6                                          | ISO 5843-6
            ISO/NWIP 19144-4                                    | ISO/NP 19144-4
            FprISO 105-A03                                      | ISO/PRF 105-A03
            ISO/TR 30406-2017                                   | ISO/TR 30406:2017
            ISO/IEC 14496-30:2018/FDAmd 1                       | ISO/IEC 14496-30:2018/FDAM 1
            ISO/IEC 14496-12:2012/PDAM 4                        | ISO/IEC 14496-12:2012/CD Amd 4
            ISO/IEC 10646-1:1993/pDCOR.2                        | ISO/IEC 10646-1:1993/CD Cor 2
            ISO/IEC 14496-10:2014/FPDAM 1(en)                   | ISO/IEC 14496-10:2014/DAM 1(en)
            ISO/IEC 17025:2005/Cor.1:2006(fr)                   | ISO/IEC 17025:2005/Cor 1:2006(fr)
            ISO/IEC 8802-3:2021/Amd7-2021                       | ISO/IEC 8802-3:2021/Amd 7:2021
            ISO 17301-1:2016/FCOR 2.3                           | ISO 17301-1:2016/FDCOR 2.3
            ISO 17225-1:2014(R)                                 | ISO 17225-1:2014(ru)
            ISO/IEC GUIDE 2:2004(E/F/R)                         | ISO/IEC Guide 2:2004(en,fr,ru)
            GUIDE ISO/CEI 71:2001(F)                            | ISO/IEC Guide 71:2001(fr)
            Руководство ИСО/МЭК 76                              | ISO/IEC Guide 76
            ИСО/ОПМС 26000:2010(R)                              | ISO/FDIS 26000:2010(ru)
            ИСО/ПМС 1956/2                                      | ISO/DIS 1956-2
            ИСО/ТО 8517                                         | ISO/TR 8517
            ИСО/ТС 18625                                        | ISO/TS 18625
            IEC 60335-1:2010/A1:2013                            | IEC 60335-1:2010/AMD1:2013
            IEC 60335-1:2010/A1:2013 + COR:2014                 | IEC 60335-1:2010/AMD1:2013/COR1:2014
            IEC 60529:1989+AMD1:1999 CSV/COR2:2007              | IEC 60529:1989+AMD1:1999+COR2:2007 CSV
            IEC 60794-1-23:2019-10                              | IEC 60794-1-23:2019
            ISO/IEC 13818-1:2015/Amd 3:2016/Cor 1:2017 ED5      | ISO/IEC 13818-1:2015/Amd 3:2016/Cor 1:2017
            IEC 62133-2:2017/AMD1:2021/COR1:2021                | IEC 62133-2:2017/AMD1:2021/COR1:2021
            IEC 60050-351:2013/AMD1:2016                        | IEC 60050-351:2013/AMD1:2016
            IEC 61666:2010+AMD1:2021 CSV                        | IEC 61666:2010+AMD1:2021 CSV
            ISO/IEC FDIS 7816-6                                 | ISO/IEC FDIS 7816-6
            IWA 8:2009                                          | IWA 8:2009
            AWI IWA 36                                          | IWA/AWI 36
            ISO/IEC PDTR 20943-5                                | ISO/IEC CD TR 20943-5
            ISO/IEC PDTS 19583-24                               | ISO/IEC CD TS 19583-24
            ISO/IEC WD TS 25025                                 | ISO/IEC WD TS 25025
            ISO/DPAS 5643:2021(E)                               | ISO/DPAS 5643:2021(en)
            ISO/PRF PAS 5643                                    | ISO/PRF PAS 5643
            ISO/CD PAS 22399                                    | ISO/CD PAS 22399
            ISO/SAE DPAS 22736:2021                             | ISO/SAE DPAS 22736:2021
            ISO/IEC/IEEE FDTR 17301-1-1:2016(en)                | ISO/IEC/IEEE FDTR 17301-1-1:2016(en)
            ISO/IEC FDIS 23008-1/WD Amd 1                       | ISO/IEC FDIS 23008-1/WD Amd 1
            ISO 17301-1:2016/NP Amd 1.2                         | ISO 17301-1:2016/NP Amd 1.2
            ISO 10791-6:2014/PWI Amd 1                          | ISO 10791-6:2014/PWI Amd 1
            ISO 15002:2008/DAM 2:2020(F)                        | ISO 15002:2008/DAM 2:2020(fr)
            ISO/DIS 21143.2                                     | ISO/DIS 21143.2
            ISO 14451-1:2013(en,fr,other)                       | ISO 14451-1:2013(en,fr,other)
            ISO/R 125:1966                                      | ISO/R 125:1966
            ISO/IEC ISP 10611-3:2003                            | ISO/IEC ISP 10611-3:2003
            IEC 80601-2-60                                      | IEC 80601-2-60
            ISO 3758:1991/Suppl:1993                            | ISO 3758:1991/Suppl:1993
            IEC GUIDE 112:2017                                  | IEC Guide 112:2017
            IEC 60068-2-2a:1976                                 | IEC 60068-2-2A:1976
            IEC 60285-/1:1989                                   | IEC 60285/1:1989
            IEC 60695-2-1/0:1994                                | IEC 60695-2-1/0:1994
            IEC 61360-C00168:                                   | IEC 61360-C00168
            IEC 60079-10-1:2020 CMV/COR1:2021                   | IEC 60079-10-1:2020/COR1:2021 CMV
            IEC White Paper IoT:WSN:2014                        | IEC White Paper IoT:WSN:2014
            IEC Technology and Market Outlook Paper MSWtE:2023  | IEC Technology and Market Outlook Paper MSWtE:2023
            IEC CENT-CHAL:2006                                  | IEC CENT-CHAL:2006
            ISO/HL7 10781:2009                                  | ISO/HL7 10781:2009
            IEEE/ISO/IEC 8802-1Q-2020                           | IEEE/ISO/IEC 8802-1Q:2020
            """)
        void normalisationsOfTheDomainDocAndPubid(String input, String normalized) {
            Designation d = Designation.parse(input);
            assertThat(d.normalized()).isEqualTo(normalized);
            assertThat(Designation.parse(d.normalized()).normalized()).isEqualTo(normalized);
        }

        @Test
        void isoAmendmentHasItsParts() {
            Designation d = Designation.parse("ISO 9001:2015/Amd 1:2024");
            assertThat(d.kind()).isEqualTo(StandardKind.INTERNATIONAL);
            assertThat(d.body()).isEqualTo("ISO");
            assertThat(d.prefix()).isEqualTo("ISO");
            assertThat(d.type()).isEqualTo("IS");
            assertThat(d.number()).isEqualTo("9001");
            assertThat(d.year()).isEqualTo("2015");
            assertThat(d.amendments()).containsExactly(new Amendment(Amendment.Kind.AMD, "1", "2024"));
            assertThat(d.withoutYear()).isEqualTo("ISO 9001");
            assertThat(d.compactKey()).isEqualTo("ISO90012015AMD12024");
            assertThat(d.compactWorkKey()).isEqualTo("ISO9001");
        }

        @Test
        void jointPublishersAreTheBodyAndTypeIsSeparate() {
            Designation d = Designation.parse("ISO/IEC TR 29110-5-1-1:2012");
            assertThat(d.body()).isEqualTo("ISO/IEC");
            assertThat(d.prefix()).isEqualTo("ISO/IEC");
            assertThat(d.type()).isEqualTo("TR");
            assertThat(d.number()).isEqualTo("29110");
            assertThat(d.part()).isEqualTo("5-1-1");
            assertThat(d.withoutYear()).isEqualTo("ISO/IEC TR 29110-5-1-1");
        }

        @Test
        void letteredPartsAreParts() {
            Designation d = Designation.parse("ISO 105-J02:1997/Cor 1:1998");
            assertThat(d.number()).isEqualTo("105");
            assertThat(d.part()).isEqualTo("J02");
            assertThat(Designation.parse("ISO/IEC/IEEE 8802-1Q:2016").part()).isEqualTo("1Q");
        }

        @Test
        void stageIsExposedAndNotPartOfTheWork() {
            Designation draft = Designation.parse("ISO/DIS 9001");
            assertThat(draft.stage()).isEqualTo("DIS");
            assertThat(draft.withoutYear()).isEqualTo("ISO 9001");
            assertThat(draft.sameWork(Designation.parse("ISO 9001:2015"))).isTrue();
            Designation typed = Designation.parse("ISO/IEC CD TR 20943-5");
            assertThat(typed.stage()).isEqualTo("CD");
            assertThat(typed.type()).isEqualTo("TR");
        }

        @Test
        void consolidatedVersionIsFlaggedAndJoinedWithPlus() {
            Designation d = Designation.parse("IEC 62439-1:2010+AMD1:2012+AMD2:2016 CSV");
            assertThat(d.consolidated()).isTrue();
            assertThat(d.suffix()).isEqualTo("CSV");
            assertThat(d.amendments())
                    .extracting(Amendment::kind, Amendment::number, Amendment::year)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Amendment.Kind.AMD, "1", "2012"),
                            org.assertj.core.groups.Tuple.tuple(Amendment.Kind.AMD, "2", "2016"));
            assertThat(d.withoutYear()).isEqualTo("IEC 62439-1");
            assertThat(Designation.parse("IEC 62439-1:2010").consolidated()).isFalse();
        }

        @Test
        void redlineVersionIsAVariantOfTheSameWork() {
            Designation rlv = Designation.parse("IEC 60034-11:2020 RLV");
            assertThat(rlv.suffix()).isEqualTo("RLV");
            assertThat(rlv.consolidated()).isFalse();
            assertThat(rlv).isNotEqualTo(Designation.parse("IEC 60034-11:2020"));
            assertThat(rlv.sameWork(Designation.parse("IEC 60034-11:2020"))).isTrue();
        }

        @Test
        void languagesAndEditionAreExposedButEditionIsNotInTheCanonicalForm() {
            Designation d = Designation.parse("ISO 13688:2013/Amd 1:2021 ED1(en)");
            assertThat(d.normalized()).isEqualTo("ISO 13688:2013/Amd 1:2021(en)");
            assertThat(d.languages()).containsExactly("en");
            assertThat(d.edition()).isEqualTo(1);
            assertThat(Designation.parse("ISO 22610:2006 Ed").edition()).isEqualTo(1);
            assertThat(Designation.parse("ISO 11553-1 Ed.2").edition()).isEqualTo(2);
            assertThat(Designation.parse("ISO 17121:2000 Ed 1").edition()).isEqualTo(1);
            assertThat(Designation.parse("ISO 9001:2015").edition()).isNull();
        }

        @Test
        void hyphenYearRuleLastFourDigitGroup1900To2099WithoutColonIsTheYear() {
            Designation d = Designation.parse("ISO 9001-2015");
            assertThat(d.normalized()).isEqualTo("ISO 9001:2015");
            assertThat(d.flags()).contains(DesignationFlag.YEAR_FROM_HYPHEN);
            // followed by a colon year it stays a part; out of 1900..2099 it stays a part
            assertThat(Designation.parse("ISO/IEC TR 11801-9909:2020").part()).isEqualTo("9909");
            assertThat(Designation.parse("ISO 11073-2101").part()).isEqualTo("2101");
            assertThat(Designation.parse("ISO 10303-1999-1").part()).isEqualTo("1999-1");
            assertThat(norm("ISO 9001/2015")).isEqualTo("ISO 9001:2015");
        }

        @Test
        void spaceBeforeTheYearIsAcceptedWhenFourDigits1900To2099() {
            assertThat(norm("ISO 9001 2015")).isEqualTo("ISO 9001:2015");
            assertThat(norm("ISO 10360-1 2000/Cor 1:2002")).isEqualTo("ISO 10360-1:2000/Cor 1:2002");
        }

        @Test
        void ieeeFirstNeedsIsoOrIecAsCopublisher() {
            assertThat(Designation.tryParse("IEEE/ASTM 12")).isEmpty();
        }
    }

    @Nested
    class IdentityAndKeys {

        @Test
        void equalityIsOnTheNormalizedForm() {
            Designation a = Designation.parse("gbt19001-2016");
            Designation b = Designation.parse("GB／T19001—2016");
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a.toString()).isEqualTo("GB/T 19001-2016");
            assertThat(a).isNotEqualTo(Designation.parse("GB 19001-2016"));
        }

        @Test
        void sameWorkIgnoresYearAndAmendments() {
            Designation a = Designation.parse("GB/T 19001-2016");
            assertThat(a.sameWork(Designation.parse("GB/T 19001-2008"))).isTrue();
            assertThat(a.sameWork(Designation.parse("GB/T 19001.1-2008"))).isFalse();
            assertThat(a.sameWork(Designation.parse("GB 19001-2008"))).isFalse();
            assertThat(a.sameWork(null)).isFalse();
            assertThat(Designation.parse("ISO 9001:2015/Amd 1:2024").withoutYear())
                    .isEqualTo("ISO 9001");
        }

        @Test
        void compactKeysMatchSloppyForms() {
            assertThat(Designation.parse("iso9001:2015").compactKey()).isEqualTo("ISO90012015");
            assertThat(Designation.parse("gbt19001-2016").compactKey())
                    .isEqualTo(Designation.parse("GB／T19001—2016").compactKey())
                    .isEqualTo("GBT190012016");
        }

        @Test
        void compactKeyKeepsAHyphenWhereTwoDigitGroupsOfANumberMeet() {
            // letters and digits alone would make these pairs from the shipped data one key
            assertThat(Designation.parse("ISO 1043-4:1998").compactKey()).isEqualTo("ISO1043-41998");
            assertThat(Designation.parse("ISO 10434:1998").compactKey()).isEqualTo("ISO104341998");
            assertThat(Designation.parse("GB/T 5606.1-2004").compactKey()).isEqualTo("GBT5606-12004");
            assertThat(Designation.parse("GB/T 5606.1-2004").compactWorkKey()).isEqualTo("GBT5606-1");
            assertThat(Designation.parse("IEC 60728-1-1:2010").compactKey())
                    .isNotEqualTo(Designation.parse("IEC 60728-11:2010").compactKey());
            assertThat(Designation.parse("ISO 105-J02:1997").compactKey()).isEqualTo("ISO105J021997");
            assertThat(Designation.parse("ISO/DIS 21143.2").compactKey())
                    .isNotEqualTo(Designation.parse("ISO/DIS 21143-2").compactKey());
        }

        @Test
        void tryParseGivesEmptyInsteadOfThrowing() {
            assertThat(Designation.tryParse(null)).isEmpty();
            assertThat(Designation.tryParse("")).isEmpty();
            assertThat(Designation.tryParse("质量管理体系")).isEmpty();
            assertThat(Designation.tryParse("19001")).isEmpty();
            assertThat(Designation.tryParse("GB/T 19001-2016")).isPresent();
        }

        @Test
        void valuesAreImmutable() {
            Designation d = Designation.parse("ISO 9001:2015/Amd 1:2024(en)");
            assertThatThrownBy(() -> d.amendments().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> d.languages().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> d.flags().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Errors {

        static DesignationParseException error(String input) {
            return catchThrowableOfType(DesignationParseException.class, () -> Designation.parse(input));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", "   ", "\u3000\t\n"})
        void emptyOrBlank(String input) {
            var e = error(input);
            assertThat(e.messageKey()).isEqualTo("designation.error.empty");
            assertThat(e.position()).isEqualTo(-1);
            assertThat(e.getMessage()).isEqualTo("The designation is empty.");
        }

        @Test
        void nullIsEmpty() {
            assertThat(error(null).messageKey()).isEqualTo("designation.error.empty");
        }

        @Test
        void longerThan200CharactersIsTooLong() {
            var e = error("GB/T " + "1".repeat(196));
            assertThat(e.messageKey()).isEqualTo("designation.error.too-long");
            assertThat(e.args()).containsExactly(201, 200);
            assertThat(Designation.tryParse("GB/T " + "1".repeat(195))).isPresent();
        }

        @Test
        void unexpectedCharacterNamesTheCharacterAndItsPosition() {
            var e = error("GB/T 19001-2016《质量管理体系》");
            assertThat(e.messageKey()).isEqualTo("designation.error.unexpected-char");
            assertThat(e.args()).containsExactly("《", 16);
            assertThat(e.position()).isEqualTo(16);
            assertThat(e.getMessage()).isEqualTo("Unexpected character \"《\" at position 16.");
        }

        @Test
        void positionRefersToTheTextAsTyped() {
            var e = error("  GB/T   19001-2016 x");
            assertThat(e.args()).containsExactly("x", 21);
        }

        @Test
        void missingNumber() {
            var e = error("GB/T");
            assertThat(e.messageKey()).isEqualTo("designation.error.missing-number");
            assertThat(e.args()).containsExactly("GB/T");
            assertThat(error("ISO/IEC").messageKey()).isEqualTo("designation.error.missing-number");
            assertThat(error("T/CAS ").messageKey()).isEqualTo("designation.error.missing-number");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {"GB/T 19001-201", "GB/T 19001-20166", "GB/T 19001-3016", "ISO 9001:15", "ISO 9001:1850"})
        void badYear(String input) {
            assertThat(error(input).messageKey()).isEqualTo("designation.error.bad-year");
        }

        @Test
        void missingPrefix() {
            assertThat(error("19001-2016").messageKey()).isEqualTo("designation.error.missing-prefix");
        }

        @Test
        void unknownPrefix() {
            var e = error("ISO/XYZ 9001");
            assertThat(e.messageKey()).isEqualTo("designation.error.unknown-prefix");
            assertThat(e.args()).containsExactly("ISO/XYZ");
        }

        @Test
        void unexpectedEnd() {
            var e = error("ISO 9001:2015(en");
            assertThat(e.messageKey()).isEqualTo("designation.error.unexpected-end");
            assertThat(e.position()).isEqualTo(17);
        }

        @Test
        void groupCodeNeedsALetter() {
            assertThat(error("T/123 45-2020").messageKey()).isEqualTo("designation.error.unknown-prefix");
        }
    }

    @Nested
    class Kinds {

        @Test
        void codesAndMessageKeys() {
            assertThat(StandardKind.NATIONAL_RECOMMENDED.code()).isEqualTo("national-recommended");
            assertThat(StandardKind.NATIONAL_RECOMMENDED.messageKey()).isEqualTo("standard.kind.national-recommended");
            for (StandardKind k : StandardKind.values()) {
                assertThat(StandardKind.fromCode(k.code())).isSameAs(k);
            }
            assertThat(StandardKind.fromCode("INTERNATIONAL")).isSameAs(StandardKind.INTERNATIONAL);
            assertThatThrownBy(() -> StandardKind.fromCode("nope")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StandardKind.fromCode(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Messages {

        static final List<String> ERROR_KEYS = List.of(
                DesignationParseException.EMPTY, DesignationParseException.TOO_LONG,
                DesignationParseException.MISSING_PREFIX, DesignationParseException.UNKNOWN_PREFIX,
                DesignationParseException.UNEXPECTED_CHAR, DesignationParseException.UNEXPECTED_END,
                DesignationParseException.MISSING_NUMBER, DesignationParseException.BAD_YEAR);

        static final List<DesignationFlag> FLAGS = List.of(
                DesignationFlag.LEGACY_MANDATORY_SECTOR,
                DesignationFlag.TWO_DIGIT_YEAR_EXPANDED,
                DesignationFlag.UNKNOWN_SECTOR_CODE,
                DesignationFlag.UNKNOWN_REGION_CODE,
                DesignationFlag.AMBIGUOUS_REGION_SPLIT,
                DesignationFlag.YEAR_SPLIT_FROM_NUMBER,
                DesignationFlag.YEAR_FROM_HYPHEN);

        static Properties load(String name) throws IOException {
            Properties p = new Properties();
            try (InputStream in = DesignationTests.class.getResourceAsStream("/i18n/" + name)) {
                assertThat(in).as(name).isNotNull();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return p;
        }

        static Stream<String> allKeys() {
            return Stream.of(
                            ERROR_KEYS.stream(),
                            FLAGS.stream().map(Designation::flagMessageKey),
                            Stream.of(StandardKind.values()).map(StandardKind::messageKey))
                    .flatMap(s -> s);
        }

        @Test
        void everyKeyIsInBothLanguagesAndNoFileHasExtraKeys() throws IOException {
            Properties zh = load("designation_zh_CN.properties");
            Properties en = load("designation_en.properties");
            Set<String> keys = allKeys().collect(java.util.stream.Collectors.toSet());
            assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        }

        @Test
        void chineseNamesOfKindsAreTheOfficialTerms() throws IOException {
            Properties zh = load("designation_zh_CN.properties");
            assertThat(zh.getProperty("standard.kind.national-mandatory")).isEqualTo("强制性国家标准");
            assertThat(zh.getProperty("standard.kind.national-recommended")).isEqualTo("推荐性国家标准");
            assertThat(zh.getProperty("standard.kind.national-guidance")).isEqualTo("国家标准化指导性技术文件");
            assertThat(zh.getProperty("standard.kind.national-other")).isEqualTo("其他国家标准");
            assertThat(zh.getProperty("standard.kind.industry")).isEqualTo("行业标准");
            assertThat(zh.getProperty("standard.kind.local")).isEqualTo("地方标准");
            assertThat(zh.getProperty("standard.kind.group")).isEqualTo("团体标准");
            assertThat(zh.getProperty("standard.kind.enterprise")).isEqualTo("企业标准");
            assertThat(zh.getProperty("standard.kind.international")).isEqualTo("国际标准");
        }

        @Test
        void englishFileMatchesTheExceptionsOwnMessages() throws IOException {
            Properties en = load("designation_en.properties");
            DesignationParseException.ENGLISH.forEach(
                    (k, v) -> assertThat(en.getProperty(k)).as(k).isEqualTo(v));
        }

        @Test
        void chineseMessagesFormatWithTheirArguments() throws IOException {
            Properties zh = load("designation_zh_CN.properties");
            var e = Errors.error("GB/T 19001-2016《");
            String text = new java.text.MessageFormat(zh.getProperty(e.messageKey()), Locale.CHINA).format(e.args());
            assertThat(text).contains("《").contains("16");
        }
    }
}
