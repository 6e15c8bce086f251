package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
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
    Principals principals;

    @Autowired
    Organizations organizations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    long enterpriseOrg;
    long office;
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
        office = organizations.all().stream()
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
        return user(principals.principal(login, Set.of()).orElseThrow());
    }

    private long idOf(String login) {
        return principals.principal(login, Set.of()).orElseThrow().personId();
    }

    /** A fresh person holding {@code role} in {@code org}. */
    private String fresh(String prefix, long org, Role role) {
        return person(prefix + SEQ.incrementAndGet() + "x" + (System.nanoTime() % 100_000), org, role);
    }

    /** An API token of {@code login} with read and write scopes. */
    private String bearer(String login) {
        return "Bearer "
                + tokens.createUnchecked(login, "matrix", Set.of("read", "write"), 1)
                        .secret();
    }

    private long membershipId(String login, long org, Role role) {
        return asSystem(() -> accounts.membershipsOf(idOf(login)).stream()
                .filter(m -> m.organizationId() == org && m.role() == role && !m.isEnded())
                .findFirst()
                .orElseThrow()
                .id());
    }

    private <T> T asSystem(java.util.function.Supplier<T> action) {
        asSystem();
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
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
        // an organization's page lists who holds which role there
        assertThat(mvc.get().uri("/admin/organizations/{id}", allianceA).with(as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains(secretaryA);
    }

    @Test
    void anAdminCannotSuspendTheirOwnAccount() {
        long self = principals.principal(admin, Set.of()).orElseThrow().personId();
        // the page: a message, the account stays active
        assertThat(mvc.post()
                        .uri("/admin/people/{id}/suspend", self)
                        .with(as(admin))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("problem", "person.error.own-account");
        // the API: a 403 problem
        assertThat(mvc.post()
                        .uri("/api/v1/people/{id}/suspend", self)
                        .with(as(admin))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("person.error.own-account");
        assertThat(principals.principal(admin, Set.of()).orElseThrow().isEnabled())
                .isTrue();
    }

    @Test
    void onlyAnAdminMaySuspendAccounts() {
        long target = principals.principal(outsider, Set.of()).orElseThrow().personId();
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
        assertThat(principals.principal(outsider, Set.of()).orElseThrow().isEnabled())
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
        long member = principals.principal(outsider, Set.of()).orElseThrow().personId();
        var sec = principals.principal(secretaryA, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(sec, null, sec.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            organizations.grant(member, allianceA, Role.ALLIANCE_MEMBER, null, null);
            assertThat(organizations.members(allianceA))
                    .extracting(m -> m.login())
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
        var me = principals.principal(enterpriseUser, Set.of()).orElseThrow();
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
        var me = principals.principal(enterpriseUser, Set.of()).orElseThrow();
        var other = principals.principal(secretaryA, Set.of()).orElseThrow();
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
        var me = principals.principal(login, Set.of()).orElseThrow();
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
        var me = principals.principal(outsider, Set.of()).orElseThrow();
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

    // --- who may change whose roles (issue 8) ---------------------------------------------------

    @Test
    void aBaseOfficerCannotGrantTheAdministratorRoleNorEndAnAdministratorsRoles() {
        String officer2 = fresh("offb", office, Role.BASE_OFFICER);
        String admin2 = fresh("admb", office, Role.ADMIN);
        String token = bearer(officer2);
        // the page: a clear message, nothing granted
        assertThat(mvc.post()
                        .uri("/admin/organizations/{id}/members", office)
                        .with(as(officer2))
                        .with(csrf())
                        .param("personId", String.valueOf(idOf(outsider)))
                        .param("role", "ADMIN"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("problem", "membership.error.admin-only");
        // the API: 403 with the same message
        assertThat(mvc.post()
                        .uri("/api/v1/memberships")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + idOf(officer2) + ",\"organizationId\":" + office
                                + ",\"role\":\"ADMIN\"}"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("membership.error.admin-only");
        assertThat(principals.principal(officer2, Set.of()).orElseThrow().hasRole(Role.ADMIN))
                .isFalse();
        assertThat(principals.principal(outsider, Set.of()).orElseThrow().hasRole(Role.ADMIN))
                .isFalse();
        // nor end the administrator's roles
        long adminRole = membershipId(admin2, office, Role.ADMIN);
        assertThat(mvc.post().uri("/api/v1/memberships/{id}/end", adminRole).header("Authorization", token))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("membership.error.admin-only");
        assertThat(mvc.post()
                        .uri("/admin/memberships/{id}/end", adminRole)
                        .with(as(officer2))
                        .with(csrf())
                        .param("organizationId", String.valueOf(office)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("problem", "membership.error.admin-only");
        assertThat(principals.principal(admin2, Set.of()).orElseThrow().hasRole(Role.ADMIN))
                .isTrue();
        // an administrator may grant it
        assertThat(mvc.post()
                        .uri("/api/v1/memberships")
                        .header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\":\"" + officer2 + "\",\"organizationId\":" + office
                                + ",\"role\":\"ADMIN\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(principals.principal(officer2, Set.of()).orElseThrow().hasRole(Role.ADMIN))
                .isTrue();
    }

    @Test
    void nobodyGrantsOrEndsTheirOwnRoles() {
        String admin3 = fresh("admc", office, Role.ADMIN);
        String token = bearer(admin3);
        assertThat(mvc.post()
                        .uri("/api/v1/memberships")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + idOf(admin3) + ",\"organizationId\":" + allianceA
                                + ",\"role\":\"ALLIANCE_SECRETARY\"}"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("membership.error.own-roles");
        assertThat(mvc.post()
                        .uri("/admin/organizations/{id}/members", allianceA)
                        .with(as(admin3))
                        .with(csrf())
                        .param("personId", String.valueOf(idOf(admin3)))
                        .param("role", "ALLIANCE_SECRETARY"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("problem", "membership.error.own-roles");
        long own = membershipId(admin3, office, Role.ADMIN);
        assertThat(mvc.post().uri("/api/v1/memberships/{id}/end", own).header("Authorization", token))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("membership.error.own-roles");
        assertThat(principals.principal(admin3, Set.of()).orElseThrow().hasRoleIn(allianceA, Role.ALLIANCE_SECRETARY))
                .isFalse();
        assertThat(principals.principal(admin3, Set.of()).orElseThrow().hasRole(Role.ADMIN))
                .isTrue();
        // a secretary cannot add themselves as a member either
        assertThat(mvc.post()
                        .uri("/organizations/{id}/members", allianceA)
                        .with(as(secretaryA))
                        .with(csrf())
                        .param("person", secretaryA))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("problem", "membership.error.own-roles");
    }

    @Test
    void anEndedRoleIsGoneAtOnceForNewLoginsTokensAndMe() {
        String member = fresh("memb", allianceA, Role.ALLIANCE_MEMBER);
        String token = bearer(member);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", token))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.memberships[*].role")
                .asArray()
                .containsExactly("ALLIANCE_MEMBER");
        long membership = membershipId(member, allianceA, Role.ALLIANCE_MEMBER);
        assertThat(mvc.post()
                        .uri("/api/v1/memberships/{id}/end", membership)
                        .header("Authorization", bearer(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"left the alliance\"}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.current").isEqualTo(false);
                    assertThat(json).extractingPath("$.endedAt").isNotNull();
                });
        // the token, /api/v1/me, the principal of a new login: no role, the same day
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", token))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.memberships")
                .asArray()
                .isEmpty();
        assertThat(principals.principal(member, Set.of()).orElseThrow().hasRoleIn(allianceA, Role.ALLIANCE_MEMBER))
                .isFalse();
        assertThat(mvc.get()
                        .uri("/api/v1/organizations/{id}/members", allianceA)
                        .header("Authorization", token))
                .hasStatus(HttpStatus.FORBIDDEN);
        var login = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", member)
                .param("password", "Tea-Garden-2026")
                .exchange();
        assertThat(login).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/me").session((org.springframework.mock.web.MockHttpSession)
                        login.getRequest().getSession()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.memberships")
                .asArray()
                .isEmpty();
        // ending twice is a state conflict, and the role may be granted again the same day
        assertThat(mvc.post().uri("/api/v1/memberships/{id}/end", membership).header("Authorization", bearer(admin)))
                .hasStatus(HttpStatus.CONFLICT);
        asSystem(() -> organizations.grantUnchecked(idOf(member), allianceA, Role.ALLIANCE_MEMBER, null, null));
        assertThat(principals.principal(member, Set.of()).orElseThrow().hasRoleIn(allianceA, Role.ALLIANCE_MEMBER))
                .isTrue();
    }

    @Test
    void aSecretaryAddsAndEndsMembersOfTheirOwnAllianceOnThePage() {
        String joining = fresh("join", enterpriseOrg, Role.ENTERPRISE_USER);
        assertThat(mvc.get().uri("/organizations/{id}/members", allianceA).with(as(secretaryA)))
                .hasStatusOk()
                .bodyText()
                .contains("联盟甲");
        assertThat(mvc.post()
                        .uri("/organizations/{id}/members", allianceA)
                        .with(as(secretaryA))
                        .with(csrf())
                        .param("person", joining + "@example.com"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("notice", "membership.granted");
        assertThat(principals.principal(joining, Set.of()).orElseThrow().hasRoleIn(allianceA, Role.ALLIANCE_MEMBER))
                .isTrue();
        assertThat(mvc.post()
                        .uri("/organizations/{id}/members", allianceA)
                        .with(as(secretaryA))
                        .with(csrf())
                        .param("person", "nobody-" + joining))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("errors", java.util.Map.of("person", "membership.error.person"));
        long membership = membershipId(joining, allianceA, Role.ALLIANCE_MEMBER);
        assertThat(mvc.post()
                        .uri("/organizations/{id}/members/{m}/end", allianceA, membership)
                        .with(as(secretaryA))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("notice", "membership.ended");
        assertThat(principals.principal(joining, Set.of()).orElseThrow().hasRoleIn(allianceA, Role.ALLIANCE_MEMBER))
                .isFalse();
    }

    @Test
    void aSecretaryCannotManageAnotherAllianceNorGrantOtherRoles() {
        String joining = fresh("deny", enterpriseOrg, Role.ENTERPRISE_USER);
        String memberOfB = fresh("memb", allianceB, Role.ALLIANCE_MEMBER);
        String otherSecretaryOfA = fresh("seca", allianceA, Role.ALLIANCE_SECRETARY);
        String token = bearer(secretaryA);
        // pages of alliance B, and for people who are not secretaries
        assertThat(mvc.get().uri("/organizations/{id}/members", allianceB).with(as(secretaryA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/organizations/{id}/members", allianceA).with(as(enterpriseUser)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/organizations/{id}/members", allianceB)
                        .with(as(secretaryA))
                        .with(csrf())
                        .param("person", joining))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri(
                                "/organizations/{id}/members/{m}/end",
                                allianceB,
                                membershipId(memberOfB, allianceB, Role.ALLIANCE_MEMBER))
                        .with(as(secretaryA))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        // the API: members of B, other roles in A, ending B's members or A's secretaries
        assertThat(mvc.post()
                        .uri("/api/v1/memberships")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\":\"" + joining + "\",\"organizationId\":" + allianceB
                                + ",\"role\":\"ALLIANCE_MEMBER\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        for (Role role : List.of(Role.ALLIANCE_SECRETARY, Role.EXPERT, Role.ADMIN)) {
            assertThat(mvc.post()
                            .uri("/api/v1/memberships")
                            .header("Authorization", token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"person\":\"" + joining + "\",\"organizationId\":" + allianceA + ",\"role\":\""
                                    + role + "\"}"))
                    .as(role.name())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post()
                        .uri("/api/v1/memberships/{id}/end", membershipId(memberOfB, allianceB, Role.ALLIANCE_MEMBER))
                        .header("Authorization", token))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri(
                                "/api/v1/memberships/{id}/end",
                                membershipId(otherSecretaryOfA, allianceA, Role.ALLIANCE_SECRETARY))
                        .header("Authorization", token))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(asSystem(() -> accounts.membershipsOf(idOf(joining))))
                .extracting(m -> m.role())
                .containsExactly(Role.ENTERPRISE_USER);
        assertThat(principals.principal(memberOfB, Set.of()).orElseThrow().hasRoleIn(allianceB, Role.ALLIANCE_MEMBER))
                .isTrue();
        // …but may add one to A through the API, by login name
        assertThat(mvc.post()
                        .uri("/api/v1/memberships")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\":\"" + joining + "\",\"organizationId\":" + allianceA
                                + ",\"role\":\"ALLIANCE_MEMBER\"}"))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.role")
                .isEqualTo("ALLIANCE_MEMBER");
    }

    @Test
    void identityApiRefusesWhatThePagesRefuse() {
        String entToken = bearer(enterpriseUser);
        String offToken = bearer(officer);
        long target = idOf(outsider);
        for (String path : List.of("/api/v1/people", "/api/v1/people/" + idOf(officer))) {
            assertThat(mvc.get().uri(path).header("Authorization", entToken))
                    .as(path)
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .hasContentTypeCompatibleWith("application/problem+json");
        }
        assertThat(mvc.get()
                        .uri("/api/v1/organizations/{id}/members", allianceA)
                        .header("Authorization", entToken))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/organizations")
                        .header("Authorization", entToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ENTERPRISE\",\"nameZh\":\"不许\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/organizations/{id}/approve", enterpriseOrg)
                        .header("Authorization", entToken))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.patch()
                        .uri("/api/v1/organizations/{id}", enterpriseOrg)
                        .header("Authorization", entToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameZh\":\"改名\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.patch()
                        .uri("/api/v1/people/{id}", target)
                        .header("Authorization", entToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayNameZh\":\"改名\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/people")
                        .header("Authorization", entToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"login\":\"nope\",\"email\":\"nope@example.com\",\"displayNameZh\":\"不\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        // suspension is for administrators only, as on the page
        assertThat(mvc.post().uri("/api/v1/people/{id}/suspend", target).header("Authorization", offToken))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(principals.principal(outsider, Set.of()).orElseThrow().isEnabled())
                .isTrue();
        // someone else's memberships and tokens
        assertThat(mvc.get()
                        .uri("/api/v1/memberships")
                        .param("personId", String.valueOf(idOf(officer)))
                        .header("Authorization", entToken))
                .hasStatus(HttpStatus.FORBIDDEN);
        long officersToken =
                tokens.createUnchecked(officer, "officer's", Set.of("read"), 1).id();
        assertThat(mvc.delete().uri("/api/v1/tokens/{id}", officersToken).header("Authorization", entToken))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/tokens/{id}", officersToken).header("Authorization", entToken))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void tokensAreMadeFromASessionNeverWithAToken() throws Exception {
        String owner = fresh("tok", enterpriseOrg, Role.ENTERPRISE_USER);
        var created = mvc.post()
                .uri("/api/v1/tokens")
                .with(as(owner))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"],\"validDays\":30}")
                .exchange();
        assertThat(created)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.secret")
                .asString()
                .startsWith("sth_");
        String secret = JsonPath.read(created.getResponse().getContentAsString(), "$.secret");
        // a token (even one with the write scope) cannot make another token
        assertThat(mvc.post()
                        .uri("/api/v1/tokens")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"more\",\"scopes\":[\"read\",\"write\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        var ownerPrincipal = principals.principal(owner, Set.of()).orElseThrow();
        assertThat(asSystem(() -> tokens.mine(ownerPrincipal.personId(), ownerPrincipal)))
                .extracting(ApiToken::getName)
                .containsExactly("ci");
        // without CSRF a session cannot either
        assertThat(mvc.post()
                        .uri("/api/v1/tokens")
                        .with(as(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"csrf\",\"scopes\":[\"read\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
