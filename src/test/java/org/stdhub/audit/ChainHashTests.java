package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The entry hash: deterministic, covers every field, and no two different entries share an input. */
class ChainHashTests {

    private static final Instant AT = Instant.parse("2026-11-26T10:02:03.456Z");

    private static String hash(String actor, String address, String comment) {
        return ChainHash.of(ChainHash.GENESIS, 1, AT, actor, address, "organization", "42", "approved", "{}", comment);
    }

    @Test
    void isTheSha256HexOfTheJoinedFields() {
        assertThat(hash("zhangsan", "203.0.113.7", "ok"))
                .hasSize(64)
                .matches("[0-9a-f]{64}")
                .isEqualTo(hash("zhangsan", "203.0.113.7", "ok"));
        assertThat(ChainHash.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void nullIsNotTheEmptyText() {
        assertThat(hash("zhangsan", null, null)).isNotEqualTo(hash("zhangsan", "", null));
        assertThat(hash("zhangsan", null, null)).isNotEqualTo(hash("zhangsan", null, ""));
        assertThat(hash("zhangsan", null, null)).isNotEqualTo(hash("zhangsan", "\\N", null));
    }

    @Test
    void aSeparatorInsideAValueCannotShiftTheFields() {
        assertThat(hash("a|b", "c", null)).isNotEqualTo(hash("a", "b|c", null));
        assertThat(hash("a\\", "c", null)).isNotEqualTo(hash("a", "\\c", null));
    }

    @Test
    void everyFieldCounts() {
        String base = ChainHash.of("p", 7, AT, "u", "ip", "t", "id", "a", "{}", "c");
        assertThat(ChainHash.of("q", 7, AT, "u", "ip", "t", "id", "a", "{}", "c"))
                .isNotEqualTo(base);
        assertThat(ChainHash.of("p", 8, AT, "u", "ip", "t", "id", "a", "{}", "c"))
                .isNotEqualTo(base);
        assertThat(ChainHash.of("p", 7, AT.plusMillis(1), "u", "ip", "t", "id", "a", "{}", "c"))
                .isNotEqualTo(base);
        assertThat(ChainHash.of("p", 7, AT, "u", "ip", "t2", "id", "a", "{}", "c"))
                .isNotEqualTo(base);
        assertThat(ChainHash.of("p", 7, AT, "u", "ip", "t", "id2", "a", "{}", "c"))
                .isNotEqualTo(base);
        assertThat(ChainHash.of("p", 7, AT, "u", "ip", "t", "id", "a2", "{}", "c"))
                .isNotEqualTo(base);
        assertThat(ChainHash.of("p", 7, AT, "u", "ip", "t", "id", "a", "{\"x\":1}", "c"))
                .isNotEqualTo(base);
    }

    @Test
    void changesAreWrittenInFieldOrderWithNullsKept() {
        var changes = new java.util.LinkedHashMap<String, org.stdhub.platform.StateChanged.Change>();
        changes.put("status", new org.stdhub.platform.StateChanged.Change("pending", "approved"));
        changes.put("name", new org.stdhub.platform.StateChanged.Change(null, "甲"));
        assertThat(AuditStore.changesJson(changes))
                .isEqualTo(
                        "{\"name\":{\"before\":null,\"after\":\"甲\"},\"status\":{\"before\":\"pending\",\"after\":\"approved\"}}");
        assertThat(AuditStore.parseChanges(AuditStore.changesJson(changes))).isEqualTo(changes);
    }
}
