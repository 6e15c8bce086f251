package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * The outbox of development's e-mails: a ballot opened is queued for its voters in the same transaction; with the
 * mail server down the delivery fails, is recorded with its error and retried after the back-off; once the server is
 * up the retry delivers it (GreenMail on port 3025). Reminders go before the deadline to voters who have not voted,
 * once. Only the secretariat sees the deliveries.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationOutboxTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects projects;

    @Autowired
    Ballots ballots;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationSender sender;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

    final GreenMail mail = new GreenMail(ServerSetupTest.SMTP);

    DevelopmentFixtures f;
    AllianceView a;
    String secretary;
    String member;
    String member2;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("通知联盟");
        secretary = f.person("nsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        member = f.person("nmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        member2 = f.person("nmen", a.organizationId(), Role.ALLIANCE_MEMBER);
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
        mail.stop();
    }

    @AfterAll
    void stopMail() {
        mail.stop();
    }

    private long projectWithOpenBallot(Instant closes) {
        f.signIn(member);
        long id = projects.propose(new NewProject(a.id(), "通知项目", null, "范围", ProjectKind.NEW, null, null))
                .id();
        f.signIn(secretary);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        ballots.open(id, new NewBallot(null, closes, List.of(f.personId(member), f.personId(member2)), false));
        TestPeople.signOut();
        return id;
    }

    private List<NotificationView> outbox(long projectId) {
        f.signIn(secretary);
        try {
            return notifications.ofProject(projectId);
        } finally {
            TestPeople.signOut();
        }
    }

    private NotificationSender.Delivery deliver() {
        return SystemActor.run("test", () -> sender.deliver());
    }

    @Test
    void aFailedDeliveryIsShownAndRetriedWithBackOffUntilItGoesThrough() throws Exception {
        clock.set(clock.daysFromToday(90));
        long id = projectWithOpenBallot(clock.instant().plus(Duration.ofDays(14)));
        assertThat(outbox(id)).hasSize(2).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo("ballot-opened");
            assertThat(n.status()).isEqualTo("PENDING");
            assertThat(n.attempts()).isZero();
        });

        // the mail server is down: both fail, stay pending, and wait a minute
        deliver();
        assertThat(outbox(id)).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("PENDING");
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.lastError()).isNotBlank();
            assertThat(n.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        });
        // the sender sees the failure on the project page; a member does not see the outbox
        assertThat(
                        mvc.get()
                                .uri("/projects/{id}", id)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(f.people.principal(secretary))))
                .hasStatusOk()
                .bodyText()
                .contains("notification-table", "待发送", "MailSendException");
        assertThat(
                        mvc.get()
                                .uri("/projects/{id}", id)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(f.people.principal(member))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("notification-table");
        // not due yet: nothing is tried
        mail.start();
        deliver();
        assertThat(outbox(id)).allSatisfy(n -> assertThat(n.attempts()).isEqualTo(1));
        assertThat(mail.getReceivedMessagesForDomain(member + "@example.com")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        deliver();
        assertThat(outbox(id)).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("SENT");
            assertThat(n.attempts()).isEqualTo(2);
            assertThat(n.lastError()).isNull();
            assertThat(n.sentAt()).isNotNull();
        });
        var received = mail.getReceivedMessagesForDomain(member + "@example.com");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("请对团体标准项目投票");
        assertThat((String) received[0].getContent()).contains("/projects/" + id);

        // sent once: another run sends nothing more
        deliver();
        assertThat(mail.getReceivedMessagesForDomain(member + "@example.com")).hasSize(1);

        // others do not see the outbox
        f.signIn(member);
        assertThatThrownBy(() -> notifications.ofProject(id)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void aReminderGoesBeforeTheBallotClosesToThoseWhoHaveNotVotedOnce() {
        clock.set(clock.daysFromToday(121));
        long id = projectWithOpenBallot(clock.instant().plus(Duration.ofDays(10)));
        long ballot = ballots.ofProject(id).getFirst().id();
        f.signIn(member2);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        TestPeople.signOut();
        mail.start();
        deliver();
        assertThat(outbox(id)).noneMatch(n -> n.kind().equals("reminder-ballot"));

        clock.advance(Duration.ofDays(8));
        deliver();
        deliver();
        assertThat(outbox(id))
                .filteredOn(n -> n.kind().equals("reminder-ballot"))
                .singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo("SENT"));
        assertThat(subjects(member)).containsOnlyOnce("投票即将截止，您尚未投票");
        assertThat(subjects(member2)).doesNotContain("投票即将截止，您尚未投票");
    }

    private List<String> subjects(String login) {
        return java.util.Arrays.stream(mail.getReceivedMessagesForDomain(login + "@example.com"))
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void afterTheLastAttemptADeliveryIsFailedForGood() {
        Notification n = new Notification(
                1L, "ballot-opened", "x", 1, "x@example.com", List.of("a"), Instant.parse("2027-01-01T00:00:00Z"));
        Instant t = Instant.parse("2027-01-01T00:00:00Z");
        for (int i = 1; i < Notification.MAX_ATTEMPTS; i++) {
            n.failed("down", t);
            assertThat(n.getStatus()).isEqualTo(Notification.Status.PENDING);
        }
        assertThat(n.view("x").nextAttemptAt()).isEqualTo(t.plus(Duration.ofHours(12)));
        n.failed("still down", t);
        assertThat(n.getStatus()).isEqualTo(Notification.Status.FAILED);
        assertThat(n.view("x").lastError()).isEqualTo("still down");
        assertThat(n.view("x").nextAttemptAt()).isNull();
    }
}
