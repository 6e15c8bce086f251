package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.platform.InvalidInputException;

/** Registration with e-mail verification, login, password reset by e-mail, throttling — through HTTP. */
@IdentityTest
class AccountFlowTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Registrations registrations;

    @Autowired
    Passwords passwords;

    @Autowired
    Principals principals;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Organizations organizations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PersonRepository people;

    @Autowired
    ServerProperties server;

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

    // --- account security (issue 8) -------------------------------------------------------------------

    private static final String PASSWORD = "Tea-Garden-2026";
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Client addresses of this run (10.N.M.x), so that throttling state of earlier runs does not interfere. */
    private static final String NET;

    static {
        long n = System.nanoTime() / 1000;
        NET = "10." + (n % 250 + 1) + "." + (n / 250 % 250 + 1) + ".";
    }

    private static String address(int host) {
        return NET + host;
    }

    private static void asSystem() {
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(ctx);
    }

    /** An active account with {@link #PASSWORD}; returns its login. */
    private String activePerson(String prefix) {
        String login = prefix + RUN + SEQ.incrementAndGet();
        asSystem();
        try {
            accounts.createPersonUnchecked(new NewPerson(login, login + "@example.com", null, "安全测试", null, PASSWORD));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return login;
    }

    private long idOf(String login) {
        return principals.principal(login, Set.of()).orElseThrow().personId();
    }

    private MockHttpSession signIn(String login, String password) {
        var result = loginFrom(address(200), login, password).exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession();
    }

    private ApiTokens.IssuedToken readToken(String login) {
        var me = principals.principal(login, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            return tokens.create(login, "throttle test", Set.of("read"), 1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void assertSignedOut(MockHttpSession session) {
        assertThat(mvc.get().uri("/profile").session(session))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
    }

    @Test
    void aSuspendedAccountsSessionEndsAndWritesNothing() {
        String login = activePerson("susp");
        MockHttpSession session = signIn(login, PASSWORD);
        assertThat(mvc.get().uri("/profile").session(session)).hasStatusOk();
        asSystem();
        try {
            accounts.suspend(idOf(login), "test");
        } finally {
            SecurityContextHolder.clearContext();
        }
        long tokensBefore = jdbc.queryForObject("select count(*) from api_token", Long.class);
        assertThat(mvc.post()
                        .uri("/profile/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "after suspension")
                        .param("scopes", "read"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
        assertThat(jdbc.queryForObject("select count(*) from api_token", Long.class))
                .isEqualTo(tokensBefore);
        assertThat(mvc.get().uri("/api/v1/me").session(session)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertSignedOut(session);
    }

    @Test
    void aSessionPicksUpRolesGrantedAndEnded() {
        String login = activePerson("role");
        long office = jdbc.queryForObject("select id from organization where kind = 'BASE_OFFICE'", Long.class);
        MockHttpSession session = signIn(login, PASSWORD);
        assertThat(mvc.get().uri("/admin/organizations").session(session)).hasStatus(HttpStatus.FORBIDDEN);

        asSystem();
        Membership granted;
        try {
            granted = organizations.grantUnchecked(idOf(login), office, Role.BASE_OFFICER, null, null);
        } finally {
            SecurityContextHolder.clearContext();
        }
        // no new login needed
        assertThat(mvc.get().uri("/admin/organizations").session(session)).hasStatusOk();

        asSystem();
        try {
            organizations.end(granted.getId(), "test");
        } finally {
            SecurityContextHolder.clearContext();
        }
        // a role ended today may count until midnight; date it back so that the test holds either way
        jdbc.update(
                "update membership set valid_to = ? where id = ?",
                LocalDate.now().minusDays(1),
                granted.getId());
        assertThat(mvc.get().uri("/admin/organizations").session(session)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/profile").session(session)).hasStatusOk();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsButNotItsOwn() {
        String login = activePerson("pwch");
        MockHttpSession elsewhere = signIn(login, PASSWORD);
        MockHttpSession here = signIn(login, PASSWORD);
        assertThat(mvc.post()
                        .uri("/profile/password")
                        .session(here)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("password", "River-Stone-2027"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/profile");
        assertThat(mvc.get().uri("/profile").session(here)).hasStatusOk();
        assertSignedOut(elsewhere);
    }

    @Test
    void aPasswordResetEndsOpenSessions() throws Exception {
        String login = activePerson("pwrs");
        MockHttpSession session = signIn(login, PASSWORD);
        mail.purgeEmailFromAllMailboxes();
        assertThat(mvc.post().uri("/password/forgot").with(csrf()).param("email", login + "@example.com"))
                .hasStatusOk();
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        String token = tokenIn(mail.getReceivedMessagesForDomain(login + "@example.com")[0]);
        assertThat(reset(token, "River-Stone-2027")).hasStatus(HttpStatus.FOUND);
        assertSignedOut(session);
    }

    private static String tokenIn(MimeMessage message) throws Exception {
        String link = linkIn(message);
        return link.substring(link.indexOf("token=") + 6);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult reset(String token, String password) {
        return mvc.post()
                .uri("/password/reset")
                .with(csrf())
                .param("token", token)
                .param("password", password)
                .exchange();
    }

    @Test
    void aLinkIsMailedOnlyOnceItsRequestIsCommitted() throws Exception {
        String login = activePerson("commit");
        String email = login + "@example.com";
        var transaction = new TransactionTemplate(transactionManager);
        mail.purgeEmailFromAllMailboxes();
        // a request that rolls back mails nothing (sending is synchronous: a mail sent would be here already)
        transaction.executeWithoutResult(status -> {
            passwords.requestReset(email);
            status.setRollbackOnly();
        });
        assertThat(mail.getReceivedMessagesForDomain(email)).isEmpty();
        // a committed one mails once the transaction is over, not before
        transaction.executeWithoutResult(status -> {
            passwords.requestReset(email);
            assertThat(mail.getReceivedMessagesForDomain(email)).isEmpty();
        });
        assertThat(mail.getReceivedMessagesForDomain(email)).hasSize(1);
        assertThat(reset(tokenIn(mail.getReceivedMessagesForDomain(email)[0]), "River-Stone-2028"))
                .hasStatus(HttpStatus.FOUND);
    }

    @Test
    void onlyTheNewestResetLinkWorksAndAPasswordChangeWithdrawsIt() throws Exception {
        String login = activePerson("links");
        String email = login + "@example.com";
        mail.purgeEmailFromAllMailboxes();
        passwords.requestReset(email);
        passwords.requestReset(email);
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        var messages = mail.getReceivedMessagesForDomain(email);
        String older = tokenIn(messages[0]);
        String newer = tokenIn(messages[1]);
        assertThat(reset(older, "River-Stone-2027")).hasStatusOk().bodyText().contains("链接已过期或已使用");
        assertThat(reset(newer, "River-Stone-2027")).hasStatus(HttpStatus.FOUND);

        // a link asked for before the password was changed no longer works afterwards
        mail.purgeEmailFromAllMailboxes();
        passwords.requestReset(email);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        String pending = tokenIn(mail.getReceivedMessagesForDomain(email)[0]);
        MockHttpSession session = signIn(login, "River-Stone-2027");
        assertThat(mvc.post()
                        .uri("/profile/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "River-Stone-2027")
                        .param("password", "Maple-Leaf-2028"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(reset(pending, "Other-Leaf-2029")).hasStatusOk().bodyText().contains("链接已过期或已使用");
    }

    @Test
    void failuresFromOneAddressDoNotLockTheAccountFromAnotherNorItsTokens() {
        String login = activePerson("pair");
        var token = readToken(login);
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom(address(1), login, "wrong-" + i))
                    .redirectedUrl()
                    .isEqualTo("/login?error=bad");
        }
        assertThat(loginFrom(address(1), login, PASSWORD)).redirectedUrl().isEqualTo("/login?error=locked");
        assertThat(loginFrom(address(2), login, PASSWORD)).redirectedUrl().isEqualTo("/");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .hasStatusOk();
    }

    @Test
    void manyFailuresFromManyAddressesLockTheAccountEverywhereButNotItsTokens() {
        String login = activePerson("spread");
        var token = readToken(login);
        int perAddress = LoginThrottle.PAIR_MAX_FAILURES;
        for (int i = 0; i < LoginThrottle.ACCOUNT_MAX_FAILURES; i++) {
            loginFrom(address(10 + i / perAddress), login, "wrong-" + i).exchange();
        }
        assertThat(loginFrom(address(100), login, PASSWORD)).redirectedUrl().isEqualTo("/login?error=locked");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .hasStatusOk();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where object_id = ? and action = 'locked'",
                        Long.class,
                        login))
                .isEqualTo(1 + LoginThrottle.ACCOUNT_MAX_FAILURES / perAddress);
    }

    @Test
    void anAddressKeepsCountingFailuresAfterASuccess() {
        String login = activePerson("spray");
        String from = address(50);
        for (int i = 0; i < 19; i++) {
            loginFrom(from, "ghost" + RUN + i, "x").exchange();
        }
        // one guess is right: the address's count goes on
        assertThat(loginFrom(from, login, PASSWORD)).redirectedUrl().isEqualTo("/");
        assertThat(loginFrom(from, "ghost" + RUN + "last", "x")).redirectedUrl().isEqualTo("/login?error=bad");
        assertThat(loginFrom(from, login, PASSWORD)).redirectedUrl().isEqualTo("/login?error=throttled");
    }

    @Test
    void overlongFieldsAndPasswordsAreFieldErrors() {
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        var result = mvc.post()
                .uri("/register")
                .with(csrf())
                .param("login", "long" + RUN)
                .param("email", "long" + RUN + "@example.com")
                .param("mobile", "+" + "1".repeat(20))
                .param("displayNameZh", "测试用户")
                .param("displayNameEn", "N".repeat(101))
                // 28 characters but 76 bytes: bcrypt would read only the first 72
                .param("password", "Aa1-" + "长".repeat(24))
                .param("organizationNameZh", "测试企业 long")
                .param("creditCode", code("914101" + pad(RUN) + "MAF6"))
                .exchange();
        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains("英文姓名最多 100 个字符", "密码不能超过 72 个字节")
                .contains("id=\"mobile-error\"");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class))
                .isEqualTo(people);

        // everywhere else a password is set
        String login = activePerson("longpw");
        MockHttpSession session = signIn(login, PASSWORD);
        assertThat(mvc.post()
                        .uri("/profile/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("password", "Aa1-" + "x".repeat(69)))
                .hasStatusOk()
                .bodyText()
                .contains("密码不能超过 72 个字节");
        asSystem();
        try {
            assertThatThrownBy(() -> accounts.createPerson(new NewPerson(
                            "adm" + login,
                            "adm" + login + "@example.com",
                            null,
                            "名字",
                            "N".repeat(101),
                            "Aa1-长长长长长长长长长长长长长长长长长长长长长长长长")))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors())
                                    .containsEntry("password", "password.error.too-long")
                                    .containsEntry("displayNameEn", "person.error.display-name-en"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aRegisteredAddressGetsTheUsualAnswerAndItsOwnerIsTold() throws Exception {
        String login = activePerson("owner");
        String email = login + "@example.com";
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        mail.purgeEmailFromAllMailboxes();
        var result = register("other" + login, email, PASSWORD, code("914101" + pad(RUN) + "MAG7"));
        assertThat(result).hasStatusOk().bodyText().contains(email).doesNotContain("已被");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage told = mail.getReceivedMessagesForDomain(email)[0];
        assertThat(told.getSubject()).contains("有人尝试用您的邮箱注册");
        assertThat(String.valueOf(told.getContent())).contains(login, "/password/forgot");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class))
                .isEqualTo(people);
        assertThat(jdbc.queryForObject(
                        "select count(*) from organization where credit_code = ?",
                        Long.class,
                        code("914101" + pad(RUN) + "MAG7")))
                .isZero();
    }

    @Test
    void aTakenLoginIsToldOnlyWhenTheRestIsValid() {
        String login = activePerson("taken");
        // a wrong form says what is wrong with it, not which names or addresses exist
        var wrong = register(login, login + "@example.com", "short", code("914101" + pad(RUN) + "MAH8"));
        assertThat(wrong).hasStatusOk().bodyText().contains("密码至少需要 10 个字符").doesNotContain("该用户名已被使用", "已注册");
        var valid = register(login, "new" + login + "@example.com", PASSWORD, code("914101" + pad(RUN) + "MAH8"));
        assertThat(valid).hasStatusOk().bodyText().contains("该用户名已被使用");
    }

    @Test
    void twoRegistrationsRacingForOneLoginGiveOneAccountAndOneFieldError() throws Exception {
        String login = "race" + RUN;
        String[] codes = {code("914101" + pad(RUN) + "MAJ1"), code("914101" + pad(RUN) + "MAK2")};
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                int n = i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        registrations.register(new Registration(
                                login,
                                login + n + "@example.com",
                                null,
                                "并发用户",
                                null,
                                PASSWORD,
                                "并发企业 " + n + RUN,
                                codes[n]));
                        return "registered";
                    } catch (InvalidInputException e) {
                        return String.valueOf(e.fieldErrors());
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder("registered", "{login=person.error.login-taken}");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from person where login = ?", Long.class, login))
                .isEqualTo(1);
        // the loser's enterprise was not stored either
        assertThat(jdbc.queryForObject(
                        "select count(*) from organization where credit_code in (?, ?)",
                        Long.class,
                        codes[0],
                        codes[1]))
                .isEqualTo(1);
    }

    @Test
    void uniqueKeyViolationsAreToldApart() {
        String login = activePerson("dup");
        var sameLogin = new Person(
                login,
                "x" + login + "@example.com",
                null,
                "重复",
                null,
                "{noop}x",
                Person.Status.ACTIVE,
                java.time.Instant.now());
        var sameEmail = new Person(
                "x" + login,
                login + "@example.com",
                null,
                "重复",
                null,
                "{noop}x",
                Person.Status.ACTIVE,
                java.time.Instant.now());
        assertThatThrownBy(() -> people.saveAndFlush(sameLogin))
                .isInstanceOfSatisfying(
                        DataIntegrityViolationException.class,
                        e -> assertThat(TakenKey.of(e)).isEqualTo("login"));
        assertThatThrownBy(() -> people.saveAndFlush(sameEmail))
                .isInstanceOfSatisfying(
                        DataIntegrityViolationException.class,
                        e -> assertThat(TakenKey.of(e)).isEqualTo("email"));
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() {
        var cookie = server.getServlet().getSession().getCookie();
        assertThat(cookie.getSameSite()).isEqualTo(Cookie.SameSite.LAX);
        assertThat(cookie.getHttpOnly()).isTrue();
        // Secure is not forced (plain HTTP in development): Tomcat sets it on every HTTPS request by itself
        assertThat(cookie.getSecure()).isNotEqualTo(Boolean.FALSE);
    }

    @Test
    void noPageCarriesTheCsrfTokenInAnAddress() throws Exception {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).isNotEmpty();
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(template.getFilename()).doesNotContainPattern("_csrf\\s*=");
        }
    }
}
