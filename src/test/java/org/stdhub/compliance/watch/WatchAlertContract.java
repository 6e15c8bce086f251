package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.stdhub.compliance.watch.WatchFixtures.importLines;
import static org.stdhub.compliance.watch.WatchFixtures.record;
import static org.stdhub.compliance.watch.WatchFixtures.std;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.access.AccessDeniedException;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.importing.ImportRecovery;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * Alerts computed from catalog changes, run against each database StdHub supports (H2 and PostgreSQL subclasses):
 * editions, amendments, status changes and replacement chains of several hops (also across works), followed
 * classes and committees, idempotence, alerts that survive a crash between an import and its alerts, and who may
 * see which list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WatchAlertContract {

    @Autowired
    Watchlists watchlists;

    @Autowired
    Alerts alerts;

    @Autowired
    AlertStore store;

    @Autowired
    AlertRaiser raiser;

    @Autowired
    StandardImporter importer;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportRecovery recovery;

    @Autowired
    IncompleteEventPublications incomplete;

    String owner;
    String other;
    String colleague;

    @BeforeAll
    void people() {
        owner = WatchFixtures.person(accounts, "wa");
        other = WatchFixtures.person(accounts, "wb");
        colleague = WatchFixtures.person(accounts, "wc");
    }

    @AfterEach
    void signOut() {
        WatchFixtures.signOut();
    }

    long newList(String name, String... designations) {
        WatchFixtures.signIn(principals, owner);
        long id = watchlists
                .create(new Watchlists.NewWatchlist(name, null, Digest.NONE, List.of(designations)))
                .id();
        WatchFixtures.signOut();
        return id;
    }

    List<Alert> alertsOf(long list) {
        return store.ofList(list, 100);
    }

    List<Alert> awaitAlerts(long list, int atLeast) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOf(list).size() >= atLeast);
        return alertsOf(list);
    }

    @Test
    void aListIsNotToldOfChangesMadeBeforeItFollowedTheStandard() {
        ImportReport before = importLines(
                importer,
                "watch-before.jsonl",
                record(std(57, 2010), "withdrawn", "\"replaced_by\":[\"" + std(57, 2021) + "\"]"),
                record(std(57, 2021), "current", "\"replaces\":[\"" + std(57, 2010) + "\"]"));
        assertThat(before.inserted()).isEqualTo(2);
        long list = newList("之后才关注", std(57, 2010));
        // the import's alerts raised (again, or late) after the list was made: nothing for this list
        raiser.raise(before.batchId());
        assertThat(alertsOf(list)).isEmpty();
    }

    @Test
    void newEditionAmendmentWithdrawalAndAReplacementTwoHopsDownTheChainAreAllTold() {
        // the catalog before: two works, the second replaced by a third
        importLines(
                importer,
                "watch-setup.jsonl",
                record(std(1, 2010), "current", null),
                record(std(2, 2010), "current", null),
                record(std(3, 2015), "current", "\"replaces\":[\"" + std(2, 2010) + "\"]"));
        long list = newList("版本与替代", std(1, 2010), std(2, 2010));
        assertThat(alertsOf(list)).isEmpty();

        String[] changes = {
            record(std(1, 2010), "withdrawn", "\"replaced_by\":[\"" + std(1, 2020) + "\"]"),
            record(std(1, 2020), "current", "\"replaces\":[\"" + std(1, 2010) + "\"]"),
            record(std(1, 2020) + "/XG1-2024", "current", null),
            record(std(4, 2024), "upcoming", "\"replaces\":[\"" + std(3, 2015) + "\"]")
        };
        ImportReport report = importLines(importer, "watch-changes.jsonl", changes);
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.updated()).isEqualTo(1);

        List<Alert> raised = awaitAlerts(list, 4);
        assertThat(raised)
                .extracting(Alert::kind, Alert::standardDesignation, Alert::relatedDesignation)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.WITHDRAWN, std(1, 2010), std(1, 2020)),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.NEW_EDITION, std(1, 2020), std(1, 2010)),
                        org.assertj.core.groups.Tuple.tuple(
                                AlertKind.AMENDED, std(1, 2020) + "/XG1-2024", std(1, 2010)),
                        // std 4 replaces std 3, which replaced std 2 (three different works)
                        org.assertj.core.groups.Tuple.tuple(AlertKind.REPLACED, std(4, 2024), std(2, 2010)));

        // the same file again changes nothing, so nothing is raised; handling the same import twice raises nothing
        ImportReport again = importLines(importer, "watch-changes.jsonl", changes);
        assertThat(again.inserted() + again.updated()).isZero();
        assertThat(raiser.raise(report.batchId())).isZero();
        assertThat(alertsOf(list)).hasSize(4);

        // the upcoming standard comes into force: its followers (two hops away) hear of the status change
        importLines(
                importer,
                "watch-in-force.jsonl",
                record(std(4, 2024), "current", "\"replaces\":[\"" + std(3, 2015) + "\"]"));
        List<Alert> later = awaitAlerts(list, 5);
        assertThat(later.getFirst().kind()).isEqualTo(AlertKind.STATUS_CHANGED);
        assertThat(later.getFirst().args()).containsExactly("upcoming", "current");

        WatchFixtures.signIn(principals, owner);
        assertThat(alerts.mine(java.util.Locale.SIMPLIFIED_CHINESE))
                .filteredOn(a -> a.watchlistId() == list)
                .extracting(Alert::text)
                .contains(
                        std(4, 2024) + " 发布，代替您关注的 " + std(2, 2010),
                        std(1, 2010) + " 已废止，现行替代标准为 " + std(1, 2020),
                        std(4, 2024) + " 的状态由“即将实施”变为“现行”");
        assertThat(alerts.unreadCount()).isGreaterThanOrEqualTo(5);
        alerts.markAllRead(list);
        assertThat(store.unreadPerList(List.of(list))).doesNotContainKey(list);
    }

    @Test
    void newStandardsInFollowedClassesAndFromFollowedCommitteesAreTold() {
        String committee = "SAC/TC W" + WatchFixtures.SERIES;
        WatchFixtures.signIn(principals, owner);
        long list = watchlists
                .create(new Watchlists.NewWatchlist("分类与委员会", null, Digest.NONE, List.of()))
                .id();
        watchlists.addItem(list, WatchItemKind.ICS, "11.040");
        watchlists.addItem(list, WatchItemKind.CCS, "c");
        watchlists.addItem(list, WatchItemKind.COMMITTEE, committee);
        WatchFixtures.signOut();

        importLines(
                importer,
                "watch-classes.jsonl",
                record(std(10, 2025), "current", "\"ics\":[\"11.040.10\"]"),
                record(std(11, 2025), "current", "\"ics\":[\"11.060.01\"]"),
                record(std(12, 2025), "current", "\"ccs\":[\"C30\"]"),
                record(std(13, 2025), "current", "\"tc\":\"" + committee + "/SC 1\""),
                record(std(14, 2025), "current", "\"tc\":\"" + committee + "0\""));
        // others' imports may also bring standards into ICS 11.040: look at this run's standards only
        java.util.function.Supplier<List<Alert>> ours = () -> alertsOf(list).stream()
                .filter(a -> a.standardDesignation().startsWith("T/WTEST " + WatchFixtures.SERIES + "."))
                .toList();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ours.get().size() >= 3);
        assertThat(ours.get())
                .extracting(Alert::kind, Alert::standardDesignation, Alert::relatedDesignation)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.NEW_IN_CLASS, std(10, 2025), "11.040"),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.NEW_IN_CLASS, std(12, 2025), "C"),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.NEW_IN_CLASS, std(13, 2025), committee));
    }

    @Test
    void aPersonsListIsTheirsAloneAndAnOrganizationsListIsItsMembers() {
        WatchFixtures.asAdmin();
        long org = organizations
                .create(OrganizationKind.ENTERPRISE, "关注测试企业" + WatchFixtures.SERIES, null, null, null)
                .getId();
        organizations.grant(WatchFixtures.personId(principals, owner), org, Role.ENTERPRISE_USER, null, null);
        organizations.grant(WatchFixtures.personId(principals, colleague), org, Role.ENTERPRISE_USER, null, null);

        long mine = newList("只属于我", "GB/T 42061-2022");
        WatchFixtures.signIn(principals, owner);
        long shared = watchlists
                .create(new Watchlists.NewWatchlist("企业共享", org, Digest.DAILY, List.of("YY 0055-2018")))
                .id();

        WatchFixtures.signIn(principals, colleague);
        assertThat(watchlists.visible())
                .extracting(Watchlists.Summary::id)
                .contains(shared)
                .doesNotContain(mine);
        assertThat(watchlists.get(shared).items()).extracting(WatchItem::value).containsExactly("YY 0055-2018");
        assertThatThrownBy(() -> watchlists.get(mine)).isInstanceOf(AccessDeniedException.class);

        WatchFixtures.signIn(principals, other);
        assertThat(watchlists.visible()).extracting(Watchlists.Summary::id).doesNotContain(mine, shared);
        assertThatThrownBy(() -> watchlists.get(shared)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> watchlists.addItem(mine, WatchItemKind.STANDARD, "GB/T 1.1-2020"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> watchlists.delete(mine)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> watchlists.create(new Watchlists.NewWatchlist("冒名", org, null, List.of())))
                .isInstanceOf(AccessDeniedException.class);

        WatchFixtures.signOut();
        assertThatThrownBy(() -> watchlists.visible())
                .isInstanceOfAny(
                        AccessDeniedException.class,
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void oneClickWatchFillsTheDefaultListMadeOnFirstUse() {
        WatchFixtures.signIn(principals, other);
        var first = watchlists.watch("gbt 42061—2022", "我的关注");
        var second = watchlists.watch("GB/T 42061-2022", "我的关注");
        var third = watchlists.watch("YY 0055-2018", "我的关注");
        assertThat(first.added()).isTrue();
        assertThat(second.added()).isFalse();
        assertThat(third.watchlistId()).isEqualTo(first.watchlistId());
        assertThat(watchlists.get(first.watchlistId()).items())
                .extracting(WatchItem::value)
                .containsExactlyInAnyOrder("GB/T 42061-2022", "YY 0055-2018");
        assertThat(watchlists.get(first.watchlistId()).list().isDefault()).isTrue();
        assertThatThrownBy(() -> watchlists.watch("not a standard", "我的关注"))
                .isInstanceOf(org.stdhub.platform.InvalidInputException.class);
    }

    @Test
    void everyChangeToAListIsInItsHistoryButNeverTheFeedSecret() {
        long list = newList("审计", "GB/T 42061-2022");
        WatchFixtures.signIn(principals, owner);
        watchlists.rename(list, "审计（改名）");
        watchlists.changeDigest(list, Digest.IMMEDIATE);
        String token = watchlists.regenerateFeedToken(list);
        watchlists.addItem(list, WatchItemKind.ICS, "11.040");
        long item = watchlists.get(list).items().stream()
                .filter(i -> i.kind() == WatchItemKind.ICS)
                .findFirst()
                .orElseThrow()
                .id();
        watchlists.removeItem(list, item);
        List<String> actions = jdbc.queryForList(
                "select action from audit_event where object_type = 'watchlist' and object_id = ? order by seq",
                String.class,
                String.valueOf(list));
        assertThat(actions)
                .containsExactly(
                        "created", "renamed", "digest-changed", "feed-token-regenerated", "item-added", "item-removed");
        List<String> changes = jdbc.queryForList(
                "select changes from audit_event where object_type = 'watchlist' and object_id = ?",
                String.class,
                String.valueOf(list));
        assertThat(changes).noneMatch(c -> c.contains(token) || c.contains(FeedToken.sha256(token)));
        watchlists.delete(list);
        assertThat(jdbc.queryForObject("select count(*) from watchlist where id = ?", Integer.class, list))
                .isZero();
        assertThat(Set.copyOf(jdbc.queryForList(
                        "select action from audit_event where object_type = 'watchlist' and object_id = ?",
                        String.class,
                        String.valueOf(list))))
                .contains("deleted");
    }

    // Alerts are not lost when the process dies between an import and its alerts: CatalogUpdated is in the event
    // publication registry from the import's last commit on, and an import cut short before that commit is
    // finished on the next start. Each crash is reproduced by putting the database back as the crash left it.

    private long followed(int part) {
        importLines(importer, "delivery-setup-" + part + ".jsonl", record(std(part, 2010), "current", null));
        String owner = WatchFixtures.person(accounts, "dl");
        WatchFixtures.signIn(principals, owner);
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
        // the listener's alerts are visible a moment before its publication is marked complete (a commit after it)
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from event_publication where listener_id like '%AlertRaiser%'"
                                        + " and serialized_event like ? and completion_date is not null",
                                Integer.class, "%\"importBatchId\":" + report.batchId() + ",%")
                        == 1);

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
