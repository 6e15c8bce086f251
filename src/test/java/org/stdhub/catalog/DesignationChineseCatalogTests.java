package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stdhub.catalog.importing.DesignationRefusal;
import tools.jackson.databind.ObjectMapper;

/**
 * The two csres/biaozhun catalogues (seed/SOURCES.md §7, §8): every designation is read with a sane number and
 * year, or refused for one of the importer's named reasons ({@link DesignationRefusal}); the new forms read as
 * the sources wrote them.
 */
class DesignationChineseCatalogTests {

    static final List<String> FILES =
            List.of("cn_ldassistant_catalog.jsonl.gz", "cn_standard_scrapting_csres.jsonl.gz");

    @Test
    void everyDesignationOfBothFilesIsReadSanelyOrRefusedForANamedReason() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> refused = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        List<String> insane = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        int read = 0;
        int parsed = 0;
        for (String file : FILES) {
            Path path = DesignationShippedDataTests.DATA.resolve(file);
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String raw = json.readTree(line).get("id_raw").asString();
                    read++;
                    var d = Designation.tryParse(raw);
                    if (d.isPresent()) {
                        parsed++;
                        String sanity = sanity(d.get());
                        if (sanity != null) {
                            insane.add(raw + ": " + sanity);
                        }
                        continue;
                    }
                    var rule = DesignationRefusal.classify(raw);
                    if (rule.isEmpty()) {
                        unexplained.add(raw);
                    } else {
                        refused.merge(rule.get().name(), 1, Integer::sum);
                        List<String> list = examples.computeIfAbsent(rule.get().name(), k -> new ArrayList<>());
                        if (list.size() < 3) {
                            list.add(raw);
                        }
                    }
                }
            }
        }
        System.out.printf("csres catalogues: %d read, %d parsed, refused by reason %s%n", read, parsed, refused);
        examples.forEach((rule, list) -> System.out.println("  " + rule + ": e.g. " + list));
        insane.stream().limit(30).forEach(s -> System.out.println("  not sane: " + s));
        assertThat(read).isEqualTo(48_437 + 13_317);
        assertThat(unexplained).isEmpty();
        assertThat(insane).isEmpty();
        // refusals stay the exception: under half a percent of the records
        assertThat(read - parsed).isLessThan(read / 200);
    }

    /** A number with a digit, a year between 1950 and 2030 when there is one, and a canonical fixed point. */
    private static String sanity(Designation d) {
        if (d.number() == null || d.number().chars().noneMatch(Character::isDigit)) {
            return "number " + d.number();
        }
        if (d.year() != null) {
            int year = Integer.parseInt(d.year());
            if (year < 1950 || year > 2030) {
                return "year " + year;
            }
        }
        Designation again = Designation.parse(d.normalized());
        if (!again.normalized().equals(d.normalized()) || !again.compactKey().equals(d.compactKey())) {
            return "not a fixed point: " + d.normalized() + " -> " + again.normalized();
        }
        return null;
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // metrology regulations of a sector or region, in brackets (full-width too)
                "JJF(纺织) 16-1985 | JJF(纺织) 16-1985 | JJF(纺织) | 16 | - | 1985",
                "JJG（京）33—2003 | JJG(京) 33-2003 | JJG(京) | 33 | - | 2003",
                "jjf(cr)029-2020 | JJF(CR) 029-2020 | JJF(CR) | 029 | - | 2020",
                "JJG(电子) 12.3-2019 | JJG(电子) 12.3-2019 | JJG(电子) | 12 | 3 | 2019",
                // mandatory local standard: the empty mandate of the source ("DB31/ ") is not kept
                "DB31/ 282-2013 | DB31 282-2013 | DB31 | 282 | - | 2013",
                "DBS32/ 001-2013 | DBS32 001-2013 | DBS32 | 001 | - | 2013",
                // amendment sheet 修改单
                "GB/T 1234-2008/XG1-2012 | GB/T 1234-2008/XG1-2012 | GB/T | 1234 | - | 2008",
                // professional standards numbered by CCS category, lettered variants, group series
                "ZB A 17001-1986 | ZB A 17001-1986 | ZB | A 17001 | - | 1986",
                "JJF 1203A-1990 | JJF 1203A-1990 | JJF | 1203A | - | 1990",
                "T/CNFMA A001-2021 | T/CNFMA A001-2021 | T/CNFMA | A001 | - | 2021",
                "T/CECA-G 0123-2021 | T/CECA-G 0123-2021 | T/CECA-G | 0123 | - | 2021",
            })
    void newFormsReadAsWritten(
            String typed, String normalized, String prefix, String number, String part, String year) {
        Designation d = Designation.parse(typed);
        assertThat(d.normalized()).isEqualTo(normalized);
        assertThat(d.prefix()).isEqualTo(prefix);
        assertThat(d.number()).isEqualTo(number);
        assertThat(d.part()).isEqualTo(part);
        assertThat(d.year()).isEqualTo(year);
    }

    @Test
    void aSectorRegulationIsNeitherTheNationalOneNorAnotherSectorsOne() {
        Designation national = Designation.parse("JJG 33-2002");
        Designation beijing = Designation.parse("JJG(京) 33-2002");
        Designation shanghai = Designation.parse("JJG(沪) 33-2002");
        Designation letters = Designation.parse("JJF(CR) 029-2020");
        assertThat(beijing.compactKey()).isNotEqualTo(national.compactKey()).isNotEqualTo(shanghai.compactKey());
        assertThat(beijing.compactWorkKey()).isNotEqualTo(national.compactWorkKey());
        assertThat(letters.compactKey())
                .isNotEqualTo(Designation.parse("JJF 029-2020").compactKey());
        assertThat(beijing.body()).isEqualTo("JJG");
        assertThat(beijing.kind()).isEqualTo(national.kind());
    }

    @Test
    void bracketsThatAreNotASectorAreStillErrors() {
        assertThatThrownBy(() -> Designation.parse("JJF() 16-1985")).isInstanceOf(DesignationParseException.class);
        assertThatThrownBy(() -> Designation.parse("JJF(纺织 16-1985")).isInstanceOf(DesignationParseException.class);
        assertThatThrownBy(() -> Designation.parse("GB/T(纺织) 16-1985")).isInstanceOf(DesignationParseException.class);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GA/T 600.1~600.5-2006 | RANGE",
                "GB 3100～3102-1993 | RANGE",
                "DB50/T 10005-2023 DB51/T 10005-2023 | JOINT",
                "GB/T 12498-1990 GB/T 12499-1990 | JOINT",
                "GB 1095-1979(1990) | REAFFIRMED",
                "LY/T 1301-202 | TRUNCATED_YEAR",
                "CH II-101-1981 | ROMAN_VOLUME",
                "T/CHAS 10-1-2-2018 | HYPHENATED_NUMBER",
                "YBB 00012005-1-2015 | HYPHENATED_NUMBER",
                "JJF A 1203-1990 | SPACED_GROUPS",
                "CSM 01 01 01 00-2006 | SPACED_GROUPS",
                "JB/ZQ 1021-1987 | SUB_CODE",
                "NB/SH/T 0885-2014 | SUB_CODE",
                "DG5306/T 13-2014 | UNKNOWN_LOCAL_CODE",
                "GBW 2-1980 | REFERENCE_MATERIAL",
                "GB/T 19001-2016E | TRANSLATION",
                "SJ 20032/1-1994 | VARIANT_SUFFIX",
            })
    void unreadableCatalogueEntriesAreRefusedForANamedReason(String raw, DesignationRefusal expected) {
        assertThat(Designation.tryParse(raw)).isEmpty();
        assertThat(DesignationRefusal.classify(raw)).contains(expected);
    }

    @Test
    void aReadableOrUnknownTextIsNotClassified() {
        // the rules name only known classes; anything else keeps the engine's own error message
        assertThat(DesignationRefusal.classify("hello")).isEmpty();
        assertThat(DesignationRefusal.classify("XYZ!!")).isEmpty();
    }
}
