package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The identity API: organizations, people, memberships, tokens — what it does, its errors, its OpenAPI entries. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityApiTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = String.valueOf(System.nanoTime() % 1_000_000);

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

    long office;
    String officer;
    String officerToken;

    @BeforeAll
    void people() {
        asSystem();
        try {
            office = organizations.all().stream()
                    .filter(o -> o.getKind() == OrganizationKind.BASE_OFFICE)
                    .findFirst()
                    .orElseThrow()
                    .getId();
            officer = person("apioff", office, Role.BASE_OFFICER);
            officerToken = "Bearer "
                    + tokens.createUnchecked(officer, "api", Set.of("read", "write"), 1)
                            .secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void asSystem() {
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "test", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(ctx);
    }

    private String person(String prefix, long org, Role role) {
        String login = prefix + RUN + "n" + SEQ.incrementAndGet();
        var created = accounts.createPersonUnchecked(new NewPerson(
                login, login + "@example.com", null, "接口" + SEQ.incrementAndGet(), null, "Tea-Garden-2026"));
        organizations.grantUnchecked(created.personId(), org, role, null, null);
        return login;
    }

    private static String json(Map<String, ?> body) {
        StringBuilder b = new StringBuilder("{");
        body.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(k).append("\":");
            b.append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
        });
        return b.append('}').toString();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(String uri, Map<String, ?> body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", officerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(body))
                .exchange();
    }

    private long createdId(org.springframework.test.web.servlet.assertj.MvcTestResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void theBaseOfficeCreatesChangesAndReadsOrganizations() throws Exception {
        var parent = post("/api/v1/organizations", Map.of("kind", "ALLIANCE", "nameZh", "接口联盟" + RUN));
        assertThat(parent)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("APPROVED");
        long parentId = createdId(parent);
        var child = post(
                "/api/v1/organizations",
                Map.of("kind", "ENTERPRISE", "nameZh", "接口企业" + RUN, "nameEn", "API Co", "parentId", parentId));
        assertThat(child)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.parentId")
                .isEqualTo((int) parentId);
        long childId = createdId(child);

        assertThat(mvc.patch()
                        .uri("/api/v1/organizations/{id}", childId)
                        .header("Authorization", officerToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameZh\":\"接口企业改" + RUN + "\",\"nameEn\":\"\"}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(j -> {
                    assertThat(j).extractingPath("$.nameZh").isEqualTo("接口企业改" + RUN);
                    assertThat(j).extractingPath("$.nameEn").isNull();
                    assertThat(j).extractingPath("$.parentId").isEqualTo((int) parentId);
                });
        // an organization cannot sit under its own child
        assertThat(mvc.patch()
                        .uri("/api/v1/organizations/{id}", parentId)
                        .header("Authorization", officerToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + childId + "}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.parentId")
                .isNotNull();
        assertThat(mvc.get().uri("/api/v1/organizations/{id}", childId).header("Authorization", officerToken))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.nameZh")
                .isEqualTo("接口企业改" + RUN);
        assertThat(mvc.get().uri("/api/v1/organizations").header("Authorization", officerToken))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].id")
                .asArray()
                .contains((int) parentId, (int) childId);
        assertThat(mvc.get().uri("/api/v1/organizations/{id}", 999_999_999).header("Authorization", officerToken))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void fieldsLongerThanTheirColumnsAreFieldErrorsNeverServerErrors() {
        String long201 = "E".repeat(201);
        assertThat(post("/api/v1/organizations", Map.of("kind", "ENTERPRISE", "nameZh", "长名" + RUN, "nameEn", long201)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith("application/problem+json")
                .bodyJson()
                .extractingPath("$.errors.nameEn")
                .asString()
                .contains("200");
        assertThat(post("/api/v1/organizations", Map.of("kind", "ENTERPRISE", "nameZh", "名".repeat(201))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.nameZh")
                .isNotNull();
        assertThat(post("/api/v1/organizations", Map.of("kind", "NOT_A_KIND", "nameZh", "x")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(
                        "/api/v1/people",
                        Map.of(
                                "login", "longen" + RUN,
                                "email", "longen" + RUN + "@example.com",
                                "displayNameZh", "长",
                                "displayNameEn", "N".repeat(101),
                                "mobile", "+" + "1".repeat(20))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(j -> {
                    assertThat(j).extractingPath("$.errors.displayNameEn").isNotNull();
                    assertThat(j).extractingPath("$.errors.mobile").isNotNull();
                });
        // the page shows the message beside the form
        assertThat(mvc.post()
                        .uri("/admin/organizations")
                        .with(user(principals.principal(officer, Set.of()).orElseThrow()))
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("nameZh", "页面长名" + RUN)
                        .param("nameEn", long201))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("errors", Map.of("nameEn", "organization.error.name-en"));
    }

    @Test
    void grantingARoleHeldAlreadyIsAConflict() {
        String holder;
        asSystem();
        try {
            holder = person("apidup", office, Role.EXPERT);
        } finally {
            SecurityContextHolder.clearContext();
        }
        long holderId = principals.principal(holder, Set.of()).orElseThrow().personId();
        assertThat(post(
                        "/api/v1/memberships",
                        Map.of("personId", holderId, "organizationId", office, "role", "EXPERT")))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("membership.error.duplicate");
    }

    @Test
    void approvingOrRejectingTwiceIsAConflict() throws Exception {
        long pending;
        asSystem();
        try {
            pending = organizations
                    .createUnchecked(OrganizationKind.ENTERPRISE, "待审" + RUN, null, null, null)
                    .getId();
        } finally {
            SecurityContextHolder.clearContext();
        }
        // created approved by the base office: neither approve nor reject applies any more
        assertThat(mvc.post().uri("/api/v1/organizations/{id}/approve", pending).header("Authorization", officerToken))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentTypeCompatibleWith("application/problem+json")
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("organization.error.not-pending");
        assertThat(post("/api/v1/organizations/" + pending + "/reject", Map.of("comment", "duplicate")))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/admin/organizations/{id}/approve", pending)
                        .with(user(principals.principal(officer, Set.of()).orElseThrow()))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("problem", "organization.error.not-pending");
    }

    @Test
    void peopleAreCreatedChangedSuspendedAndListedThroughTheApi() throws Exception {
        String login = "apiperson" + RUN;
        var created =
                post("/api/v1/people", Map.of("login", login, "email", login + "@example.com", "displayNameZh", "接口人"));
        assertThat(created)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.oneTimePassword")
                .isNotNull();
        long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.personId")).longValue();
        assertThat(mvc.patch()
                        .uri("/api/v1/people/{id}", id)
                        .header("Authorization", officerToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayNameEn\":\"API Person\",\"mobile\":\"+86 138 0000 0000\"}"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(j -> {
                    assertThat(j).extractingPath("$.displayNameEn").isEqualTo("API Person");
                    assertThat(j).extractingPath("$.displayNameZh").isEqualTo("接口人");
                    assertThat(j).doesNotHavePath("$.passwordHash");
                });
        assertThat(mvc.get().uri("/api/v1/people/{id}", id).header("Authorization", officerToken))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.mobile")
                .isEqualTo("+86 138 0000 0000");
        String adminToken = "Bearer "
                + tokens.createUnchecked("root", "api", Set.of("read", "write"), 1)
                        .secret();
        assertThat(mvc.post()
                        .uri("/api/v1/people/{id}/suspend", id)
                        .header("Authorization", adminToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"test\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("SUSPENDED");
        assertThat(mvc.post().uri("/api/v1/people/{id}/reactivate", id).header("Authorization", adminToken))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ACTIVE");
        // an account that is not suspended cannot be reactivated, nor a suspended one suspended again: 409
        assertThat(mvc.post().uri("/api/v1/people/{id}/reactivate", id).header("Authorization", adminToken))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("person.error.not-suspended");
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.post()
                            .uri("/api/v1/people/{id}/suspend", id)
                            .header("Authorization", adminToken)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .hasStatus(i == 0 ? HttpStatus.OK : HttpStatus.CONFLICT);
        }
        assertThat(mvc.post().uri("/api/v1/people/{id}/reactivate", id).header("Authorization", adminToken))
                .hasStatusOk();
        // a person changes their own names, and reads their own memberships
        var self = principals.principal(officer, Set.of()).orElseThrow();
        assertThat(mvc.patch()
                        .uri("/api/v1/people/{id}", self.personId())
                        .with(user(self))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayNameEn\":\"Officer\"}"))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/memberships")
                        .param("personId", String.valueOf(self.personId()))
                        .header("Authorization", officerToken))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].role")
                .isEqualTo("BASE_OFFICER");
        assertThat(mvc.get().uri("/api/v1/memberships").header("Authorization", officerToken))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void ownTokensAreListedAndRevokedThroughTheApi() throws Exception {
        String owner;
        asSystem();
        try {
            owner = person("apitok", office, Role.EXPERT);
        } finally {
            SecurityContextHolder.clearContext();
        }
        var me = principals.principal(owner, Set.of()).orElseThrow();
        var created = mvc.post()
                .uri("/api/v1/tokens")
                .with(user(me))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"build\",\"scopes\":[\"read\",\"write\"],\"validDays\":7}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String secret = JsonPath.read(created.getResponse().getContentAsString(), "$.secret");
        long id = ((Number) JsonPath.read(created.getResponse().getContentAsString(), "$.id")).longValue();
        assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + secret))
                .hasStatusOk()
                .bodyJson()
                .satisfies(j -> {
                    assertThat(j).extractingPath("$[0].name").isEqualTo("build");
                    assertThat(j).doesNotHavePath("$[0].secret");
                    assertThat(j).extractingPath("$[0].scopes").asArray().containsExactly("read", "write");
                });
        assertThat(mvc.post()
                        .uri("/api/v1/tokens")
                        .with(user(me))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"bad\",\"scopes\":[\"admin\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.scopes")
                .isNotNull();
        assertThat(mvc.delete().uri("/api/v1/tokens/{id}", id).header("Authorization", "Bearer " + secret))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/tokens/{id}/revoke", id)
                        .with(user(me))
                        .with(csrf()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.revokedAt")
                .isNotNull();
    }

    @Test
    void theOpenApiDocumentListsEveryIdentityOperation() {
        var doc =
                assertThat(mvc.get().uri("/api/v1/openapi.json")).hasStatusOk().bodyJson();
        Map<String, List<String>> expected = Map.of(
                "/api/v1/organizations", List.of("get", "post"),
                "/api/v1/organizations/{id}", List.of("get", "patch"),
                "/api/v1/organizations/{id}/approve", List.of("post"),
                "/api/v1/organizations/{id}/reject", List.of("post"),
                "/api/v1/organizations/{id}/members", List.of("get"),
                "/api/v1/people", List.of("get", "post"),
                "/api/v1/people/{id}", List.of("get", "patch"),
                "/api/v1/people/{id}/suspend", List.of("post"),
                "/api/v1/people/{id}/reactivate", List.of("post"),
                "/api/v1/memberships", List.of("get", "post"));
        expected.forEach((path, methods) -> methods.forEach(
                method -> doc.as(method + " " + path).hasPath("$.paths['" + path + "']['" + method + "']")));
        Map<String, List<String>> more = Map.of(
                "/api/v1/memberships/{id}", List.of("get"),
                "/api/v1/memberships/{id}/end", List.of("post"),
                "/api/v1/tokens", List.of("get", "post"),
                "/api/v1/tokens/{id}", List.of("get", "delete"),
                "/api/v1/tokens/{id}/revoke", List.of("post"),
                "/api/v1/people/{id}/memberships", List.of("get"),
                "/api/v1/me", List.of("get"));
        more.forEach((path, methods) -> methods.forEach(
                method -> doc.as(method + " " + path).hasPath("$.paths['" + path + "']['" + method + "']")));
    }
}
