package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.stdhub.MutableClock;

/**
 * The rules that depend on time, on a clock the test moves: API tokens expire, login locks end, memberships hold
 * between their dates, e-mail links expire. Each rule is checked on both sides of its boundary.
 */
@IdentityTest
class TimeBoundRulesTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/\\S+)");
    private static final String PASSWORD = "Tea-Garden-2026";

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void stopTheClock() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    private long person(String login) {
        return accounts.createPersonUnchecked(
                        new NewPerson(login, login + "@example.com", null, "时限测试", null, PASSWORD))
                .personId();
    }

    private static String linkIn(MimeMessage message) throws Exception {
        Matcher m = LINK.matcher(String.valueOf(message.getContent()));
        assertThat(m.find()).as("a link in the mail").isTrue();
        return m.group(1);
    }

    /** A request from an address of its own, so that no other test's failed logins count against it. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcTestResult login(String login, String password) {
        return mvc.post()
                .uri("/login")
                .with(csrf())
                .with(from("10.99.0.1"))
                .param("username", login)
                .param("password", password)
                .exchange();
    }

    @Test
    void anApiTokenForOneDayWorksForThatDayOnly() {
        person("tbr-token");
        String secret = "Bearer "
                + tokens.createUnchecked("tbr-token", "one day", Set.of("read"), 1)
                        .secret();

        clock.advance(Duration.ofDays(1).minusSeconds(1));
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", secret)).hasStatusOk();

        clock.advance(Duration.ofSeconds(2));
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", secret)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void fiveWrongPasswordsLockTheLoginForFifteenMinutes() {
        person("tbr-lock");
        for (int i = 0; i < LoginThrottle.PAIR_MAX_FAILURES; i++) {
            assertThat(login("tbr-lock", "Wrong-Password-" + i))
                    .hasStatus(HttpStatus.FOUND)
                    .redirectedUrl()
                    .isEqualTo("/login?error=bad");
        }
        // even the right password is refused while the lock lasts
        assertThat(login("tbr-lock", PASSWORD))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login?error=locked");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(login("tbr-lock", PASSWORD)).redirectedUrl().isEqualTo("/login?error=locked");

        clock.advance(Duration.ofSeconds(2));
        assertThat(login("tbr-lock", PASSWORD))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/");
    }

    @Test
    void aRoleHoldsFromItsFirstToItsLastDay() {
        long org = organizations
                .createUnchecked(OrganizationKind.ENTERPRISE, "时限测试企业", null, null, null)
                .getId();
        long ending = person("tbr-ending");
        long starting = person("tbr-starting");
        LocalDate today = LocalDate.now(clock);
        organizations.grantUnchecked(ending, org, Role.ENTERPRISE_USER, null, today.plusDays(1));
        organizations.grantUnchecked(starting, org, Role.ENTERPRISE_USER, today.plusDays(1), null);

        assertThat(holds("tbr-ending", org)).isTrue();
        assertThat(holds("tbr-starting", org))
                .as("not valid before its first day")
                .isFalse();

        clock.advance(Duration.ofDays(1)); // tomorrow: the last day of one, the first of the other
        assertThat(holds("tbr-ending", org)).isTrue();
        assertThat(holds("tbr-starting", org)).isTrue();

        clock.advance(Duration.ofDays(1)); // the day after tomorrow
        assertThat(holds("tbr-ending", org)).as("gone after its last day").isFalse();
        assertThat(holds("tbr-starting", org)).isTrue();
    }

    private boolean holds(String login, long org) {
        return principals.principal(login, Set.of()).orElseThrow().hasRoleIn(org, Role.ENTERPRISE_USER);
    }

    private String registerAndReadLink(String login, String first17) throws Exception {
        assertThat(mvc.post()
                        .uri("/register")
                        .with(csrf())
                        .param("login", login)
                        .param("email", login + "@example.com")
                        .param("displayNameZh", "时限测试")
                        .param("password", PASSWORD)
                        .param("organizationNameZh", "时限测试企业 " + login)
                        .param("creditCode", first17 + UnifiedSocialCreditCode.checkCharacter(first17)))
                .hasStatusOk()
                .bodyText()
                .contains(login + "@example.com");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        return linkIn(mail.getReceivedMessagesForDomain(login + "@example.com")[0]);
    }

    @Test
    void theVerificationLinkExpiresAfter48Hours() throws Exception {
        String early = registerAndReadLink("tbr-verify-early", "91410177770001TB1");
        String late = registerAndReadLink("tbr-verify-late", "91410177770002TB2");

        clock.advance(Duration.ofHours(48).minusSeconds(1));
        assertThat(mvc.get().uri(early)).hasStatusOk().bodyText().contains("tbr-verify-early");

        clock.advance(Duration.ofSeconds(2));
        assertThat(mvc.get().uri(late)).hasStatusOk().bodyText().contains("链接已过期或已使用");
        assertThat(login("tbr-verify-late", PASSWORD)).redirectedUrl().isEqualTo("/login?error=disabled");
    }

    @Test
    void theResetLinkExpiresAfterOneHour() throws Exception {
        person("tbr-reset");
        assertThat(mvc.post().uri("/password/forgot").with(csrf()).param("email", "tbr-reset@example.com"))
                .hasStatusOk();
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        String link = linkIn(mail.getReceivedMessagesForDomain("tbr-reset@example.com")[0]);
        String token = link.substring(link.indexOf("token=") + 6);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(mvc.post()
                        .uri("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "New-Harbour-77"))
                .hasStatusOk()
                .bodyText()
                .contains("链接已过期或已使用");
        assertThat(login("tbr-reset", "New-Harbour-77")).redirectedUrl().isEqualTo("/login?error=bad");
    }

    @Test
    void theResetLinkWorksUntilItsHourIsOver() throws Exception {
        person("tbr-reset-in-time");
        mvc.post()
                .uri("/password/forgot")
                .with(csrf())
                .param("email", "tbr-reset-in-time@example.com")
                .exchange();
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        String link = linkIn(mail.getReceivedMessagesForDomain("tbr-reset-in-time@example.com")[0]);
        String token = link.substring(link.indexOf("token=") + 6);

        clock.advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(mvc.post()
                        .uri("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "New-Harbour-77"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login");
    }
}
