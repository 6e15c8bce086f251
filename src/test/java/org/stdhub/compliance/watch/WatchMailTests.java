package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stdhub.compliance.watch.WatchFixtures.importLines;
import static org.stdhub.compliance.watch.WatchFixtures.record;
import static org.stdhub.compliance.watch.WatchFixtures.std;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/** Alerts by e-mail, to a GreenMail server: at once, and as one daily digest per person, never twice. */
@IdentityTest // no catalog needed (the tests import their own standards), mail to GreenMail on port 3025
class WatchMailTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Watchlists watchlists;

    @Autowired
    AlertStore store;

    @Autowired
    AlertMail alertMail;

    @Autowired
    StandardImporter importer;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    @AfterEach
    void signOut() {
        WatchFixtures.signOut();
    }

    private long list(String login, String name, Long organization, Digest digest, String... designations) {
        WatchFixtures.signIn(principals, login);
        long id = watchlists
                .create(new Watchlists.NewWatchlist(name, organization, digest, List.of(designations)))
                .id();
        WatchFixtures.signOut();
        return id;
    }

    private static MimeMessage[] to(String login) {
        return mail.getReceivedMessagesForDomain(login + "@example.com");
    }

    @Test
    void anImmediateListIsMailedAsSoonAsTheImportIsCommitted() throws Exception {
        String login = WatchFixtures.person(accounts, "wm");
        String watched = std(40, 2010);
        importLines(importer, "mail-setup.jsonl", record(watched, "current", null));
        long id = list(login, "即时提醒清单", null, Digest.IMMEDIATE, watched);

        importLines(importer, "mail-change.jsonl", record(watched, "withdrawn", null));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> to(login).length == 1);
        MimeMessage message = to(login)[0];
        assertThat(message.getSubject()).isEqualTo("【StdHub】您关注的标准有新变化");
        String text = String.valueOf(message.getContent());
        assertThat(text)
                .contains(
                        "【即时提醒清单】",
                        watched + " 已废止，目录中没有现行的替代标准",
                        "/standards/T%2FWTEST%20" + WatchFixtures.SERIES + ".40-2010",
                        "/alerts",
                        "/watchlists");
        assertThat(store.ofList(id, 10))
                .singleElement()
                .satisfies(a -> assertThat(a.emailedAt()).isNotNull());

        // nothing is sent twice: neither at once again nor in the daily digest
        assertThat(alertMail.sendImmediate(List.of(id))).isZero();
        alertMail.sendDailyDigest();
        assertThat(to(login)).hasSize(1);
    }

    @Test
    void dailyListsWaitForTheDigestOneMailPerPersonAlsoForEveryMemberOfAnOrganization() throws Exception {
        String login = WatchFixtures.person(accounts, "wn");
        String member = WatchFixtures.person(accounts, "wo");
        WatchFixtures.asAdmin();
        long org = organizations
                .create(OrganizationKind.ENTERPRISE, "邮件测试企业" + WatchFixtures.SERIES, null, null, null)
                .getId();
        organizations.grant(WatchFixtures.personId(principals, login), org, Role.ENTERPRISE_USER, null, null);
        organizations.grant(WatchFixtures.personId(principals, member), org, Role.ENTERPRISE_USER, null, null);
        WatchFixtures.signOut();

        String a = std(41, 2010);
        String b = std(42, 2010);
        importLines(importer, "digest-setup.jsonl", record(a, "current", null), record(b, "current", null));
        long personal = list(login, "每日个人清单", null, Digest.DAILY, a);
        long shared = list(login, "每日企业清单", org, Digest.DAILY, b);
        long silent = list(member, "不发邮件清单", null, Digest.NONE, a);

        importLines(
                importer,
                "digest-changes.jsonl",
                record(std(41, 2020), "current", "\"replaces\":[\"" + a + "\"]"),
                record(std(42, 2020), "upcoming", "\"replaces\":[\"" + b + "\"]"));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !store.ofList(personal, 5).isEmpty()
                        && !store.ofList(shared, 5).isEmpty()
                        && !store.ofList(silent, 5).isEmpty());
        // daily lists' alerts wait, unclaimed, for the digest: an immediate mail would have marked them e-mailed
        assertThat(List.of(personal, shared))
                .flatMap(list -> store.ofList(list, 5))
                .isNotEmpty()
                .allSatisfy(x -> assertThat(x.emailedAt()).isNull());
        assertThat(to(login)).isEmpty();
        assertThat(to(member)).isEmpty();

        assertThat(alertMail.sendDailyDigest())
                .as("one mail to each of the two")
                .isEqualTo(2);
        assertThat(to(login)).hasSize(1);
        assertThat(to(member)).hasSize(1);
        MimeMessage digest = to(login)[0];
        assertThat(digest.getSubject()).isEqualTo("【StdHub】关注提醒每日汇总");
        assertThat(String.valueOf(digest.getContent()))
                .contains(
                        "【每日个人清单】",
                        "【每日企业清单】",
                        std(41, 2020) + " 发布，是您关注的 " + a + " 的新版本",
                        std(42, 2020) + " 发布，是您关注的 " + b + " 的新版本");
        assertThat(String.valueOf(to(member)[0].getContent()))
                .contains("【每日企业清单】")
                .doesNotContain("每日个人清单", "不发邮件清单");
        assertThat(store.ofList(silent, 5))
                .allSatisfy(x -> assertThat(x.emailedAt()).isNull());

        // the next run finds nothing left to send
        alertMail.sendDailyDigest();
        assertThat(to(login)).hasSize(1);
        assertThat(to(member)).hasSize(1);
    }
}
