package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;

/** The programme's API and pages over HTTP: sign-in, per-object denials, problem details, pages and exports. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Contracts contracts;

    ProgrammeFixtures f;
    String officer;
    String memberA;
    String memberB;
    long unitA;
    ContractView contract;

    @BeforeAll
    void setUp() {
        f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        officer = f.officer();
        unitA = f.unit("接口甲");
        long unitB = f.unit("接口乙");
        memberA = f.member(unitA);
        memberB = f.member(unitB);
        contract = f.contractInForce(unitA, Center.TALENT, Indicator.PEOPLE_CERTIFIED);
    }

    @Test
    void theApiNeedsASignedInCallerAndShowsAUnitItsOwnContractsOnly() {
        assertThat(mvc.get().uri("/api/v1/contracts")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/contracts/{id}", contract.id()).with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.number")
                .isEqualTo(contract.number());
        assertThat(mvc.get().uri("/api/v1/contracts/{id}", contract.id()).with(user(f.user(memberB))))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get()
                        .uri("/api/v1/tasks/{id}", contract.tasks().getFirst().id())
                        .with(user(f.user(memberB))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/programme/contracts/{id}", contract.id()).with(user(f.user(memberB))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void badInputIsA400WithFieldErrorsAndAnIllegalStepA409() {
        assertThat(
                        mvc.post()
                                .uri("/api/v1/contracts")
                                .with(user(f.user(officer)))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"\",\"organizationId\":" + unitA
                                                + ",\"center\":\"PLATFORM\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2025-01-01\",\"budget\":-5}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .hasPathSatisfying("$.errors.title", v -> assertThat(v).isNotNull())
                .hasPathSatisfying("$.errors.endsOn", v -> assertThat(v).isNotNull())
                .hasPathSatisfying("$.errors.budget", v -> assertThat(v).isNotNull());
        assertThat(mvc.post()
                        .uri("/api/v1/contracts/{id}/transitions", contract.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transition\":\"SIGN\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a unit member may not draft a contract
        assertThat(mvc.post()
                        .uri("/api/v1/contracts")
                        .with(user(f.user(memberA)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        // unreadable JSON is a 400, not a 500
        assertThat(mvc.post()
                        .uri(
                                "/api/v1/tasks/{id}/report",
                                contract.tasks().getFirst().id())
                        .with(user(f.user(memberA)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"progress\":\"lots\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void pagesRenderForTheirReadersAndTheExportIsTheOfficesOnly() {
        assertThat(mvc.get().uri("/programme").with(user(f.user(memberA)))).hasStatusOk();
        assertThat(mvc.get().uri("/programme/contracts").with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyText()
                .contains(contract.number());
        assertThat(mvc.get().uri("/programme/contracts").with(user(f.user(memberB))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(contract.number());
        assertThat(mvc.get().uri("/programme/contracts/{id}", contract.id()).with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains(contract.number())
                .contains("建设方案");
        assertThat(mvc.get().uri("/programme/subsidy-claims").with(user(f.user(memberA))))
                .hasStatusOk();
        assertThat(mvc.get().uri("/programme/indicators/VERIFICATIONS_DONE").with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("暂无数据来源");
        assertThat(mvc.get().uri("/api/v1/tranches/export.csv").with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains("tranche_id");
        assertThat(mvc.get().uri("/api/v1/tranches/export.xlsx").with(user(f.user(officer))))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/tranches/export.csv").with(user(f.user(memberA))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Autowired
    Bulletins bulletins;

    @Test
    void aBulletinIsDraftedFromTheDataApprovedByASecondOfficerAndPublished() {
        String second = f.officer();
        f.signIn(officer);
        BulletinView draft = bulletins.draft(
                new Bulletins.Draft(java.time.LocalDate.of(2031, 1, 1), java.time.LocalDate.of(2031, 3, 31)));
        assertThat(draft.body()).contains("VERIFICATIONS_DONE: ").doesNotContain("暂无数据来源");
        bulletins.edit(draft.id(), new Bulletins.Edit("接口简报 " + draft.id(), draft.body() + "\n编辑后的说明"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bulletins.approve(draft.id()))
                .isInstanceOf(org.stdhub.platform.NotPermittedException.class);
        // not public before it is published
        assertThat(mvc.get().uri("/bulletins/{id}", draft.id())).hasStatus(HttpStatus.NOT_FOUND);
        f.signIn(second);
        bulletins.approve(draft.id());
        bulletins.publish(draft.id());
        TestPeople.signOut();

        assertThat(mvc.get().uri("/bulletins")).hasStatusOk().bodyText().contains("接口简报 " + draft.id());
        assertThat(mvc.get().uri("/bulletins/{id}", draft.id()))
                .hasStatusOk()
                .bodyText()
                .contains("编辑后的说明");
        assertThat(mvc.get().uri("/feeds/bulletins")).hasStatusOk().bodyText().contains("接口简报 " + draft.id());
        var pdf = mvc.get().uri("/bulletins/{id}/pdf", draft.id()).exchange();
        assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        assertThat(new String(
                        pdf.getResponse().getContentAsByteArray(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
        assertThat(mvc.get().uri("/api/v1/bulletins")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v1/bulletins").with(user(f.user(memberA))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theDashboardHandsItsChartTheTableBesideItAndTheScriptsAreServed() {
        f.signIn(officer);
        indicators.setTarget(new IndicatorForms.Target(
                2034, Center.INNOVATION, null, Indicator.GROUP_STANDARDS_PUBLISHED, 1, 2, 3, 4));
        indicators.setTarget(
                new IndicatorForms.Target(2034, Center.VERIFICATION, null, Indicator.VERIFICATIONS_DONE, 1, 1, 1, 1));
        TestPeople.signOut();
        assertThat(mvc.get().uri("/programme?year=2034").with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"indicator-chart\"")
                .contains("data-target=\"10\"")
                .contains("data-actual=\"0\"")
                .doesNotContain("暂无数据来源")
                .contains("/js/programme-dashboard.js")
                .doesNotContain("<script>");
        assertThat(mvc.get().uri("/webjars/echarts/dist/echarts.min.js")).hasStatusOk();
        assertThat(mvc.get().uri("/js/programme-dashboard.js")).hasStatusOk();
    }

    @Autowired
    Indicators indicators;

    @Autowired
    Committees committees;

    @Test
    void committeesRecordMeetingsAndLinkedDecisionsAndATcNeedsItsSecretariat() {
        f.signIn(officer);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> committees.create(
                        new Committees.NewCommittee(Committees.Kind.TECHNICAL_COMMITTEE, "某技术委员会", null, null, null)))
                .isInstanceOf(org.stdhub.platform.InvalidInputException.class);
        // a secretariat that is no organization: 400, nothing written
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> committees.create(new Committees.NewCommittee(
                        Committees.Kind.TECHNICAL_COMMITTEE, "无秘书处", "SAC/TC 997", 999_999_999L, null)))
                .isInstanceOfSatisfying(
                        org.stdhub.platform.InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("secretariatOrganizationId"));
        var tc = committees.create(new Committees.NewCommittee(
                Committees.Kind.TECHNICAL_COMMITTEE, "全国某标准化技术委员会", "SAC/TC 998", unitA, "某领域"));
        var expert = committees.create(
                new Committees.NewCommittee(Committees.Kind.EXPERT_COMMITTEE, "专家委员会", null, null, null));
        committees.addMember(expert.id(), new Committees.NewMember("张三", "主任委员"));
        // a member with an account is linked to it (name taken from the account); an outsider keeps a name only
        var linked = committees.addMember(expert.id(), new Committees.NewMember(null, "委员", null, memberA));
        assertThat(linked.members())
                .extracting(Committees.Member::position, Committees.Member::personId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("主任委员", null),
                        org.assertj.core.groups.Tuple.tuple("委员", f.people.personId(memberA)));
        assertThat(linked.members().get(1).name()).isEqualTo(f.user(memberA).displayName());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> committees.addMember(expert.id(), new Committees.NewMember(null, "委员", null, memberA)))
                .isInstanceOf(org.stdhub.platform.ConflictException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> committees.addMember(
                        expert.id(), new Committees.NewMember(null, "委员", null, "nobody-" + System.nanoTime())))
                .isInstanceOfSatisfying(
                        org.stdhub.platform.InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("login"));
        var withMeeting = committees.addMeeting(
                expert.id(), new Committees.NewMeeting(java.time.LocalDate.of(2026, 3, 1), "审议年度计划"));
        long meeting = withMeeting.meetings().getFirst().id();
        committees.addDecision(
                meeting,
                new Committees.NewDecision(
                        "建议补充验证中心指标", "contract", String.valueOf(contract.id()), Committees.RecordKind.OPINION));
        var decided = committees.addDecision(
                meeting, new Committees.NewDecision("同意年度计划", "contract", String.valueOf(contract.id())));
        assertThat(decided.meetings().getFirst().decisions())
                .extracting(Committees.Decision::kind, Committees.Decision::subjectLink)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Committees.RecordKind.OPINION, "/programme/contracts/" + contract.id()),
                        org.assertj.core.groups.Tuple.tuple(
                                Committees.RecordKind.DECISION, "/programme/contracts/" + contract.id()));
        // what a decision links to must exist
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        committees.addDecision(meeting, new Committees.NewDecision("同意", "contract", "999999999")))
                .isInstanceOfSatisfying(
                        org.stdhub.platform.InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("subjectId"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> committees.addDecision(meeting, new Committees.NewDecision("同意", "spaceship", "1")))
                .isInstanceOfSatisfying(
                        org.stdhub.platform.InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("subjectType"));
        TestPeople.signOut();
        assertThat(mvc.get().uri("/programme/committees").with(user(f.user(memberA))))
                .hasStatusOk()
                .bodyText()
                .contains("SAC/TC 998")
                .contains("同意年度计划")
                .contains("href=\"/programme/contracts/" + contract.id() + "\"");
        assertThat(mvc.post()
                        .uri("/api/v1/committees/meetings/{m}/decisions", meeting)
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"x\",\"subjectType\":\"contract\",\"subjectId\":\"abc\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("a record that exists");
        assertThat(mvc.post()
                        .uri("/api/v1/committees/{id}/members", tc.id())
                        .with(user(f.user(memberA)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"position\":\"y\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRefusedFormComesBackAsAMessageOnThePage() {
        var result = mvc.post()
                .uri("/programme/tasks/{id}/report", contract.tasks().getFirst().id())
                .with(user(f.user(memberA)))
                .with(csrf())
                .param("progress", "150")
                .param("report", "进度")
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/programme/contracts/" + contract.id());
        java.util.Map<String, Object> flash = result.getMvcResult().getFlashMap();
        assertThat(flash).containsKey("errors");
    }
}
