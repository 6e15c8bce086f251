package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Registration with e-mail verification, login, password reset by e-mail, throttling — through HTTP. */
@IdentityTest
class AccountFlowTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    /** Tests run again on the same data directory: every run registers new people and enterprises. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/\\S+)");

    private static String linkIn(MimeMessage message) throws Exception {
        Matcher m = LINK.matcher(String.valueOf(message.getContent()));
        assertThat(m.find()).as("a link in the mail").isTrue();
        return m.group(1);
    }

    /** Seven code characters from the run id, within the credit-code alphabet. */
    private static String pad(String run) {
        String digits = Long.toString(Long.parseLong(run, 36) % 10_000_000L);
        return "0".repeat(7 - digits.length()) + digits;
    }

    private static String code(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult register(
            String login, String email, String password, String creditCode) {
        return mvc.post()
                .uri("/register")
                .with(csrf())
                .param("login", login)
                .param("email", email)
                .param("displayNameZh", "测试用户")
                .param("password", password)
                .param("organizationNameZh", "测试企业 " + login)
                .param("creditCode", creditCode)
                .exchange();
    }

    @Test
    void registerVerifyAndSignIn() throws Exception {
        var result = register(
                "qiye01" + RUN, "qiye01" + RUN + "@example.com", "Tea-Garden-2026", code("914101" + pad(RUN) + "MAA1"));
        assertThat(result).hasStatusOk().bodyText().contains("qiye01" + RUN + "@example.com");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessagesForDomain("qiye01" + RUN + "@example.com")[0];
        assertThat(message.getSubject()).contains("验证");

        // before verification the account cannot sign in
        assertThat(mvc.post()
                        .uri("/login")
                        .with(csrf())
                        .param("username", "qiye01" + RUN)
                        .param("password", "Tea-Garden-2026"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login?error=disabled");

        assertThat(mvc.get().uri(linkIn(message))).hasStatusOk().bodyText().contains("qiye01" + RUN);
        var login = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", "qiye01" + RUN + "@example.com")
                .param("password", "Tea-Garden-2026")
                .exchange();
        assertThat(login).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
        assertThat(mvc.get().uri("/profile").session(session))
                .hasStatusOk()
                .bodyText()
                .contains("qiye01" + RUN, "待审核");
        // the enterprise waits for the base office
        assertThat(jdbc.queryForObject(
                        "select status from organization where credit_code = ?",
                        String.class,
                        code("914101" + pad(RUN) + "MAA1")))
                .isEqualTo("PENDING");
    }

    @Test
    void badRegistrationSaysWhatIsWrongAndStoresNothing() {
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        long orgs = jdbc.queryForObject("select count(*) from organization", Long.class);
        var result = register("Q", "not-an-address", "short", "914403001922038217");
        assertThat(result).hasStatusOk().bodyText().contains("用户名须为", "有效的电子邮箱", "密码至少需要 10 个字符", "统一社会信用代码无效");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class))
                .isEqualTo(people);
        assertThat(jdbc.queryForObject("select count(*) from organization", Long.class))
                .isEqualTo(orgs);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        assertThat(mvc.post().uri("/register").param("login", "nocsrf")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/login").param("username", "root").param("password", "Adm1n-Test-Only!"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void passwordResetByEmailLink() throws Exception {
        register(
                "qiye02" + RUN, "qiye02" + RUN + "@example.com", "Tea-Garden-2026", code("914101" + pad(RUN) + "MAB2"));
        mail.waitForIncomingEmail(5000, 1);
        mvc.get()
                .uri(linkIn(mail.getReceivedMessagesForDomain("qiye02" + RUN + "@example.com")[0]))
                .exchange();
        mail.purgeEmailFromAllMailboxes();

        // unknown addresses get the same answer (no account probing), and no mail
        assertThat(mvc.post().uri("/password/forgot").with(csrf()).param("email", "nobody@example.com"))
                .hasStatusOk();
        assertThat(mvc.post().uri("/password/forgot").with(csrf()).param("email", "qiye02" + RUN + "@example.com"))
                .hasStatusOk();
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mail.getReceivedMessages()).hasSize(1);
        String link = linkIn(mail.getReceivedMessages()[0]);
        String token = link.substring(link.indexOf("token=") + 6);

        assertThat(mvc.post()
                        .uri("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "weak"))
                .hasStatusOk()
                .bodyText()
                .contains("密码至少需要 10 个字符");
        assertThat(mvc.post()
                        .uri("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "New-Harbour-77"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login");
        // used once only
        assertThat(mvc.post()
                        .uri("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "Other-Harbour-78"))
                .hasStatusOk()
                .bodyText()
                .contains("链接已过期或已使用");
        assertThat(mvc.post()
                        .uri("/login")
                        .with(csrf())
                        .param("username", "qiye02" + RUN)
                        .param("password", "New-Harbour-77"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/");
    }

    @Test
    void anAccountIsLockedAfterFiveWrongPasswords() throws Exception {
        register(
                "qiye03" + RUN, "qiye03" + RUN + "@example.com", "Tea-Garden-2026", code("914101" + pad(RUN) + "MAC3"));
        mail.waitForIncomingEmail(5000, 1);
        mvc.get()
                .uri(linkIn(mail.getReceivedMessagesForDomain("qiye03" + RUN + "@example.com")[0]))
                .exchange();
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom("10.0.0.3", "qiye03" + RUN, "wrong-" + i))
                    .hasStatus(HttpStatus.FOUND)
                    .redirectedUrl()
                    .isEqualTo("/login?error=bad");
        }
        // now even the right password is refused, with a clear message
        assertThat(loginFrom("10.0.0.3", "qiye03" + RUN, "Tea-Garden-2026"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login?error=locked");
        assertThat(mvc.get().uri("/login?error=locked"))
                .hasStatusOk()
                .bodyText()
                .contains("账户已暂时锁定");
    }

    @Test
    void anAddressIsThrottledAfterManyFailures() {
        for (int i = 0; i < 20; i++) {
            loginFrom("10.9.9.9", "ghost" + i, "x").exchange();
        }
        assertThat(loginFrom("10.9.9.9", "root", "Adm1n-Test-Only!"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login?error=throttled");
        // another address is not affected
        assertThat(loginFrom("10.9.9.10", "root", "Adm1n-Test-Only!"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/");
    }

    /** A password login posted from the given client address. */
    private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder loginFrom(
            String address, String username, String password) {
        return mvc.post()
                .uri("/login")
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })
                .param("username", username)
                .param("password", password);
    }
}
