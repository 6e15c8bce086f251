package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.stdhub.MutableClock;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/** The development API and pages over HTTP: what each role may do, and every refusal as a problem or a message. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevelopmentHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Alliances alliances;

    @Autowired
    MutableClock clock;

    DevelopmentFixtures f;
    AllianceView a;
    AllianceView b;
    String officer;
    String secretaryA;
    String secretaryB;
    String memberA;
    String memberA2;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("接口联盟甲");
        b = f.alliance("接口联盟乙");
        officer = f.people.officer("offi");
        secretaryA = f.person("hseca", a.organizationId(), Role.ALLIANCE_SECRETARY);
        secretaryB = f.person("hsecb", b.organizationId(), Role.ALLIANCE_SECRETARY);
        memberA = f.person("hmema", a.organizationId(), Role.ALLIANCE_MEMBER);
        memberA2 = f.person("hmemb", a.organizationId(), Role.ALLIANCE_MEMBER);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private RequestPostProcessor as(String login) {
        return user(f.people.principal(login));
    }

    private long propose(String title) throws Exception {
        var result = mvc.post()
                .uri("/api/v1/projects")
                .with(as(memberA))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"allianceId\":" + a.id() + ",\"titleZh\":\"" + title
                        + "\",\"scope\":\"范围\",\"kind\":\"NEW\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return ((Number) com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.id"))
                .longValue();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult move(String login, long id, String transition) {
        return mvc.post()
                .uri("/api/v1/projects/{id}/transitions", id)
                .with(as(login))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"transition\":\"" + transition + "\",\"comment\":\"按程序\"}")
                .exchange();
    }

    @Test
    void anyoneReadsAlliancesAndOnlyTheBaseOfficeRegistersThem() {
        assertThat(mvc.get().uri("/api/v1/alliances")).hasStatusOk().bodyText().contains(a.prefix(), b.prefix());
        assertThat(mvc.get().uri("/alliances")).hasStatusOk().bodyText().contains(a.nameZh(), a.prefix());
        long org = f.allianceOrganization("接口注册联盟");
        String body = "{\"organizationId\":" + org + ",\"groupCode\":\"%s\"}";
        assertThat(mvc.post()
                        .uri("/api/v1/alliances")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(DevelopmentFixtures.freshCode())))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/alliances")
                        .with(as(secretaryA))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(DevelopmentFixtures.freshCode())))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/alliances")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("T/GB")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.groupCode")
                .asString()
                .contains("国家标准");
        assertThat(mvc.post()
                        .uri("/api/v1/alliances")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(a.prefix())))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/alliances")
                        .with(as(officer))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(DevelopmentFixtures.freshCode())))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void anIllegalTransitionIsAConflictThatNamesWhatIsMissing() throws Exception {
        long id = propose("冲突说明项目");
        assertThat(move(secretaryA, id, "REGISTER_PROJECT"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.missing").isEqualTo("STAGE");
                    assertThat(json).extractingPath("$.transition").isEqualTo("REGISTER_PROJECT");
                    assertThat(json).extractingPath("$.detail").asString().contains("00.00", "00.20");
                });
        assertThat(move(secretaryA, id, "START_REVIEW")).hasStatusOk();
        assertThat(move(secretaryA, id, "REGISTER_PROJECT")).hasStatusOk();
        assertThat(move(secretaryA, id, "INITIATE_PROJECT_BALLOT"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.missing")
                .isEqualTo("OPEN_BALLOT");
        assertThat(move(secretaryA, id, "NO_SUCH_STEP")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/projects/{id}/transitions", id))
                .hasStatusOk()
                .bodyText()
                .contains("START_REVIEW", "REGISTER_PROJECT", "按程序");
    }

    @Test
    void aSecretaryOrMemberOfAnotherAllianceAndAnonymousCallersCannotAct() throws Exception {
        long id = propose("越权测试项目");
        assertThat(move(secretaryB, id, "START_REVIEW")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(move(memberA, id, "START_REVIEW")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/projects/{id}/transitions", id)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transition\":\"START_REVIEW\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/projects")
                        .with(as(secretaryB))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"allianceId\":" + a.id() + ",\"titleZh\":\"越界\",\"scope\":\"s\",\"kind\":\"NEW\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/projects/{id}", id))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.stage")
                .isEqualTo("00.00");
    }

    @Test
    void votersVoteOverTheApiUntilTheCloseAndTheResultIsRecorded() throws Exception {
        clock.set(clock.daysFromToday(1));
        long id = propose("接口投票项目");
        move(secretaryA, id, "START_REVIEW");
        move(secretaryA, id, "REGISTER_PROJECT");
        String closes = clock.instant().plus(Duration.ofDays(10)).toString();
        var opened = mvc.post()
                .uri("/api/v1/projects/{id}/ballots", id)
                .with(as(secretaryA))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"closesAt\":\"" + closes + "\",\"panel\":[" + f.personId(memberA) + ","
                        + f.personId(memberA2) + "]}")
                .exchange();
        assertThat(opened).hasStatus(HttpStatus.CREATED);
        long ballot = ((Number)
                        com.jayway.jsonpath.JsonPath.read(opened.getResponse().getContentAsString(), "$.id"))
                .longValue();
        String vote = "/api/v1/ballots/" + ballot + "/votes";
        assertThat(mvc.post()
                        .uri(vote)
                        .with(as(memberA))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"position\":\"DISAPPROVE\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri(vote)
                        .with(as(memberA))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"position\":\"APPROVE\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.myVote")
                .isEqualTo("APPROVE");
        assertThat(mvc.post()
                        .uri(vote)
                        .with(as(secretaryB))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"position\":\"APPROVE\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        clock.advance(Duration.ofDays(10));
        assertThat(mvc.post()
                        .uri(vote)
                        .with(as(memberA2))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"position\":\"APPROVE\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/ballots/{id}/close", ballot)
                        .with(as(secretaryA))
                        .with(csrf()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.outcome").isEqualTo("APPROVED");
                    assertThat(json).extractingPath("$.approve").isEqualTo(1);
                });
        assertThat(mvc.get().uri("/projects/{id}", id).with(as(secretaryA)))
                .hasStatusOk()
                .bodyText()
                .contains("10.60", "赞成 1", "批准立项");
    }

    @Test
    void theProjectPageShowsTheStageNextActionAndARefusalInWords() throws Exception {
        long id = propose("页面展示项目");
        assertThat(mvc.get().uri("/projects/{id}", id))
                .hasStatusOk()
                .bodyText()
                .contains("页面展示项目", "00.00", "提案已收到", "开始审查提案", a.nameZh())
                .doesNotContain("transition-form");
        assertThat(mvc.get().uri("/projects/{id}", id).with(as(secretaryA)))
                .hasStatusOk()
                .bodyText()
                .contains("transition-form");
        var refused = mvc.post()
                .uri("/projects/{id}/transitions", id)
                .with(as(secretaryA))
                .with(csrf())
                .param("transition", "APPROVE_PROJECT")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND);
        assertThat((String) refused.getMvcResult().getFlashMap().get("problem")).contains("批准立项", "00.00", "10.60");
        assertThat(mvc.post()
                        .uri("/projects/{id}/transitions", id)
                        .with(as(secretaryA))
                        .with(csrf())
                        .param("transition", "START_REVIEW"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/alliances/{id}", a.id()))
                .hasStatusOk()
                .bodyText()
                .contains("页面展示项目", "00.20", "提案审查中");
        assertThat(mvc.post().uri("/projects/{id}/transitions", id).param("transition", "ABANDON_PROPOSAL"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void anyoneSignedInDeclaresAPatentOnceAndEveryoneSeesIt() throws Exception {
        long id = propose("专利披露项目");
        String patent = "{\"holder\":\"某专利权人公司\",\"patentNumber\":\"zl 2023 1000 0000.1\",\"licensing\":\"FRAND\"}";
        assertThat(mvc.post()
                        .uri("/api/v1/projects/{id}/patents", id)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(patent))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/projects/{id}/patents", id)
                        .with(as(secretaryB))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(patent))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.patentNumber")
                .isEqualTo("ZL202310000000.1");
        assertThat(mvc.post()
                        .uri("/api/v1/projects/{id}/patents", id)
                        .with(as(memberA))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(patent))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/projects/{id}/patents", id)
                        .with(as(memberA))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"holder\":\" \",\"patentNumber\":\"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors")
                .asMap()
                .containsKeys("holder", "patentNumber", "licensing");
        assertThat(mvc.get().uri("/projects/{id}", id))
                .hasStatusOk()
                .bodyText()
                .contains("ZL202310000000.1", "某专利权人公司", "公平、合理、无歧视许可");
    }
}
