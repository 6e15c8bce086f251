package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Designations typed with spaces where they have "/" or ":" (people type them so, and paste them from Word
 * tables): they read like the canonical form wherever the reading is unambiguous.
 */
class DesignationSpacedFormsTests {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "iso iec 29341-30-11 2017 | ISO/IEC 29341-30-11:2017",
                "iso 31-2 1992 amd 1 1998 | ISO 31-2:1992/Amd 1:1998",
                "iec 60086-3 2011 cor1 2011 | IEC 60086-3:2011/Cor 1:2011",
                "ISO 9001 2015 | ISO 9001:2015",
                "ISO　IEC　27001　2013 | ISO/IEC 27001:2013",
                "ＩＳＯ ９００１ ２０１５ | ISO 9001:2015",
                "iso iec ieee 15288 2015 | ISO/IEC/IEEE 15288:2015",
                "ISO IEC TR 29110-1 2016 | ISO/IEC TR 29110-1:2016",
                "ISO/IEC 27001 2013 | ISO/IEC 27001:2013",
                "ISO 31-2:1992 amd 1 1998 | ISO 31-2:1992/Amd 1:1998",
                "ISO 31-2 1992 Amd1:1998 | ISO 31-2:1992/Amd 1:1998",
                "iec 60086‑3 2011 cor 1 2011 | IEC 60086-3:2011/Cor 1:2011",
                "GB T 19001 2016 | GB/T 19001-2016",
                "gb/t 19001 2016 | GB/T 19001-2016",
                "YY 0055 2018 | YY 0055-2018",
                "IEC 60730-1 1999+AMD1 2003+AMD2 2007 CSV | IEC 60730-1:1999+AMD1:2003+AMD2:2007 CSV",
                "ISO 1234 2010 DAmd 1 | ISO 1234:2010/DAmd 1",
                "T CSA 123 2020 | T/CSA 123-2020",
            })
    void spacesReadAsTheSeparatorsTheGrammarExpects(String typed, String sameAs) {
        String expected = Designation.parse(sameAs).normalized();
        assertThat(Designation.parse(typed).normalized()).isEqualTo(expected);
        assertThat(Designation.tryParse(typed))
                .get()
                .extracting(Designation::normalized)
                .isEqualTo(expected);
        assertThat(Designation.parse(typed).compactKey())
                .isEqualTo(Designation.parse(sameAs).compactKey());
    }

    @ParameterizedTest(name = "{0} is not guessed at")
    @ValueSource(strings = {"ISO 8601 1 2019 2020", "quality management 2015", "ISO", "hello world"})
    void ambiguousOrForeignTextIsNoDesignation(String typed) {
        assertThat(Designation.tryParse(typed)).isEmpty();
    }
}
