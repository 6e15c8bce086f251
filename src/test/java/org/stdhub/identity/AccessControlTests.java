package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The denial matrix: each secured endpoint refuses the roles that must be refused and serves one that may act. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    long enterpriseOrg;
    long allianceA;
    long allianceB;
    String enterpriseUser;
    String officer;
    String admin;
    String secretaryA;
    String outsider;

    @BeforeAll
    void people() {
        asSystem();
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        enterpriseOrg = organizations
                .createUnchecked(OrganizationKind.ENTERPRISE, "矩阵企业" + run, null, null, null)
                .getId();
        allianceA = organizations
                .createUnchecked(OrganizationKind.ALLIANCE, "联盟甲" + run, null, null, null)
                .getId();
        allianceB = organizations
                .createUnchecked(OrganizationKind.ALLIANCE, "联盟乙" + run, null, null, null)
                .getId();
        long office = organizations.all().stream()
                .filter(o -> o.getKind() == OrganizationKind.BASE_OFFICE)
                .findFirst()
                .orElseThrow()
                .getId();
        enterpriseUser = person("ent" + run, enterpriseOrg, Role.ENTERPRISE_USER);
        officer = person("off" + run, office, Role.BASE_OFFICER);
        admin = person("adm" + run, office, Role.ADMIN);
        secretaryA = person("sec" + run, allianceA, Role.ALLIANCE_SECRETARY);
        outsider = person("out" + run, enterpriseOrg, Role.ENTERPRISE_USER);
        SecurityContextHolder.clearContext();
    }

    private void asSystem() {
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test",
                null,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(ctx);
    }

    private String person(String login, long org, Role role) {
        var created = accounts.createPersonUnchecked(new NewPerson(
                login, login + "@example.com", null, "人员" + SEQ.incrementAndGet(), null, "Tea-Garden-2026"));
        organizations.grantUnchecked(created.personId(), org, role, null, null);
        return login;
    }

    private RequestPostProcessor as(String login) {
        return user(accounts.principal(login, Set.of()).orElseThrow());
    }

    @Test
    void anonymousPeopleAreSentToLoginAndApiClientsGet401() {
        for (String page : List.of("/admin/organizations", "/admin/people", "/profile", "/profile/password")) {
            assertThat(mvc.get().uri(page))
                    .as(page)
                    .hasStatus(HttpStatus.FOUND)
                    .redirectedUrl()
                    .endsWith("/login");
        }
        assertThat(mvc.get().uri("/api/v1/me"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith("application/problem+json")
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo(401);
        // the catalog stays public
        assertThat(mvc.get().uri("/api/v1/designations/parse").param("text", "GB/T 1.1-2020"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/classifications/ics")).hasStatusOk();
    }

    @Test
    void adminPagesRefuseEnterpriseUsersAndSecretariesAndServeTheBaseOffice() {
        for (String who : List.of(enterpriseUser, secretaryA)) {
            assertThat(mvc.get().uri("/admin/organizations").with(as(who)))
                    .as(who)
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/admin/people").with(as(who))).as(who).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post()
                            .uri("/admin/organizations")
                            .with(as(who))
                            .with(csrf())
                            .param("kind", "ENTERPRISE")
                            .param("nameZh", "x"))
                    .as(who)
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post()
                            .uri("/admin/organizations/{id}/approve", enterpriseOrg)
                            .with(as(who))
                            .with(csrf()))
                    .as(who)
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/admin/organizations").with(as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("矩阵企业");
        assertThat(mvc.get().uri("/admin/people").with(as(admin))).hasStatusOk();
    }

    @Test
    void onlyAnAdminMaySuspendAccounts() {
        long target = accounts.principal(outsider, Set.of()).orElseThrow().personId();
        assertThat(mvc.post()
                        .uri("/admin/people/{id}/suspend", target)
                        .with(as(officer))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/admin/people/{id}/suspend", target)
                        .with(as(enterpriseUser))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/admin/people/{id}/suspend", target)
                        .with(as(admin))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/admin/people");
        assertThat(accounts.principal(outsider, Set.of()).orElseThrow().isEnabled())
                .isFalse();
        assertThat(mvc.post()
                        .uri("/admin/people/{id}/reactivate", target)
                        .with(as(admin))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
    }

    @Test
    void postsWithoutCsrfAreRefusedEvenForAdmins() {
        assertThat(mvc.post()
                        .uri("/admin/organizations")
                        .with(as(admin))
                        .param("kind", "ENTERPRISE")
                        .param("nameZh", "x"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSecretaryManagesMembersOfTheirOwnAllianceOnly() {
        long member = accounts.principal(outsider, Set.of()).orElseThrow().personId();
        var sec = accounts.principal(secretaryA, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(sec, null, sec.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            organizations.grant(member, allianceA, Role.ALLIANCE_MEMBER, null, null);
            assertThat(organizations.members(allianceA))
                    .extracting(m -> m.getPerson().getLogin())
                    .contains(outsider);
            assertThatThrownBy(() -> organizations.grant(member, allianceB, Role.ALLIANCE_MEMBER, null, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> organizations.grant(member, allianceA, Role.ALLIANCE_SECRETARY, null, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> organizations.members(allianceB)).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void apiTokensAuthenticateUntilRevoked() {
        var me = accounts.principal(enterpriseUser, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        ApiTokens.IssuedToken token;
        try {
            token = tokens.create(enterpriseUser, "ci", Set.of("read"), 30);
            assertThatThrownBy(() -> tokens.create(officer, "not mine", Set.of("read"), 30))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(token.secret()).startsWith("sth_");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.login").isEqualTo(enterpriseUser);
                    assertThat(json).extractingPath("$.scopes[0]").isEqualTo("read");
                });
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer sth_forged"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // tokens are for the API only: a page refuses them, whatever the owner's roles
        assertThat(mvc.get().uri("/admin/organizations").header("Authorization", "Bearer " + token.secret()))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("auth.error.token-api-only");

        SecurityContextHolder.setContext(ctx);
        try {
            tokens.revoke(token.id(), me);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("auth.error.token");
    }

    @Test
    void someoneElsesTokensCannotBeRevoked() {
        var me = accounts.principal(enterpriseUser, Set.of()).orElseThrow();
        var other = accounts.principal(secretaryA, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            var token = tokens.create(enterpriseUser, "mine", Set.of("read"), null);
            ctx.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));
            assertThatThrownBy(() -> tokens.revoke(token.id(), other)).isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // --- API token scopes (issue 8) ---------------------------------------------------------------------

    /** A token of the person, created as the person signed in with their password would. */
    private ApiTokens.IssuedToken tokenOf(String login, String... scopes) {
        var me = accounts.principal(login, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            return tokens.create(login, "scope test", Set.of(scopes), 1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String bearer(ApiTokens.IssuedToken token) {
        return "Bearer " + token.secret();
    }

    private long watchlistsOf(String login) {
        return jdbc.queryForObject(
                "select count(*) from watchlist w join person p on p.id = w.owner_person_id where p.login = ?",
                Long.class,
                login);
    }

    @Test
    void aReadTokenReadsButChangesNothingAndAWriteTokenDoesBoth() {
        var read = tokenOf(enterpriseUser, "read");
        var write = tokenOf(enterpriseUser, "write");
        String newList = "{\"name\":\"scoped\",\"digest\":\"NONE\",\"designations\":[]}";
        long before = watchlistsOf(enterpriseUser);

        // reads: a read token, and a write token too (write implies read)
        for (var token : List.of(read, write)) {
            assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer(token)))
                    .hasStatusOk();
            assertThat(mvc.get().uri("/api/v1/watchlists").header("Authorization", bearer(token)))
                    .hasStatusOk();
            // the validity check is a POST that only reads
            assertThat(mvc.post()
                            .uri("/api/v1/compliance/check")
                            .header("Authorization", bearer(token))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"designations\":[\"GB/T 19001-2016\"]}"))
                    .hasStatusOk();
        }

        // writes: refused to the read token, whatever the method, before anything is done
        assertThat(mvc.post()
                        .uri("/api/v1/watchlists")
                        .header("Authorization", bearer(read))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newList))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith("application/problem+json");
        for (var method : List.of("PUT", "PATCH", "DELETE")) {
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                                    org.springframework.http.HttpMethod.valueOf(method), "/api/v1/watchlists/1")
                            .header("Authorization", bearer(read))))
                    .as(method)
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(watchlistsOf(enterpriseUser)).isEqualTo(before);

        // the write token creates the list (no CSRF token needed: a bearer request carries no cookie)
        assertThat(mvc.post()
                        .uri("/api/v1/watchlists")
                        .header("Authorization", bearer(write))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newList))
                .hasStatus(HttpStatus.CREATED);
        assertThat(watchlistsOf(enterpriseUser)).isEqualTo(before + 1);
    }

    @Test
    void tokensAreRefusedByPagesAndFormsWhateverTheirScope() {
        var adminWrite = tokenOf(admin, "read", "write");
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        long tokensBefore = jdbc.queryForObject("select count(*) from api_token", Long.class);

        assertThat(mvc.get().uri("/profile").header("Authorization", bearer(adminWrite)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // without a CSRF token the form is refused as before; with one, the token itself is refused
        assertThat(mvc.post()
                        .uri("/admin/people")
                        .header("Authorization", bearer(adminWrite))
                        .param("login", "viatoken" + SEQ.incrementAndGet())
                        .param("email", "viatoken@example.com")
                        .param("displayNameZh", "令牌"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/admin/people")
                        .with(csrf())
                        .header("Authorization", bearer(adminWrite))
                        .param("login", "viatoken" + SEQ.incrementAndGet())
                        .param("email", "viatoken@example.com")
                        .param("displayNameZh", "令牌"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // a token cannot make itself a new (say, non-expiring read+write) token through the profile form
        for (var withCsrf : List.of(true, false)) {
            var post = mvc.post()
                    .uri("/profile/tokens")
                    .header("Authorization", bearer(adminWrite))
                    .param("name", "escalated")
                    .param("scopes", "read", "write");
            if (withCsrf) {
                post = post.with(csrf());
            }
            assertThat(post).hasStatus(withCsrf ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN);
        }
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class))
                .isEqualTo(people);
        assertThat(jdbc.queryForObject("select count(*) from api_token", Long.class))
                .isEqualTo(tokensBefore);
    }

    @Test
    void theTokenServiceRefusesCallersAuthenticatedByAToken() {
        var secret = tokenOf(enterpriseUser, "read", "write").secret();
        var principal = tokens.authenticate(secret).orElseThrow();
        assertThat(principal.viaApiToken()).isTrue();
        for (var auth : List.of(
                new ApiTokenAuthentication(principal),
                // also when a token's principal arrives in another wrapper
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()))) {
            var ctx = SecurityContextHolder.createEmptyContext();
            ctx.setAuthentication(auth);
            SecurityContextHolder.setContext(ctx);
            try {
                assertThatThrownBy(() -> tokens.create(enterpriseUser, "from a token", Set.of("read"), null))
                        .isInstanceOf(AccessDeniedException.class);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        // the person's password session still may
        assertThat(tokenOf(enterpriseUser, "read").secret()).startsWith("sth_");
    }

    @Test
    void revokingARevokedTokenChangesNothing() {
        var token = tokenOf(outsider, "read");
        var me = accounts.principal(outsider, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            tokens.revoke(token.id(), me);
            var revokedAt = jdbc.queryForObject(
                    "select revoked_at from api_token where id = ?", java.sql.Timestamp.class, token.id());
            tokens.revoke(token.id(), me);
            assertThat(jdbc.queryForObject(
                            "select revoked_at from api_token where id = ?", java.sql.Timestamp.class, token.id()))
                    .isEqualTo(revokedAt);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where object_type = 'person' and object_id = ?"
                                + " and action = 'token-revoked'",
                        Long.class,
                        outsider))
                .isEqualTo(1);
    }
}
