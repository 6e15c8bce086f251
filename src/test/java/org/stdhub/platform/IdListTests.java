package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdListTests {

    @Test
    void numbersSeparatedByCommasOfEitherWidthOrSpacesAndNothingElse() {
        assertThat(IdList.read(null)).contains(List.of());
        assertThat(IdList.read("  ")).contains(List.of());
        assertThat(IdList.read("12, 15，7\n 3")).contains(List.of(12L, 15L, 7L, 3L));
        assertThat(IdList.read(",12,")).contains(List.of(12L));
        assertThat(IdList.read("12, x")).isEmpty();
        assertThat(IdList.read("12;15")).isEmpty();
        assertThat(IdList.read("99999999999999999999")).isEmpty();
    }
}
