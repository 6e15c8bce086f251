package org.stdhub.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.stdhub.research.ResearchFixtures.RUN;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stdhub.TestPeople;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.SystemActor;
import org.stdhub.programme.Committees;

/**
 * The research center's pages over HTTP: the base office's dashboard (officers only), the landing page and the page
 * about the base with the latest of each module, the page forms of research projects and reports with their refusals
 * (400 in the reader's language with nothing written, 403, 404), the expert committee's opinions on a plan, and the
 * demo project with its report.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchPagesTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

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
    Committees committees;

    @Autowired
    ResearchDemoData demo;

    @Autowired
    JdbcTemplate jdbc;

    ResearchFixtures f;
    String researcher;
    String otherResearcher;
    String officer;
    AllianceView alliance;

    @BeforeAll
    void setUp() {
        f = new ResearchFixtures(accounts, organizations, principals);
        long center = f.people.organization(OrganizationKind.BASE_OFFICE, "研究页面测试中心");
        researcher = f.people.person("pr", center, Role.RESEARCHER);
        otherResearcher = f.people.person("po", center, Role.RESEARCHER);
        officer = f.people.person("pb", center, Role.BASE_OFFICER);
        long allianceOrg = f.people.organization(OrganizationKind.ALLIANCE, "页面测试联盟");
        alliance = SystemActor.run("test", () -> alliances.register(allianceOrg, "PG" + ResearchFixtures.letters()));
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void theBaseOfficeDashboardIsForOfficersOnly() {
        assertThat(mvc.get().uri("/analytics/office"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
        assertThat(mvc.get().uri("/analytics/office").with(f.as(researcher))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/analytics/office").with(f.as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("基地办公室看板", "id=\"past-deadline-count\"", "id=\"overdue-reviews\"", "workflow-enquiries")
                .contains("/verification-tasks", "/courses", "/enquiries");
        assertThat(mvc.get().uri("/analytics/office?lang=en").with(f.as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("Base office dashboard", "Enquiries past deadline");
        // the public dashboard shows the workflows without "no data yet" and links officers to theirs
        assertThat(mvc.get().uri("/analytics?lang=en"))
                .hasStatusOk()
                .bodyText()
                .contains("workflow-verification", "workflow-training", "workflow-enquiries")
                .doesNotContain("/analytics/office");
        assertThat(mvc.get().uri("/analytics").with(f.as(officer))).bodyText().contains("/analytics/office");
        assertThat(mvc.get().uri("/api/v1/analytics/workflows/enquiries"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.measures[0]")
                .isEqualTo("received");
        assertThat(mvc.get().uri("/api/v1/analytics/workflows/nothing")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theLandingPageAndTheAboutPageShowTheLatestOfEachModule() {
        assertThat(mvc.get().uri("/"))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"latest-of-each\"", "id=\"latest-alliances\"", "id=\"latest-labs\"")
                .contains("id=\"latest-bulletins\"", "id=\"latest-notices\"", "id=\"latest-group-standards\"")
                .contains("id=\"latest-courses\"", "/alliances/" + alliance.id(), "基地最新动态");
        assertThat(mvc.get().uri("/?lang=en")).hasStatusOk().bodyText().contains("Latest at the base");
        assertThat(mvc.get().uri("/about"))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"latest-of-each\"", "/alliances/" + alliance.id(), "id=\"latest-projects\"");
    }

    @Test
    void aResearcherProposesEditsAndPublishesFromThePagesAndBadInputWritesNothing() throws Exception {
        assertThat(mvc.get().uri("/research/projects/new")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/research/projects/new").with(f.as(researcher)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"project-form\"", "milestoneTitle");

        // no topic, a bad id: 400 with the reasons in the reader's language, the form kept, nothing written
        long before = jdbc.queryForObject("select count(*) from research_project", Long.class);
        MvcTestResult bad = mvc.post()
                .uri("/research/projects")
                .with(f.as(researcher))
                .with(csrf())
                .param("topic", "")
                .param("plan", "保留的计划")
                .param("team", "abc")
                .exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad).bodyText().contains("请输入以逗号分隔的编号", "保留的计划");
        assertThat(mvc.post()
                        .uri("/research/projects?lang=en")
                        .with(f.as(researcher))
                        .with(csrf())
                        .param("topic", "")
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("Required.");
        assertThat(jdbc.queryForObject("select count(*) from research_project", Long.class))
                .isEqualTo(before);

        MvcTestResult proposed = mvc.post()
                .uri("/research/projects")
                .with(f.as(researcher))
                .with(csrf())
                .param("topic", "页面提出的课题 " + RUN)
                .param("plan", "计划")
                .param("milestoneTitle", "开题", "")
                .param("milestoneDue", LocalDate.now().plusDays(30).toString(), "")
                .param("milestoneStatus", "PLANNED", "PLANNED")
                .exchange();
        assertThat(proposed).hasStatus(HttpStatus.FOUND);
        String location = proposed.getResponse().getRedirectedUrl();
        assertThat(location).matches("/research/projects/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(mvc.get().uri(location).with(f.as(researcher)))
                .hasStatusOk()
                .bodyText()
                .contains("页面提出的课题", "开题", "id=\"edit-project\"", "id=\"publish-project\"")
                .doesNotContain("id=\"start-project\"");

        // another researcher neither sees the unpublished project nor may edit it once published
        assertThat(mvc.get().uri("/research/projects/{id}/edit", id).with(f.as(otherResearcher)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/research/projects/{id}/edit", id).with(f.as(researcher)))
                .hasStatusOk()
                .bodyText()
                .contains("开题");
        assertThat(mvc.post()
                        .uri("/research/projects/{id}", id)
                        .with(f.as(researcher))
                        .with(csrf())
                        .param("topic", "页面修改的课题 " + RUN)
                        .param("team", String.valueOf(f.people.personId(researcher)))
                        .param("milestoneTitle", "开题")
                        .param("milestoneDue", LocalDate.now().plusDays(30).toString())
                        .param("milestoneStatus", "DONE"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForObject("select status from research_milestone where project_id = ?", String.class, id))
                .isEqualTo("DONE");
        // only the base office starts a project
        assertThat(mvc.post()
                        .uri("/research/projects/{id}/start", id)
                        .with(f.as(researcher))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/research/projects/{id}/start", id)
                        .with(f.as(officer))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForObject("select state from research_project where id = ?", String.class, id))
                .isEqualTo("ACTIVE");
        // starting again is refused with a message on the page, not an error
        MvcTestResult again = mvc.post()
                .uri("/research/projects/{id}/start", id)
                .with(f.as(officer))
                .with(csrf())
                .exchange();
        assertThat(again).hasStatus(HttpStatus.FOUND);
        assertThat(again.getMvcResult().getFlashMap().get("problem")).isNotNull();
        assertThat(mvc.post()
                        .uri("/research/projects/{id}/publish", id)
                        .with(f.as(researcher))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/research/projects/{id}", id))
                .hasStatusOk()
                .bodyText()
                .contains("页面修改的课题");
        assertThat(mvc.get().uri("/research/projects/{id}/edit", id).with(f.as(otherResearcher)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/research/projects/{id}", id)
                        .with(f.as(otherResearcher))
                        .with(csrf())
                        .param("topic", "别人的修改"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aReportIsWrittenGetsAVersionAndIsPublishedFromItsPage() throws Exception {
        assertThat(mvc.post()
                        .uri("/research/reports")
                        .with(f.as(researcher))
                        .with(csrf())
                        .param("kind", "REPORT")
                        .param("title", "")
                        .param("abstractText", ""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("必填");
        MvcTestResult written = mvc.post()
                .uri("/research/reports")
                .with(f.as(researcher))
                .with(csrf())
                .param("kind", "POLICY_BRIEF")
                .param("title", "页面写的政策建议 " + RUN)
                .param("abstractText", "摘要")
                .param("keywords", "采标，国际标准")
                .exchange();
        assertThat(written).hasStatus(HttpStatus.FOUND);
        String location = written.getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // unpublished: hidden from others
        assertThat(mvc.get().uri(location)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(location).with(f.as(otherResearcher))).hasStatus(HttpStatus.NOT_FOUND);
        // publishing without a file is refused with the reason on the page
        MvcTestResult early = mvc.post()
                .uri("/research/reports/{id}/publish", id)
                .with(f.as(researcher))
                .with(csrf())
                .exchange();
        assertThat(early.getMvcResult().getFlashMap().get("problem")).asString().contains("须先上传文件");
        // a file that is not PDF or Word is refused by its content
        MvcTestResult fake = mvc.post()
                .uri("/research/reports/{id}/versions", id)
                .with(f.as(researcher))
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile(
                        "file", "x.pdf", "application/pdf", "MZ".getBytes(StandardCharsets.US_ASCII)))
                .exchange();
        assertThat(fake.getMvcResult().getFlashMap().get("errors")).asString().contains("research.error.file-type");
        assertThat(mvc.post()
                        .uri("/research/reports/{id}/versions", id)
                        .with(f.as(otherResearcher))
                        .with(csrf())
                        .multipart()
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/research/reports/{id}/versions", id)
                        .with(f.as(researcher))
                        .with(csrf())
                        .multipart()
                        .file(new MockMultipartFile("file", "建议.pdf", "application/pdf", PDF)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/research/reports/{id}/publish", id)
                        .with(f.as(researcher))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(location))
                .hasStatusOk()
                .bodyText()
                .contains("页面写的政策建议", "建议.pdf", "国际标准")
                .doesNotContain("id=\"upload-version\"");
    }

    @Test
    void theExpertCommitteesOpinionOnAPlanIsRecordedWithItsMeetingByTheBaseOffice() {
        f.signIn(researcher);
        long id = projectsOf()
                .propose(new ResearchProjectForm("需要专家意见的计划 " + RUN, "计划", null, null, null, null, null))
                .id();
        f.signIn(officer);
        var committee = committees.create(
                new Committees.NewCommittee(Committees.Kind.EXPERT_COMMITTEE, "页面测试专家委员会 " + RUN, null, null, null));
        var withMeeting = committees.addMeeting(committee.id(), new Committees.NewMeeting(LocalDate.now(), "研究计划评审"));
        long meeting = withMeeting.meetings().getFirst().id();
        TestPeople.signOut();

        assertThat(mvc.get().uri("/research/projects/{id}", id).with(f.as(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"opinion-form\"", "研究计划评审");
        assertThat(mvc.post()
                        .uri("/research/projects/{id}/opinions", id)
                        .with(f.as(researcher))
                        .with(csrf())
                        .param("meetingId", String.valueOf(meeting))
                        .param("text", "自己的意见"))
                .hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult noMeeting = mvc.post()
                .uri("/research/projects/{id}/opinions", id)
                .with(f.as(officer))
                .with(csrf())
                .param("text", "意见")
                .exchange();
        assertThat(noMeeting.getMvcResult().getFlashMap().get("errors"))
                .asString()
                .contains("research.error.meeting");
        assertThat(mvc.post()
                        .uri("/research/projects/{id}/opinions", id)
                        .with(f.as(officer))
                        .with(csrf())
                        .param("meetingId", String.valueOf(meeting))
                        .param("text", "同意立项，建议补充国际比对。"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/research/projects/{id}", id).with(f.as(researcher)))
                .hasStatusOk()
                .bodyText()
                .contains("同意立项，建议补充国际比对。", "页面测试专家委员会")
                .doesNotContain("id=\"opinion-form\"");
        f.signIn(officer);
        assertThat(committees.get(committee.id()).meetings().getFirst().decisions())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.subjectType()).isEqualTo(CommitteeOpinions.SUBJECT_TYPE);
                    assertThat(d.subjectId()).isEqualTo(String.valueOf(id));
                });
    }

    @Test
    void theDemoProjectAndItsReportAreMadeOnceMarkedAndPublic() {
        demo.create();
        assertThat(demo.create()).isFalse();
        assertThat(mvc.get().uri("/research/projects"))
                .hasStatusOk()
                .bodyText()
                .contains(ResearchDemoData.TOPIC, ResearchDemoData.REPORT, "演示数据");
        long report = jdbc.queryForObject(
                "select id from research_report where title = ?", Long.class, ResearchDemoData.REPORT);
        assertThat(mvc.get().uri("/api/v1/reports/{id}/versions/0/file", report))
                .hasStatusOk()
                .hasContentType("application/pdf");
    }

    // ------------------------------------------------------------------ helpers

    @Autowired
    ResearchProjects researchProjects;

    private ResearchProjects projectsOf() {
        return researchProjects;
    }
}
