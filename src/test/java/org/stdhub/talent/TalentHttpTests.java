package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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

/** The talent API and pages over HTTP: roles, denials, problem details, the public verification. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Experts experts;

    @Autowired
    Draws draws;

    @Autowired
    org.stdhub.development.Alliances alliances;

    @Autowired
    org.stdhub.development.Projects projects;

    TalentFixtures f;
    String officer;
    String field;
    List<String> pool = new ArrayList<>();
    long drawId;

    @BeforeAll
    void setUp() {
        f = new TalentFixtures(accounts, organizations, principals, experts);
        officer = f.officer();
        field = TalentFixtures.field();
        for (int i = 0; i < 7; i++) {
            String login = f.person("hexp");
            f.activeExpert(login, field);
            pool.add(login);
        }
        long party = f.organization("接口企业");
        f.signIn(officer);
        drawId = draws.request(TalentFixtures.request(DrawPurpose.VERIFICATION, "验证评价 " + field, field, 5, 1, party))
                .id();
        draws.commit(drawId);
        draws.draw(drawId);
        TestPeople.signOut();
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void aPersonAppliesOverTheApiAndTheOfficeApprovesWithProblemDetailsForMistakes() throws Exception {
        String applicant = f.person("happ");
        var created = mvc.post()
                .uri("/api/v1/experts")
                .with(user(f.user(applicant)))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"icsCodes\":\"" + TalentFixtures.field()
                        + "\",\"title\":\"SENIOR\",\"yearsInField\":12,\"region\":\"新乡\"}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String body = created.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        int id = JsonPath.read(body, "$.id");
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("APPLICANT");

        assertThat(mvc.post()
                        .uri("/api/v1/experts")
                        .with(user(f.user(f.person("hbad"))))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"icsCodes\":\"x.y\",\"yearsInField\":-1}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.icsCodes")
                .isEqualTo("分类号无法识别：ICS 形如 01.040.10，CCS 形如 A00。");
        // the applicant cannot approve themself; the office cannot approve before the review
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + id + "/start-review")
                        .with(user(f.user(applicant)))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + id + "/approve")
                        .with(user(f.user(officer)))
                        .with(csrf()))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + id + "/start-review")
                        .with(user(f.user(officer)))
                        .with(csrf()))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + id + "/approve")
                        .with(user(f.user(officer)))
                        .with(csrf()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ACTIVE");
        assertThat(mvc.get().uri("/api/v1/experts/me").with(user(f.user(applicant))))
                .hasStatus(HttpStatus.OK);
        // an expert does not search the database
        assertThat(mvc.get().uri("/api/v1/experts").with(user(f.user(applicant))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/experts?q=" + field).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(7);
        assertThat(mvc.get().uri("/api/v1/experts")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anExpertCannotSeeASealedDrawAndStaffCannotChangeItsResult() {
        String expert = pool.get(0);
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId).with(user(f.user(expert))))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .isNotBlank();
        assertThat(mvc.get().uri("/api/v1/draws").with(user(f.user(expert)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/draws/" + drawId).with(user(f.user(expert)))).hasStatus(HttpStatus.FORBIDDEN);

        String staff = f.officer();
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId).with(user(f.user(staff))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.positions.length()")
                .isEqualTo(0);
        assertThat(mvc.post()
                        .uri("/api/v1/draws/" + drawId + "/replacements")
                        .with(user(f.user(staff)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"position\":1,\"outcome\":\"DISQUALIFIED\",\"reason\":\"换人\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/draws/" + drawId + "/decision")
                        .with(user(f.user(staff)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"决定\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        // there is no way to write a result: the draw resource takes no PUT/PATCH
        assertThat(mvc.put()
                        .uri("/api/v1/draws/" + drawId)
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"positions\":[]}"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.positions.length()")
                .isEqualTo(6);
    }

    @Test
    void theVerificationIsPublicAndRefusesBadInput() {
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId + "/verification"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.inputsMatch")
                .isEqualTo(true);
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId + "/verification"))
                .bodyJson()
                .extractingPath("$.seed")
                .isNull();
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId + "/verification?seed=zz"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId + "/verification?exclusions=1:bad"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/draws/999999999/verification")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/draws/" + drawId + "/verification"))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("专家抽取验证", "id=\"sealed\"", "id=\"inputs-hash\"");
        assertThat(mvc.get().uri("/api/v1/draws/" + drawId)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDecidedDrawIsVerifiedOnThePublicPage() {
        String field2 = TalentFixtures.field();
        for (int i = 0; i < 5; i++) {
            f.activeExpert(f.person("hpub"), field2);
        }
        f.signIn(officer);
        long id = draws.request(TalentFixtures.request(DrawPurpose.FUNDING_DECISION, "资金决策 " + field2, field2, 5, 0))
                .id();
        draws.commit(id);
        draws.draw(id);
        draws.decide(id, "资助");
        TestPeople.signOut();
        assertThat(mvc.get().uri("/draws/" + id + "/verification"))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"verified\"", "id=\"seed\"", "id=\"recomputed-result\"");
        assertThat(mvc.get().uri("/draws/" + id + "/verification?seed=" + "a".repeat(64)))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"claim-failed\"")
                .doesNotContain("id=\"verified\"");
        // once decided, the result is public to every signed-in person too
        assertThat(mvc.get().uri("/api/v1/draws/" + id).with(user(f.user(pool.get(0)))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.positions.length()")
                .isEqualTo(5);
    }

    @Test
    void theRequestPageTakesExclusionsOneALineAndRefusesAMalformedLineKeepingWhatWasTyped() {
        f.signIn(pool.get(6));
        long excluded = experts.mine().orElseThrow().id();
        f.signIn(officer);
        int before = draws.list().size();
        TestPeople.signOut();
        assertThat(mvc.get().uri("/draws").with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"excludedExperts\"", "各用途最少人数", "资金决策 5");

        // one exclusion (full-width colon, a blank line around it) is stored with its reason
        String subject = "页面回避 " + field;
        var done = mvc.post()
                .uri("/draws")
                .with(user(f.user(officer)))
                .with(csrf())
                .param("purpose", "PROJECT_REVIEW")
                .param("subject", subject)
                .param("fieldCodes", field)
                .param("members", "5")
                .param("reserves", "1")
                .param("excludedExperts", "\n" + excluded + "：异议成立：曾为申请单位提供咨询\n\n")
                .exchange();
        assertThat(done).hasStatus(HttpStatus.FOUND);
        String url = done.getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/draws/");
        long id = Long.parseLong(url.substring("/draws/".length()));
        f.signIn(officer);
        assertThat(draws.get(id).excludedOnRequest())
                .containsExactly(new DrawForms.ExcludedExpert(excluded, "异议成立：曾为申请单位提供咨询"));
        TestPeople.signOut();
        assertThat(mvc.get().uri(url).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"excluded-on-request\"", "异议成立：曾为申请单位提供咨询");

        // malformed lines: 400, each line named, the form as typed, nothing written
        String typed = excluded + ": 理由一\n\nabc: 理由二\n" + excluded + " 没有冒号\n" + excluded + "：重复";
        var refused = mvc.post()
                .uri("/draws")
                .with(user(f.user(officer)))
                .with(csrf())
                .param("purpose", "FUNDING_DECISION")
                .param("subject", "被拒的申请 " + field)
                .param("fieldCodes", field)
                .param("members", "5")
                .param("reserves", "1")
                .param("excludedExperts", typed);
        assertThat(refused)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains(
                        "第 3 行：冒号前的专家编号只能是数字。",
                        "第 4 行：请写成“专家编号: 理由”。",
                        "第 5 行：这位专家已在前面列出。",
                        "抽取未创建",
                        "被拒的申请 " + field,
                        "abc: 理由二",
                        "<option value=\"FUNDING_DECISION\" selected=\"selected\"")
                .doesNotContain("第 1 行");
        assertThat(mvc.post()
                        .uri("/draws?lang=en")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("purpose", "PROJECT_REVIEW")
                        .param("subject", "refused " + field)
                        .param("fieldCodes", field)
                        .param("members", "5")
                        .param("reserves", "1")
                        .param("excludedExperts", excluded + ":"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("Line 1: give the reason after the colon");
        // the request's own rules refuse the same way: an unknown expert
        assertThat(mvc.post()
                        .uri("/draws")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("purpose", "PROJECT_REVIEW")
                        .param("subject", "无此专家 " + field)
                        .param("fieldCodes", field)
                        .param("members", "5")
                        .param("reserves", "1")
                        .param("excludedExperts", "987654321: 不存在"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("专家库中没有这位专家。", "987654321: 不存在");
        f.signIn(officer);
        assertThat(draws.list()).hasSize(before + 1);
    }

    @Test
    void anExpertSeesTheirOwnRecordOfReviewsAndNobodyButTheOfficeSeesAnothers() throws Exception {
        // a pool of exactly six: five members and one reserve, so everyone is drawn
        String own = TalentFixtures.field();
        Map<Long, String> loginOf = f.activeExperts("hrev", own, 6);
        f.signIn(officer);
        long decided = draws.request(TalentFixtures.request(DrawPurpose.PROJECT_REVIEW, "自己的评审记录 " + own, own, 5, 1))
                .id();
        draws.commit(decided);
        var drawn = draws.draw(decided).positions();
        long declined = drawn.get(0).expertId();
        long served = drawn.get(1).expertId();
        draws.replace(decided, new DrawForms.Replacement(1, "DECLINED", "出差在外"));
        draws.decide(decided, "评审完成");
        draws.rate(decided, served, new DrawForms.Rating(5, "意见详实"));
        // a second draw of the same pool (all six drawn: five members and a reserve) stays sealed: not in anyone's
        // record but its officer's
        long sealed = draws.request(TalentFixtures.request(DrawPurpose.EVALUATION, "尚未决定 " + own, own, 5, 1))
                .id();
        draws.commit(sealed);
        draws.draw(sealed);
        TestPeople.signOut();

        String servedLogin = loginOf.get(served);
        assertThat(mvc.get().uri("/api/v1/experts/me").with(user(f.user(servedLogin))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.reviews.length()").isEqualTo(1);
                    assertThat(json).extractingPath("$.reviews[0].drawId").isEqualTo((int) decided);
                    assertThat(json).extractingPath("$.reviews[0].record").isEqualTo("SERVED");
                    assertThat(json).extractingPath("$.reviews[0].rating").isEqualTo(5);
                    assertThat(json).extractingPath("$.reviews[0].ratingNote").isEqualTo("意见详实");
                    assertThat(json).extractingPath("$.reviews[0].rateable").isEqualTo(false);
                });
        var page = mvc.get()
                .uri("/experts/" + served)
                .with(user(f.user(servedLogin)))
                .exchange();
        assertThat(page).hasStatus(HttpStatus.OK);
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"reviews\"");
        String record = html.substring(html.indexOf("id=\"reviews\""));
        record = record.substring(0, record.indexOf("</table>"));
        // the sealed draw is only among the open calls (their own place), never in the record; no rating form
        assertThat(record)
                .contains("自己的评审记录 " + own, "已参加", "意见详实")
                .doesNotContain("尚未决定 " + own, "/experts/" + served + "/reviews/");
        assertThat(mvc.get().uri("/api/v1/experts/" + declined).with(user(f.user(loginOf.get(declined)))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.reviews[0].record")
                .isEqualTo("DECLINED");

        // another expert (of the same panel) and a person without an entry: as if it did not exist
        for (String other : List.of(loginOf.get(declined), f.person("hnon"))) {
            assertThat(mvc.get().uri("/api/v1/experts/" + served).with(user(f.user(other))))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/experts/" + served).with(user(f.user(other))))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .bodyText()
                    .doesNotContain("意见详实");
        }
        assertThat(mvc.get().uri("/api/v1/experts/" + served)).hasStatus(HttpStatus.UNAUTHORIZED);
        // the base office sees it, the sealed draw only for its responsible officer
        assertThat(mvc.get().uri("/api/v1/experts/" + served).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.reviews.length()")
                .isEqualTo(2);
        assertThat(mvc.get().uri("/api/v1/experts/" + served).with(user(f.user(f.officer()))))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.reviews.length()")
                .isEqualTo(1);
    }

    @Test
    void thePagesShowTheDatabaseTheDrawAndTheApplicationForm() {
        assertThat(mvc.get().uri("/experts?q=" + field).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("标准化专家库", "class=\"expert\"");
        assertThat(mvc.get().uri("/experts").with(user(f.user(pool.get(1))))).hasStatus(HttpStatus.FORBIDDEN);
        var csv = mvc.get()
                .uri("/experts/export.csv?q=" + field + "&status=ACTIVE")
                .with(user(f.user(officer)))
                .exchange();
        assertThat(csv).hasStatus(HttpStatus.OK);
        String text = new String(csv.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,name,ics").contains(field);
        assertThat(text.lines().count()).isEqualTo(8);
        assertThat(mvc.get().uri("/experts/export.csv").with(user(f.user(pool.get(1)))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/draws/" + drawId).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"positions\"", "id=\"replace\"", "id=\"decide\"");
        assertThat(mvc.get().uri("/draws").with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"new-draw\"");
        assertThat(mvc.get().uri("/experts/me").with(user(f.user(f.person("hform")))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"apply\"");
        assertThat(mvc.get().uri("/experts/me").with(user(f.user(pool.get(1))))).hasStatus(HttpStatus.FOUND);
        f.signIn(pool.get(1));
        long own = experts.mine().orElseThrow().id();
        TestPeople.signOut();
        assertThat(mvc.get().uri("/experts/" + own).with(user(f.user(pool.get(1)))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"profile\"", "id=\"employments\"", "do-retire")
                .doesNotContain("do-suspend");
        assertThat(mvc.get().uri("/experts/" + own).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("do-suspend")
                .doesNotContain("id=\"profile\"");
        assertThat(mvc.get().uri("/experts/" + own).with(user(f.user(pool.get(2)))))
                .hasStatus(HttpStatus.NOT_FOUND);
        // a form with a bad class goes back with the message
        var refused = mvc.post()
                .uri("/experts/me")
                .with(user(f.user(f.person("hform"))))
                .with(csrf())
                .param("icsCodes", "bad")
                .param("title", "SENIOR")
                .param("yearsInField", "10")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/experts/me");
        assertThat(refused).flash().containsKey("errors");
        var applied = mvc.post()
                .uri("/experts/me")
                .with(user(f.user(f.person("hform"))))
                .with(csrf())
                .param("icsCodes", TalentFixtures.field())
                .param("title", "SENIOR")
                .param("yearsInField", "10")
                .exchange();
        assertThat(applied).hasStatus(HttpStatus.FOUND);
        assertThat(applied.getResponse().getRedirectedUrl()).startsWith("/experts/");
    }

    @Test
    void anExpertKeepsTheirPeriodsOfUnavailabilityOverTheApiAndThePageAndTheOfficeMayToo() throws Exception {
        String login = f.person("hper");
        long own = f.activeExpert(login, TalentFixtures.field());
        String uri = "/api/v1/experts/" + own + "/unavailable-periods";
        var added = mvc.post()
                .uri(uri)
                .with(user(f.user(login)))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unavailableFrom\":\"2097-03-01\",\"unavailableTo\":\"2097-03-31\"}")
                .exchange();
        assertThat(added).hasStatus(HttpStatus.OK);
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unavailableFrom\":\"2097-06-01\"}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.unavailablePeriods[0].unavailableTo")
                            .isEqualTo("2097-03-31");
                    assertThat(json)
                            .extractingPath("$.unavailablePeriods[1].unavailableFrom")
                            .isEqualTo("2097-06-01");
                    assertThat(json).extractingPath("$.status").isEqualTo("ACTIVE");
                });
        // bad dates: 400 naming the field, in Chinese by default and in English when asked
        String backwards = "{\"unavailableFrom\":\"2097-02-10\",\"unavailableTo\":\"2097-02-01\"}";
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(backwards))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.unavailableTo")
                .isEqualTo("结束日期不能早于开始日期。");
        assertThat(mvc.post()
                        .uri(uri)
                        .header("Accept-Language", "en")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(backwards))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.unavailableTo")
                .isEqualTo("The end date cannot be before the start date.");
        assertThat(mvc.post()
                        .uri(uri)
                        .header("Accept-Language", "en")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unavailableTo\":\"2097-02-01\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.unavailableFrom")
                .isEqualTo("Give the first day of the period of unavailability.");
        // an overlap: 409 saying with which period
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unavailableFrom\":\"2097-03-31\",\"unavailableTo\":\"2097-04-02\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("2097-03-01", "2097-03-31", "重叠");
        // another expert: as if the expert did not exist; the base office may
        String other = f.person("hpero");
        f.activeExpert(other, TalentFixtures.field());
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(f.user(other)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unavailableFrom\":\"2098-01-01\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        long march = ((Number) JsonPath.read(
                        added.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                        "$.unavailablePeriods[0].id"))
                .longValue();
        assertThat(mvc.delete().uri(uri + "/" + march).with(user(f.user(other))).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unavailableFrom\":\"2097-01-10\",\"unavailableTo\":\"2097-01-12\"}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.unavailablePeriods.length()")
                .isEqualTo(3);
        assertThat(mvc.delete()
                        .uri(uri + "/" + march)
                        .with(user(f.user(officer)))
                        .with(csrf()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.unavailablePeriods[*].unavailableFrom")
                .asArray()
                .containsExactly("2097-01-10", "2097-06-01");
        // the page: the periods listed, a form to add and a button to remove; a refused form goes back with the reason
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/unavailable-periods")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .param("unavailableFrom", "2097-04-01")
                        .param("unavailableTo", "2097-04-05"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/experts/" + own);
        var refused = mvc.post()
                .uri("/experts/" + own + "/unavailable-periods")
                .with(user(f.user(login)))
                .with(csrf())
                .param("unavailableFrom", "2097-09-10")
                .param("unavailableTo", "2097-09-01")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND).flash().containsKey("errors");
        assertThat(mvc.get().uri("/experts/" + own).with(user(f.user(login))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"unavailable-periods\"", "2097-01-10", "2097-04-05", "2097-06-01", "另行通知")
                .contains("/experts/" + own + "/unavailable-periods/")
                .doesNotContain("2097-03-31");
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/unavailable-periods/" + march + "/remove")
                        .with(user(f.user(other)))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anExpertEndsAFormerEmploymentOverTheApiAndThePage() throws Exception {
        String login = f.person("hemp");
        long own = f.activeExpert(login, TalentFixtures.field());
        var added = mvc.post()
                .uri("/api/v1/experts/" + own + "/employments")
                .with(user(f.user(login)))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"employerName\":\"旧单位\",\"startedOn\":\"2010-01-01\"}")
                .exchange();
        assertThat(added).hasStatus(HttpStatus.OK);
        long job = ((Number) JsonPath.read(
                        added.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                        "$.employments[0].id"))
                .longValue();
        String uri = "/api/v1/experts/" + own + "/employments/" + job;
        assertThat(mvc.put()
                        .uri(uri)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employerName\":\"旧单位\",\"startedOn\":\"2010-01-01\",\"endedOn\":\"2009-12-31\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.endedOn")
                .isEqualTo("结束日期不能早于开始日期。");
        assertThat(mvc.put()
                        .uri(uri)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employerName\":\"旧单位\",\"startedOn\":\"2010-01-01\",\"endedOn\":\"2020-12-31\"}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.employments[0].endedOn")
                .isEqualTo("2020-12-31");
        assertThat(mvc.delete().uri(uri).with(user(f.user(pool.get(5)))).with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/employments/" + job + "/remove")
                        .with(user(f.user(login)))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/experts/" + own).with(user(f.user(login))))
                .bodyJson()
                .extractingPath("$.employments.length()")
                .isEqualTo(0);
    }

    @Test
    void aStandardDraftedLinksToItsDevelopmentProjectOverTheApiAndOnThePage() {
        String login = f.person("hprj");
        long own = f.activeExpert(login, TalentFixtures.field());
        long project = f.project(alliances, projects, "团体标准研制项目");
        String uri = "/api/v1/experts/" + own + "/drafted-standards";
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"draftingRole\":\"起草人\",\"projectId\":987654321}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.projectId")
                .isEqualTo("没有这个编号的研制项目。");
        assertThat(mvc.post()
                        .uri(uri)
                        .header("Accept-Language", "en")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"draftingRole\":\"起草人\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.designation")
                .isEqualTo("Give the designation or the number of the development project.");
        assertThat(mvc.post()
                        .uri(uri)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"draftingRole\":\"起草人\",\"projectId\":" + project + "}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.draftedStandards[0].project.id")
                            .isEqualTo((int) project);
                    assertThat(json)
                            .extractingPath("$.draftedStandards[0].project.href")
                            .isEqualTo("/projects/" + project);
                    assertThat(json)
                            .extractingPath("$.draftedStandards[0].project.titleZh")
                            .isEqualTo("团体标准研制项目");
                });
        // the page form with a designation and the project's number
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/drafted-standards")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("designation", "GB/T 1.1-2020")
                        .param("projectId", ""))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/experts/" + own).with(user(f.user(login))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("href=\"/projects/" + project + "\"", "团体标准研制项目", "GB/T 1.1-2020");
    }

    @Test
    void committeesStandardsDraftedAndRatingsOverTheApiAndThePages() throws Exception {
        String login = pool.get(3);
        f.signIn(login);
        long own = experts.mine().orElseThrow().id();
        TestPeople.signOut();
        assertThat(
                        mvc.post()
                                .uri("/api/v1/experts/" + own + "/committees")
                                .with(user(f.user(login)))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"committeeName\":\"SAC/TC 339\",\"committeeRole\":\"委员\",\"startedOn\":\"2020-05-01\"}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.committees[0].committeeRole")
                .isEqualTo("委员");
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + own + "/drafted-standards")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designation\":\"GB/T 1.1\"}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.draftedStandards[0].designation")
                .isEqualTo("GB/T 1.1");
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + own + "/drafted-standards")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designation\":\"废话\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.designation")
                .isEqualTo("这不是标准编号（例如 GB/T 1.1-2020、ISO/IEC 27001:2022）。");
        // another expert: as if it did not exist
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + own + "/committees")
                        .with(user(f.user(pool.get(4))))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"committeeName\":\"X\",\"committeeRole\":\"Y\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        // the page form
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/committees")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .param("committeeName", "SAC/TC 28")
                        .param("committeeRole", "观察员"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/experts/" + own).with(user(f.user(login))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"committees\"", "SAC/TC 28", "观察员", "id=\"drafted-standards\"", "GB/T 1.1")
                // the expert may see their record of reviews but rates nothing
                .doesNotContain("/experts/" + own + "/reviews/");
        var csv = mvc.get()
                .uri("/experts/export.csv?q=" + field)
                .with(user(f.user(officer)))
                .exchange();
        assertThat(new String(csv.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("committees,standardsDrafted", "SAC/TC 28 (观察员)", "GB/T 1.1");

        // a decided draw: its responsible officer rates over the API; the expert cannot
        f.signIn(officer);
        long decided = draws.request(TalentFixtures.request(
                        DrawPurpose.EVALUATION, "评分 " + field, field, 5, 0, f.organization("评分接口企业")))
                .id();
        draws.commit(decided);
        long member = draws.draw(decided).positions().getFirst().expertId();
        draws.decide(decided, "完成");
        TestPeople.signOut();
        String rating = "{\"rating\":4,\"note\":\"准时\"}";
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + member + "/reviews/" + decided + "/rating")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":9}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + member + "/reviews/" + decided + "/rating")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rating))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.reviews[?(@.drawId == " + decided + ")].rating")
                .asArray()
                .containsExactly(4);
        String memberLogin = pool.stream()
                .filter(l -> {
                    f.signIn(l);
                    try {
                        return experts.mine().orElseThrow().id() == member;
                    } finally {
                        TestPeople.signOut();
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(mvc.post()
                        .uri("/api/v1/experts/" + member + "/reviews/" + decided + "/rating")
                        .with(user(f.user(memberLogin)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rating))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/experts/" + member).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"reviews\"", "评分 " + field, "已参加", "准时");
        // the page form of the rating
        assertThat(mvc.post()
                        .uri("/experts/" + member + "/reviews/" + decided + "/rating")
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("rating", "3")
                        .param("note", "改评"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/experts/" + member).with(user(f.user(officer))))
                .bodyJson()
                .extractingPath("$.reviews[?(@.drawId == " + decided + ")].ratingNote")
                .asArray()
                .containsExactly("改评");
    }

    @Test
    void committeesAndStandardsDraftedAreCorrectedAndRemovedOverTheApiAndThePages() throws Exception {
        String login = pool.get(5);
        f.signIn(login);
        long own = experts.mine().orElseThrow().id();
        TestPeople.signOut();
        String added = mvc.post()
                .uri("/api/v1/experts/" + own + "/committees")
                .with(user(f.user(login)))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"committeeName\":\"SAC/TC 573\",\"committeeRole\":\"委员\"}")
                .exchange()
                .getResponse()
                .getContentAsString();
        List<Number> ids = JsonPath.read(added, "$.committees[?(@.committeeName == 'SAC/TC 573')].id");
        long committee = ids.getFirst().longValue();
        assertThat(
                        mvc.put()
                                .uri("/api/v1/experts/" + own + "/committees/" + committee)
                                .with(user(f.user(login)))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"committeeName\":\"SAC/TC 573\",\"committeeRole\":\"秘书长\",\"startedOn\":\"2021-01-01\"}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.committees[?(@.id == " + committee + ")].committeeRole")
                .asArray()
                .containsExactly("秘书长");
        assertThat(mvc.put()
                        .uri("/api/v1/experts/" + own + "/committees/" + committee)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"committeeName\":\"SAC/TC 573\",\"committeeRole\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.committeeRole")
                .isEqualTo("Give the role in the committee (at most 100 characters).");
        // another expert: as if it did not exist
        assertThat(mvc.delete()
                        .uri("/api/v1/experts/" + own + "/committees/" + committee)
                        .with(user(f.user(pool.get(6))))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/committees/" + committee + "/remove")
                        .with(user(f.user(pool.get(6))))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        // the page shows the change and remove forms of each entry
        assertThat(mvc.get().uri("/experts/" + own).with(user(f.user(login))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains(
                        "id=\"committee-" + committee + "\"",
                        "/experts/" + own + "/committees/" + committee + "/remove");
        // the page forms: a bad change goes back with the message, a good one is saved, then removed
        var refused = mvc.post()
                .uri("/experts/" + own + "/committees/" + committee)
                .with(user(f.user(login)))
                .with(csrf())
                .param("committeeName", "SAC/TC 573")
                .param("committeeRole", "委员")
                .param("startedOn", "2022-01-01")
                .param("endedOn", "2021-01-01")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/experts/" + own);
        assertThat(refused).flash().containsKey("errors");
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/committees/" + committee)
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("committeeName", "SAC/TC 573")
                        .param("committeeRole", "顾问"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("notice", "talent.saved");
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/drafted-standards")
                        .with(user(f.user(login)))
                        .with(csrf())
                        .param("designation", "T/CAS 115-2005"))
                .hasStatus(HttpStatus.FOUND);
        f.signIn(login);
        var me = experts.mine().orElseThrow();
        TestPeople.signOut();
        assertThat(me.committees())
                .filteredOn(c -> c.id() == committee)
                .singleElement()
                .extracting(ExpertView.CommitteeView::committeeRole)
                .isEqualTo("顾问");
        long drafted = me.draftedStandards().stream()
                .filter(d -> d.designation().equals("T/CAS 115-2005"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/drafted-standards/" + drafted)
                        .with(user(f.user(login)))
                        .with(csrf())
                        .param("designation", "T/CAS 115-2005")
                        .param("draftingRole", "主要起草人"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.delete()
                        .uri("/api/v1/experts/" + own + "/drafted-standards/" + drafted)
                        .with(user(f.user(officer)))
                        .with(csrf()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.draftedStandards[?(@.id == " + drafted + ")]")
                .asArray()
                .isEmpty();
        assertThat(mvc.post()
                        .uri("/experts/" + own + "/committees/" + committee + "/remove")
                        .with(user(f.user(login)))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/experts/" + own).with(user(f.user(login))))
                .bodyJson()
                .extractingPath("$.committees[?(@.id == " + committee + ")]")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/history/expert/" + own).with(user(f.user(officer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("修改了技术委员会任职", "删除了技术委员会任职", "删除了起草标准");
    }

    @Test
    void aDrawnExpertSeesOnlyTheirOwnCallAndDeclaresAConflictOnTheirPage() {
        String own = TalentFixtures.field();
        Map<Long, String> loginOf = f.activeExperts("call", own, 6);
        f.signIn(officer);
        long id = draws.request(TalentFixtures.request(
                        DrawPurpose.PROJECT_REVIEW, "回避声明 " + own, own, 5, 1, f.organization("回避企业")))
                .id();
        draws.commit(id);
        var drawn = draws.draw(id);
        TestPeople.signOut();
        var first = drawn.positions().getFirst();
        String member = loginOf.get(first.expertId());
        String reserve = loginOf.get(drawn.positions().getLast().expertId());

        // the member's own page lists the call, with their role only
        assertThat(mvc.get().uri("/experts/" + first.expertId()).with(user(f.user(member))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("id=\"calls\"", "回避声明 " + own, "/draws/" + id + "/conflict")
                .doesNotContain(drawn.positions().get(1).expertName());
        // the office does not see the expert's calls on their page; someone never drawn cannot declare
        assertThat(mvc.get().uri("/experts/" + first.expertId()).with(user(f.user(officer))))
                .bodyText()
                .doesNotContain("id=\"calls\"");
        assertThat(mvc.post()
                        .uri("/draws/" + id + "/conflict")
                        .with(user(f.user(pool.get(0))))
                        .with(csrf())
                        .param("reason", "无关"))
                .hasStatus(HttpStatus.NOT_FOUND);
        // no reason: back with the message, nothing changed
        var refused = mvc.post()
                .uri("/draws/" + id + "/conflict")
                .with(user(f.user(member)))
                .with(csrf())
                .param("reason", " ")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/experts/" + first.expertId());
        assertThat(refused).flash().containsKey("errors");
        // declared: excluded under the declared-conflict rule, the reserve takes the seat, the call is gone
        var declared = mvc.post()
                .uri("/draws/" + id + "/conflict")
                .with(user(f.user(member)))
                .with(csrf())
                .param("reason", "本人为送审单位的技术顾问")
                .exchange();
        assertThat(declared).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/experts/" + first.expertId());
        assertThat(declared).flash().containsEntry("notice", "talent.conflict.declared");
        f.signIn(officer);
        var after = draws.get(id);
        TestPeople.signOut();
        assertThat(after.positions().getFirst().outcome()).isEqualTo("CONFLICT");
        assertThat(after.positions().getLast().outcome()).isEqualTo("SERVING");
        assertThat(after.exclusions())
                .filteredOn(x -> x.expertId() == first.expertId())
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.rule()).isEqualTo(AvoidanceRuleName.DECLARED_CONFLICT);
                    assertThat(x.afterDraw()).isTrue();
                });
        assertThat(mvc.get().uri("/experts/" + first.expertId()).with(user(f.user(member))))
                .bodyText()
                .doesNotContain("id=\"calls\"");
        // the reserve, now serving, still has their call
        assertThat(mvc.get()
                        .uri("/experts/" + drawn.positions().getLast().expertId())
                        .with(user(f.user(reserve))))
                .bodyText()
                .contains("id=\"call-" + id + "\"");
    }
}
