package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stdhub.catalog.StandardLookup.Facts;

/** The catalog's one home for edition and chain rules, on facts made up in memory. */
class CatalogRulesTests {

    private static Facts facts(long id, String designation, String year, String status) {
        return new Facts(id, designation, designation, "w", "1", null, year, status, null, null, null, null, null);
    }

    @Test
    void statusesKnowTheirStoredCodes() {
        assertThat(StandardStatus.codes()).containsExactly("current", "withdrawn", "upcoming");
        assertThat(StandardStatus.ofCode("withdrawn")).contains(StandardStatus.WITHDRAWN);
        assertThat(StandardStatus.ofCode(null)).isEmpty();
        assertThat(StandardStatus.CURRENT.is(null)).isFalse();
    }

    @Test
    void thePreferredEditionIsTheOneInForceElseTheNewestAndTheCheckSkipsAmendmentsAndDrafts() {
        Facts old = facts(1, "GB/T 1-2000", "2000", "withdrawn");
        Facts now = facts(2, "GB/T 1-2010", "2010", "current");
        Facts amendment = facts(3, "GB/T 1-2010/XG1-2024", "2024", "current");
        assertThat(Editions.FACTS.preferred(List.of(old, now, amendment), false))
                .contains(amendment);
        assertThat(Editions.FACTS.preferred(List.of(old, now, amendment), true)).contains(now);
        assertThat(Editions.FACTS.preferred(List.of(amendment), true)).contains(amendment);
        assertThat(Editions.FACTS.preferred(List.of(old), true)).contains(old);
        assertThat(Editions.FACTS.preferred(List.of(), true)).isEmpty();
        assertThat(Editions.FACTS.plain(amendment)).isFalse();
        assertThat(Editions.FACTS.plain(now)).isTrue();
    }

    @Test
    void newestFirstPutsUndatedFirst() {
        Facts undated = facts(1, "GB/T 1", null, "current");
        Facts a = facts(2, "GB/T 1-2000", "2000", "current");
        Facts b = facts(3, "GB/T 1-2010", "2010", "current");
        assertThat(List.of(a, undated, b).stream().sorted(Editions.FACTS.newestFirst()))
                .containsExactly(undated, b, a);
    }

    @Test
    void aChainIsWalkedBreadthFirstAndCutAtFiftyHops() {
        Map<Long, List<Long>> line = new java.util.HashMap<>();
        for (long i = 0; i < 80; i++) {
            line.put(i, List.of(i + 1));
        }
        ReplacementChain chain = ReplacementChain.walk(line, 0);
        assertThat(chain.ids()).hasSize(ReplacementChain.MAX_DEPTH);
        assertThat(chain.furthest()).isEqualTo(50);
        assertThat(chain.depthOf(1)).isEqualTo(1);
        assertThat(chain.depthOf(51)).isEqualTo(-1);
    }

    @Test
    void replacementsAreThoseInForceElseTheUpcomingWhenAskedElseTheFurthest() {
        Facts near = facts(1, "A", "2010", "withdrawn");
        Facts far = facts(2, "B", "2015", "withdrawn");
        Facts soon = facts(3, "C", "2020", "upcoming");
        ReplacementChain chain = new ReplacementChain(0, Map.of(1L, 1, 2L, 2, 3L, 1));
        assertThat(chain.replacements(List.of(near, far, soon), Facts::id, Facts::status, true, null))
                .containsExactly(soon);
        assertThat(chain.replacements(List.of(near, far, soon), Facts::id, Facts::status, false, null))
                .containsExactly(far);
        Facts now = facts(4, "D", "2021", "current");
        assertThat(chain.replacements(List.of(near, now), Facts::id, Facts::status, true, null))
                .containsExactly(now);
    }
}
