package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.CatalogTest;

/**
 * Designations typed with spaces (or any mix of spaces, "/", ":", dashes and full-width forms) find their
 * standard first, and a query with a known designation or known words in it is never empty.
 *
 * <p>The sloppy-rendering checks are JUnit {@code @TestFactory} loops with a fixed-seed {@link Random}, not
 * jqwik properties: jqwik runs outside the Spring test context, and these need the catalog's search index
 * (the shared {@link CatalogTest} context). The seed is fixed so that a failure reproduces.
 */
@CatalogTest
class CatalogSpacedSearchTests {

    private static final long SEED = 20261130L;

    private static final int TRIES = 200;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @ParameterizedTest(name = "{0} finds {1} first")
    @CsvSource(
            delimiter = '|',
            value = {
                "iso iec 29341-30-11 2017 | ISO/IEC 29341-30-11:2017",
                "iso 31-2 1992 amd 1 1998 | ISO 31-2:1992/Amd 1:1998",
                "iec 60086-3 2011 cor1 2011 | IEC 60086-3:2011/COR1:2011",
            })
    void designationsTypedWithSpacesFindTheirStandardFirst(String typed, String expected) {
        var result = catalog.search(StandardSearchQuery.of(typed));
        assertThat(result.items()).isNotEmpty();
        assertThat(Designation.parse(result.items().getFirst().designation()).compactKey())
                .isEqualTo(Designation.parse(expected).compactKey());
        assertThat(mvc.get().uri("/api/v1/designations/parse").param("text", typed))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.normalized")
                .isEqualTo(Designation.parse(expected).normalized());
        assertThat(mvc.get().uri("/api/v1/standards/search").param("q", typed))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .asNumber()
                .satisfies(total -> assertThat(total.longValue()).isPositive());
    }

    @ParameterizedTest(name = "{0} is not empty")
    @CsvSource(
            delimiter = '|',
            value = {
                "see iso 9001 2015 for quality requirements xyzzy",
                "qwertyuiop quality management systems",
                "ISO 9001 2015 | 质量管理体系 要求 foo",
            })
    void aQueryWithKnownWordsOrADesignationInsideIsNeverEmpty(String typed) {
        assertThat(catalog.search(StandardSearchQuery.of(typed)).items()).isNotEmpty();
    }

    /** Random catalog records, their designations rendered sloppily: the record is first. */
    @TestFactory
    Stream<DynamicTest> sloppyRenderingsOfCatalogDesignationsFindTheRecordFirst() {
        Random random = new Random(SEED);
        return sample(random).stream().map(designation -> {
            String typed = sloppy(designation, random);
            return DynamicTest.dynamicTest(typed + " finds " + designation, () -> {
                var result = catalog.searchHits(StandardSearchQuery.of(typed));
                assertThat(result.items()).as(typed).isNotEmpty();
                Designation first = Designation.parse(result.items().getFirst().designation());
                Designation record = Designation.parse(designation);
                if (record.year() == null) {
                    // an undated designation means the work: its edition in force may come first
                    assertThat(first.compactWorkKey()).as(typed).isEqualTo(record.compactWorkKey());
                } else {
                    assertThat(first.compactKey()).as(typed).isEqualTo(record.compactKey());
                }
            });
        });
    }

    /** Fuzz: a known designation (rendered sloppily) inside other words never gives an empty answer. */
    @TestFactory
    Stream<DynamicTest> mixedInputWithAKnownDesignationInsideIsNeverEmpty() {
        Random random = new Random(SEED + 1);
        String[] noise = {"see", "the", "standard", "标准", "xyzzy", "Word", "表格", "((", "--", "并", "2024"};
        return sample(random).stream().map(designation -> {
            StringBuilder typed = new StringBuilder();
            for (int i = random.nextInt(3); i > 0; i--) {
                typed.append(noise[random.nextInt(noise.length)]).append(' ');
            }
            typed.append(sloppy(designation, random));
            for (int i = random.nextInt(3); i > 0; i--) {
                typed.append(' ').append(noise[random.nextInt(noise.length)]);
            }
            String query = typed.toString();
            return DynamicTest.dynamicTest(
                    query,
                    () -> assertThat(catalog.searchHits(StandardSearchQuery.of(query))
                                    .items())
                            .as(query)
                            .isNotEmpty());
        });
    }

    /** Records sampled from the database whose designation the engine reads. */
    private List<String> sample(Random random) {
        List<String> all = jdbc.queryForList("select designation from standard order by id", String.class);
        List<String> picked = new ArrayList<>(TRIES);
        while (picked.size() < TRIES) {
            String designation = all.get(random.nextInt(all.size()));
            if (Designation.tryParse(designation).isPresent() && designation.length() <= 60) {
                picked.add(designation);
            }
        }
        return picked;
    }

    private static final String[] SPACES = {" ", "  ", "\u3000", "\u00A0"};
    private static final char[] DASHES = {'-', '\u2010', '\u2013', '\u2014', '\uFF0D'};

    /**
     * The designation as people type it: "/" and ":" as spaces (or kept), the year separator of a Chinese
     * designation as a space, any dash, random case, random full-width characters.
     */
    static String sloppy(String designation, Random random) {
        StringBuilder sb = new StringBuilder(designation.length() + 4);
        boolean chinese = !Designation.parse(designation).kind().equals(StandardKind.INTERNATIONAL);
        for (int i = 0; i < designation.length(); i++) {
            char c = designation.charAt(i);
            boolean yearDash = chinese
                    && c == '-'
                    && i + 5 == designation.length()
                    && Character.isDigit(designation.charAt(i + 1));
            if ((c == '/' || c == ':' || yearDash) && random.nextInt(3) > 0) {
                sb.append(SPACES[random.nextInt(SPACES.length)]);
                continue;
            }
            if (c == '-' && !yearDash) {
                sb.append(DASHES[random.nextInt(DASHES.length)]);
                continue;
            }
            char cased = random.nextBoolean() ? Character.toLowerCase(c) : Character.toUpperCase(c);
            if (cased > ' ' && cased < 0x7F && random.nextInt(8) == 0) {
                cased = (char) (cased + 0xFEE0);
            }
            sb.append(cased);
        }
        return sb.toString();
    }
}
