package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.stdhub.compliance.watch.Digest;
import org.stdhub.compliance.watch.Watchlists;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.StateChanged;

/**
 * Who reads which history over HTTP, page and CSV: a person their own, an organization's members theirs, a
 * watchlist's owners theirs, the base office people's and organizations' but not watchlists; nobody else (404, as
 * for an object that does not exist); personal data (e-mail, client address, credit code) to administrators only.
 */
@AuditH2Test
class AuditHistoryAccessTests {

    static final RequestPostProcessor ADMIN = user("root").roles("ADMIN");
    static final RequestPostProcessor OFFICER = user("office").roles("BASE_OFFICER");
    static final String CLIENT_ADDRESS = "198.51.100.23";
    static final String CREDIT_CODE = "91410100MA44TEST0X";
    /** The names of this class's people and organizations (its context is shared with the identity tests). */
    static final String OURS = "-history";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    @Autowired
    Watchlists watchlists;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    static String alice;
    static String bob;
    static long aliceOrganization;
    static long bobOrganization;
    static long alicesList;
    static long bobsOrganizationList;

    /** Once per class (the context, and so the beans, are there only from the first test on). */
    @BeforeEach
    void peopleOrganizationsAndLists() {
        if (alice != null) {
            return;
        }
        try {
            asAdmin();
            aliceOrganization = organizations
                    .create(OrganizationKind.ENTERPRISE, "甲企业" + OURS, null, null, null)
                    .getId();
            bobOrganization = organizations
                    .create(OrganizationKind.ENTERPRISE, "乙企业" + OURS, null, null, null)
                    .getId();
            alice = person("alice" + OURS, aliceOrganization);
            bob = person("bob" + OURS, bobOrganization);
            // a change made from a browser, and a registration with a credit code
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.setRemoteAddr(CLIENT_ADDRESS);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            try {
                tx.executeWithoutResult(status -> {
                    events.publishEvent(StateChanged.of("person", alice, "password-changed"));
                    events.publishEvent(StateChanged.of("organization", aliceOrganization, "registered")
                            .withChange("creditCode", null, CREDIT_CODE));
                });
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }

            signIn(alice);
            alicesList = watchlists
                    .create(new Watchlists.NewWatchlist("甲的私人清单", null, Digest.DAILY, List.of("GB/T 19001-2016")))
                    .id();
            signIn(bob);
            bobsOrganizationList = watchlists
                    .create(new Watchlists.NewWatchlist(
                            "乙企业的清单", bobOrganization, Digest.DAILY, List.of("GB/T 24001-2016")))
                    .id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void nobodyElseReadsAPersonsHistoryNorCanTellWhetherThePersonExists() {
        for (String path : new String[] {"/history/person/" + alice, "/history/person/" + alice + ".csv"}) {
            MvcTestResult result = mvc.get().uri(path).with(as(bob)).exchange();
            assertThat(result).as(path).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(bodyOf(result)).as(path).doesNotContain(email(alice), CLIENT_ADDRESS);
        }
        assertThat(mvc.get().uri("/history/person/nobody-" + OURS).with(as(bob)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPersonReadsTheirOwnHistoryWithPersonalDataWithheld() {
        assertThat(mvc.get().uri("/history/person/{login}", alice).with(as(alice)))
                .hasStatusOk()
                .bodyText()
                .contains("修改了密码", "（已隐藏）", "个人信息（电子邮件、来源地址等）仅向管理员显示")
                .doesNotContain(email(alice));
        String csv = bodyOf(mvc.get()
                .uri("/history/person/{login}.csv", alice)
                .with(as(alice))
                .exchange());
        assertThat(csv)
                .contains(",person," + alice + ",created,", "(hidden)")
                .doesNotContain(email(alice), CLIENT_ADDRESS);
        assertThat(rows(csv)).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith(",,"));
    }

    @Test
    void theBaseOfficeReadsPeoplesHistoryWithPersonalDataWithheld() {
        assertThat(mvc.get().uri("/history/person/{login}", alice).with(OFFICER))
                .hasStatusOk()
                .bodyText()
                .contains("（已隐藏）")
                .doesNotContain(email(alice));
        assertThat(bodyOf(mvc.get()
                        .uri("/history/person/{login}.csv", alice)
                        .with(OFFICER)
                        .exchange()))
                .contains(",person," + alice + ",password-changed,")
                .doesNotContain(email(alice), CLIENT_ADDRESS);
    }

    @Test
    void administratorsReadEverything() {
        assertThat(mvc.get().uri("/history/person/{login}", alice).with(ADMIN))
                .hasStatusOk()
                .bodyText()
                .contains(email(alice))
                .doesNotContain("（已隐藏）");
        String csv = bodyOf(
                mvc.get().uri("/history/person/{login}.csv", alice).with(ADMIN).exchange());
        assertThat(csv).contains(email(alice), CLIENT_ADDRESS).doesNotContain("(hidden)");
        assertThat(rows(csv)).isNotEmpty().allSatisfy(line -> assertThat(line).matches(".*,[0-9a-f]{64}$"));
        assertThat(bodyOf(mvc.get()
                        .uri("/history/organization/{id}.csv", aliceOrganization)
                        .with(ADMIN)
                        .exchange()))
                .contains(CREDIT_CODE);
        assertThat(mvc.get().uri("/history/watchlist/{id}", alicesList).with(ADMIN))
                .hasStatusOk()
                .bodyText()
                .contains("甲的私人清单");
    }

    @Test
    void anOrganizationsHistoryIsForItsMembersAndTheBaseOfficeWithTheCreditCodeWithheld() {
        assertThat(mvc.get()
                        .uri("/history/organization/{id}", aliceOrganization)
                        .with(as(alice)))
                .hasStatusOk()
                .bodyText()
                .contains("甲企业" + OURS, "（已隐藏）")
                .doesNotContain(CREDIT_CODE);
        assertThat(mvc.get()
                        .uri("/history/organization/{id}", aliceOrganization)
                        .with(OFFICER))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(CREDIT_CODE);
        for (String path : new String[] {
            "/history/organization/" + aliceOrganization, "/history/organization/" + aliceOrganization + ".csv"
        }) {
            MvcTestResult result = mvc.get().uri(path).with(as(bob)).exchange();
            assertThat(result).as(path).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(bodyOf(result)).as(path).doesNotContain("甲企业" + OURS, CREDIT_CODE);
        }
        assertThat(mvc.get().uri("/history/organization/not-a-number").with(as(bob)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aWatchlistsHistoryIsForWhoeverMayOpenTheList() {
        assertThat(mvc.get().uri("/history/watchlist/{id}", alicesList).with(as(alice)))
                .hasStatusOk()
                .bodyText()
                .contains("甲的私人清单");
        assertThat(mvc.get()
                        .uri("/history/watchlist/{id}", bobsOrganizationList)
                        .with(as(bob)))
                .hasStatusOk()
                .bodyText()
                .contains("乙企业的清单");
        for (String path : new String[] {
            "/history/watchlist/" + alicesList, "/history/watchlist/" + alicesList + ".csv",
        }) {
            for (RequestPostProcessor who : new RequestPostProcessor[] {as(bob), OFFICER}) {
                MvcTestResult result = mvc.get().uri(path).with(who).exchange();
                assertThat(result).as(path).hasStatus(HttpStatus.NOT_FOUND);
                assertThat(bodyOf(result)).as(path).doesNotContain("甲的私人清单");
            }
        }
        // another organization's list
        for (String path : new String[] {
            "/history/watchlist/" + bobsOrganizationList, "/history/watchlist/" + bobsOrganizationList + ".csv",
        }) {
            MvcTestResult result = mvc.get().uri(path).with(as(alice)).exchange();
            assertThat(result).as(path).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(bodyOf(result)).as(path).doesNotContain("乙企业的清单");
        }
        assertThat(mvc.get().uri("/history/watchlist/999999999").with(as(alice)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private String person(String login, long organizationId) {
        long id = accounts.createPerson(
                        new NewPerson(login, email(login), null, "历史测试 " + login, null, "Tea-Garden-2026"))
                .personId();
        organizations.grant(id, organizationId, Role.ENTERPRISE_USER, null, null);
        return login;
    }

    private static String email(String login) {
        return login + "@history.example.com";
    }

    private RequestPostProcessor as(String login) {
        return user(principals.principal(login, Set.of()).orElseThrow());
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "root", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    private void signIn(String login) {
        StdHubUser principal = principals.principal(login, Set.of()).orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    /** The CSV's rows after the header. */
    private static List<String> rows(String csv) {
        List<String> lines = List.of(csv.split("\r\n"));
        return lines.subList(1, lines.size());
    }

    private static String bodyOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
