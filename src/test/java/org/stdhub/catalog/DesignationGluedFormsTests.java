package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forms typed without any space, found missing by the search benchmark's sloppy-designation set. */
class DesignationGluedFormsTests {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "IEC60730-1:1999+AMD1:2003+AMD2:2007CSV | IEC 60730-1:1999+AMD1:2003+AMD2:2007 CSV",
                "iec60364-7-704:1989+amd1:1999csv | IEC 60364-7-704:1989+AMD1:1999 CSV",
                "iectr61334-1-1:1995 | IEC TR 61334-1-1:1995",
                "IECTR61850-90-4:2020 | IEC TR 61850-90-4:2020",
                "isots15066:2016 | ISO/TS 15066:2016",
                "ISO/IECTR 29110-1:2016 | ISO/IEC TR 29110-1:2016",
            })
    void gluedTypeAndVariantAreRead(String typed, String expected) {
        assertThat(Designation.parse(typed).normalized()).isEqualTo(expected);
        assertThat(Designation.tryParse(typed))
                .get()
                .extracting(Designation::normalized)
                .isEqualTo(expected);
    }
}
