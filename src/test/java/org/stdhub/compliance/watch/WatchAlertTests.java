package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.CatalogTest;

/**
 * The alert contract ({@link WatchAlertContract}) on embedded H2 with the real shipped catalog, and what only the
 * whole catalog can show: chains of the real standards.
 */
@CatalogTest
class WatchAlertTests extends WatchAlertContract {

    @Test
    @Transactional // the change log rows below are made up: they are rolled back with the test
    void aListHoldingTheOldestEditionHearsOfChangesThreeHopsLaterInTheRealCatalog() {
        // real chain: ISO 1000:1981 → ISO 1000:1992 → ISO 80000-1:2009 → ISO 80000-1:2022 (a different work)
        // and ISO 1:1975 → ISO 1:2002 → ISO 1:2016 → ISO 1:2022 (editions of one work)
        long list = newList("真实目录", "ISO 1000:1981", "ISO 1:1975", "GB/T 42061-2022");
        long batch = fakeBatch();
        fakeChange(batch, "ISO 80000-1:2022", "NEW", null, "current");
        fakeChange(batch, "ISO 1:2022", "STATUS", "current", "withdrawn");
        fakeChange(batch, "ISO 9001:2015", "STATUS", "current", "withdrawn"); // followed by nobody here

        assertThat(raiser.raise(batch)).isPositive();
        assertThat(alertsOf(list))
                .extracting(Alert::kind, Alert::standardDesignation)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.REPLACED, "ISO 80000-1:2022"),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.WITHDRAWN, "ISO 1:2022"));
        assertThat(alertsOf(list))
                .filteredOn(a -> a.kind() == AlertKind.REPLACED)
                .extracting(Alert::relatedDesignation)
                .first()
                .asString()
                .startsWith("ISO 1000:1992");
        // idempotent: the same batch again raises nothing
        assertThat(raiser.raise(batch)).isZero();
        assertThat(alertsOf(list)).hasSize(2);
    }

    private long fakeBatch() {
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into import_batch (source_name, started_at, status) values ('test:watch', ?, 'finished')",
                            new String[] {"id"});
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    private void fakeChange(long batch, String designation, String kind, String before, String after) {
        jdbc.update(
                "insert into standard_change (batch_id, standard_id, designation, kind, status_before, status_after, changed_at)"
                        + " select ?, id, designation, ?, ?, ?, ? from standard where designation = ?",
                batch,
                kind,
                before,
                after,
                Timestamp.from(Instant.now()),
                designation);
    }
}
