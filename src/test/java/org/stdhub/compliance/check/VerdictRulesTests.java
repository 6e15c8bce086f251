package org.stdhub.compliance.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stdhub.catalog.ReplacementChain;
import org.stdhub.catalog.StandardLookup.Facts;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckLine.Ref;
import org.stdhub.compliance.Verdict;

/** The verdict rules on facts made up in memory: no catalog, no database. */
class VerdictRulesTests {

    private static Facts facts(long id, String designation, String year, String status) {
        String key = designation.replace(" ", "").replace("/", "");
        String work = designation.contains("-") ? designation.substring(0, designation.indexOf('-')) : designation;
        return new Facts(
                id,
                designation,
                key,
                work.replace(" ", "").replace("/", ""),
                "1",
                null,
                year,
                status,
                null,
                null,
                null,
                "标题",
                "Title");
    }

    private static CheckLine judge(Facts s, List<Facts> editions, Map<Long, List<Long>> graph, List<Facts> known) {
        Map<Long, Facts> byId = new java.util.HashMap<>();
        known.forEach(f -> byId.put(f.id(), f));
        editions.forEach(f -> byId.put(f.id(), f));
        return VerdictRules.judge(
                7, s.designation(), s.designation(), s, editions, ReplacementChain.walk(graph, s.id()), byId);
    }

    private static List<String> designations(List<Ref> refs) {
        return refs.stream().map(Ref::designation).toList();
    }

    @Test
    void aWithdrawnStandardNamesWhatIsInForceAtTheEndOfItsChain() {
        Facts old = facts(1, "GB/T 1-2000", "2000", "withdrawn");
        Facts middle = facts(2, "GB/T 2-2010", "2010", "withdrawn");
        Facts now = facts(3, "GB/T 3-2020", "2020", "current");
        CheckLine line = judge(old, List.of(old), Map.of(1L, List.of(2L), 2L, List.of(3L)), List.of(middle, now));
        assertThat(line.verdict()).isEqualTo(Verdict.WITHDRAWN_REPLACED);
        assertThat(designations(line.currentReplacement())).containsExactly("GB/T 3-2020");
        assertThat(line.line()).isEqualTo(7);
        assertThat(line.standard().designation()).isEqualTo("GB/T 1-2000");
    }

    @Test
    void withNothingInForceTheUpcomingComeBeforeTheLastKnown() {
        Facts old = facts(1, "GB/T 1-2000", "2000", "withdrawn");
        Facts middle = facts(2, "GB/T 2-2010", "2010", "withdrawn");
        Facts soon = facts(3, "GB/T 3-2025", "2025", "upcoming");
        assertThat(designations(judge(old, List.of(old), Map.of(1L, List.of(2L, 3L)), List.of(middle, soon))
                        .currentReplacement()))
                .containsExactly("GB/T 3-2025");
        Facts last = facts(4, "GB/T 4-2015", "2015", "withdrawn");
        assertThat(designations(
                        judge(old, List.of(old), Map.of(1L, List.of(2L), 2L, List.of(4L)), List.of(middle, last))
                                .currentReplacement()))
                .containsExactly("GB/T 4-2015");
    }

    @Test
    void aWithdrawnEditionWithoutReplacementPointsAtTheEditionInForceNotAtItsAmendment() {
        Facts old = facts(1, "GB/T 1-2000", "2000", "withdrawn");
        Facts now = facts(2, "GB/T 1-2020", "2020", "current");
        Facts amendment = facts(3, "GB/T 1-2020/XG1-2024", "2020", "current");
        CheckLine line = judge(old, List.of(old, now, amendment), Map.of(), List.of());
        assertThat(line.verdict()).isEqualTo(Verdict.WITHDRAWN_NO_REPLACEMENT);
        assertThat(designations(line.suggestions())).containsExactly("GB/T 1-2020");
        assertThat(line.currentReplacement()).isEmpty();
    }

    @Test
    void anOlderEditionInForceIsOutdatedByANewerOneInForce() {
        Facts old = facts(1, "GB/T 1-2000", "2000", "current");
        Facts now = facts(2, "GB/T 1-2020", "2020", "current");
        Facts soon = facts(3, "GB/T 1-2026", "2026", "upcoming");
        CheckLine line = judge(old, List.of(old, now, soon), Map.of(), List.of());
        assertThat(line.verdict()).isEqualTo(Verdict.EDITION_OUTDATED);
        assertThat(designations(line.currentReplacement())).containsExactly("GB/T 1-2020");
        assertThat(designations(line.upcomingReplacement())).containsExactly("GB/T 1-2026");
    }

    @Test
    void aCurrentStandardIsCurrentAndToldOfItsUpcomingSuccessor() {
        Facts now = facts(1, "GB/T 1-2020", "2020", "current");
        Facts soon = facts(2, "GB/T 9-2026", "2026", "upcoming");
        CheckLine line = judge(now, List.of(now), Map.of(1L, List.of(2L)), List.of(soon));
        assertThat(line.verdict()).isEqualTo(Verdict.CURRENT);
        assertThat(designations(line.upcomingReplacement())).containsExactly("GB/T 9-2026");
    }

    @Test
    void anUpcomingStandardAndOneWithoutStatus() {
        Facts soon = facts(1, "GB/T 1-2026", "2026", "upcoming");
        assertThat(judge(soon, List.of(soon), Map.of(), List.of()).verdict()).isEqualTo(Verdict.UPCOMING);
        Facts unknown = facts(2, "GB/T 2-2010", "2010", null);
        Facts now = facts(3, "GB/T 3-2020", "2020", "current");
        CheckLine line = judge(unknown, List.of(unknown), Map.of(2L, List.of(3L)), List.of(now));
        assertThat(line.verdict()).isEqualTo(Verdict.STATUS_UNKNOWN);
        assertThat(designations(line.currentReplacement())).containsExactly("GB/T 3-2020");
    }
}
