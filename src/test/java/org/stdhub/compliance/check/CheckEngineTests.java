package org.stdhub.compliance.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stdhub.catalog.ReplacementChain;

/** Rules of the engine that need no catalog: reading lines with titles, walking replacement graphs. */
class CheckEngineTests {

    @Test
    void aDesignationFollowedByItsTitleIsReadAsTheDesignation() {
        assertThat(LineReading.of("GB/T 19001-2016 质量管理体系 要求").designation().normalized())
                .isEqualTo("GB/T 19001-2016");
        assertThat(LineReading.of("GB/T 19001-2016《质量管理体系 要求》").designation().normalized())
                .isEqualTo("GB/T 19001-2016");
        assertThat(LineReading.of("ISO 9001:2015 Quality management systems")
                        .designation()
                        .normalized())
                .isEqualTo("ISO 9001:2015");
        assertThat(LineReading.of("ISO 9001:2015\tQMS").designation().normalized())
                .isEqualTo("ISO 9001:2015");
    }

    @Test
    void aBrokenDesignationIsNotRescuedByCuttingIt() {
        LineReading r = LineReading.of("GB/T 19001-20l6");
        assertThat(r.designation()).isNull();
        assertThat(r.reasonCode()).startsWith("designation.error.");
        assertThat(LineReading.of("质量管理体系 要求").designation()).isNull();
        assertThat(LineReading.of("").reasonCode()).isEqualTo("designation.error.empty");
    }

    @Test
    void theWalkFindsEveryNewerStandardWithItsDistanceAndSurvivesCycles() {
        Map<Long, List<Long>> graph = Map.of(1L, List.of(2L), 2L, List.of(3L, 4L), 3L, List.of(1L), 4L, List.of(5L));
        assertThat(ReplacementChain.walk(graph, 1L).depths())
                .containsExactlyInAnyOrderEntriesOf(Map.of(2L, 1, 3L, 2, 4L, 2, 5L, 3));
        assertThat(ReplacementChain.walk(graph, 5L).depths()).isEmpty();
    }

    @Test
    void inputsAreEchoedUpTo300Characters() {
        assertThat(LineReading.echo("x".repeat(400))).hasSize(301).endsWith("…");
        assertThat(LineReading.echo("  GB/T 1  ")).isEqualTo("GB/T 1");
    }
}
