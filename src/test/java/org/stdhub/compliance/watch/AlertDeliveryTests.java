package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stdhub.compliance.watch.WatchFixtures.importLines;
import static org.stdhub.compliance.watch.WatchFixtures.record;
import static org.stdhub.compliance.watch.WatchFixtures.std;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.stdhub.CatalogTest;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.importing.ImportRecovery;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;

/**
 * Alerts are not lost when the process dies between an import and its alerts: {@link CatalogUpdated} is in the
 * event publication registry from the import's last commit on, and an import cut short before that commit is
 * finished on the next start. Each crash is reproduced by putting the database back as the crash left it.
 */
@CatalogTest
class AlertDeliveryTests {

    @Autowired
    Watchlists watchlists;

    @Autowired
    AlertStore store;

    @Autowired
    StandardImporter importer;

    @Autowired
    ImportRecovery recovery;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        WatchFixtures.signOut();
    }

    private long followed(int part) {
        importLines(importer, "delivery-setup-" + part + ".jsonl", record(std(part, 2010), "current", null));
        String owner = WatchFixtures.person(accounts, "dl");
        WatchFixtures.signIn(accounts, owner);
        long list = watchlists
                .create(new Watchlists.NewWatchlist("送达" + part, null, Digest.NONE, List.of(std(part, 2010))))
                .id();
        WatchFixtures.signOut();
        return list;
    }

    /** A new edition of the followed standard; waits for its alert as delivered the normal way. */
    private ImportReport newEdition(long list, int part) {
        ImportReport report = importLines(
                importer,
                "delivery-" + part + ".jsonl",
                record(std(part, 2020), "current", "\"replaces\":[\"" + std(part, 2010) + "\"]"));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !store.ofList(list, 10).isEmpty());
        assertThat(store.ofList(list, 10)).hasSize(1);
        return report;
    }

    private List<AlertKind> kinds(long list) {
        return store.ofList(list, 10).stream().map(Alert::kind).toList();
    }

    @Test
    void aListenerThatDiedBeforeRaisingTheAlertsIsResubmittedAndRaisesThemOnce() {
        long list = followed(41);
        ImportReport report = newEdition(list, 41);
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_publication where listener_id like '%AlertRaiser%'"
                                + " and serialized_event like ? and completion_date is not null",
                        Integer.class, "%\"importBatchId\":" + report.batchId() + ",%"))
                .isOne();

        // the crash: the import committed (and its publication with it), the listener never finished
        jdbc.update("delete from alert where watchlist_id = ?", list);
        int reopened = jdbc.update(
                "update event_publication set completion_date = null, status = 'FAILED'"
                        + " where listener_id like '%AlertRaiser%' and serialized_event like ?",
                "%\"importBatchId\":" + report.batchId() + ",%");
        assertThat(reopened).isOne();
        assertThat(store.ofList(list, 10)).isEmpty();

        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof CatalogUpdated u && u.importBatchId() == report.batchId());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !store.ofList(list, 10).isEmpty());
        assertThat(kinds(list)).containsExactly(AlertKind.NEW_EDITION);

        // resubmitted again (the publication is complete now): still one alert
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof CatalogUpdated u && u.importBatchId() == report.batchId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_publication where listener_id like '%AlertRaiser%'"
                                + " and serialized_event like ? and completion_date is null",
                        Integer.class, "%\"importBatchId\":" + report.batchId() + ",%"))
                .isZero();
        assertThat(kinds(list)).containsExactly(AlertKind.NEW_EDITION);
    }

    @Test
    void anImportCutShortBeforeItsLastCommitIsFinishedOnStartAndItsAlertsRaisedOnce() {
        long list = followed(42);
        ImportReport report = newEdition(list, 42);

        // the crash: the batches committed, the job was never marked finished nor its event published
        jdbc.update("delete from alert where watchlist_id = ?", list);
        jdbc.update(
                "delete from event_publication where serialized_event like ? and event_type like '%CatalogUpdated%'",
                "%\"importBatchId\":" + report.batchId() + ",%");
        jdbc.update("update import_batch set status = 'running', finished_at = null where id = ?", report.batchId());

        assertThat(recovery.finishInterrupted()).contains(report.batchId());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !store.ofList(list, 10).isEmpty());
        assertThat(kinds(list)).containsExactly(AlertKind.NEW_EDITION);
        assertThat(jdbc.queryForObject("select status from import_batch where id = ?", String.class, report.batchId()))
                .isEqualTo("interrupted");

        // the next start finds nothing left to finish, and the alert stays single
        assertThat(recovery.finishInterrupted()).doesNotContain(report.batchId());
        assertThat(kinds(list)).containsExactly(AlertKind.NEW_EDITION);
    }
}
